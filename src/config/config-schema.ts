// The shape of lazify's config file, in one zod schema: it validates what the loader reads and
// is the source of the JSON Schema shipped in schema/ (npm run schema), so editors and lazify
// agree on every key. Strict objects everywhere: a mistyped key is an error, not a silent no-op.
import { z } from 'zod';
import { SIZE_PATTERN } from './parse-size.js';

/** Finding kinds, as in `Finding['kind']` (the test of the schema keeps the two in step). */
export const FINDING_KINDS = ['registry', 'eager-init', 'global-side-effect', 'god-module', 'cycle', 'heavy-import'] as const;

const size = z
  .union([z.number().nonnegative(), z.string().regex(SIZE_PATTERN, 'a size such as 2 MB, 500 KB or a number of bytes')])
  .describe('Bytes, or a size such as "2 MB" or "500 KB" (1 KB = 1024 B).');

const kind = z.enum(FINDING_KINDS);
const severity = z.enum(['high', 'medium', 'low']);

const ignoreRule = z.union([
  z.string().min(1).describe('A finding id, as printed by `lazify analyze --format json` (e.g. "registry:src/router.ts:MODEL_PREFIXES").'),
  z
    .strictObject({
      id: z.string().min(1).optional().describe('A finding id.'),
      kind: kind.optional().describe('Ignore findings of this kind (in `file` when given).'),
      file: z.string().min(1).optional().describe('Glob of root-relative files whose findings are ignored (of `kind` when given).'),
      reason: z.string().optional().describe('Why: kept for the reader of the config.'),
    })
    .refine((rule) => rule.id !== undefined || rule.kind !== undefined || rule.file !== undefined, { message: 'an ignore rule needs id, kind or file' }),
]);

/** The config file's schema (lazify.config.json, .js, .mjs, .cjs, or package.json "lazify"). */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
    entry: z.string().min(1).optional().describe('Entry file, relative to the project root, instead of package.json exports/main/module (`--entry` overrides it).'),
    apply: z
      .strictObject({
        include: z.array(z.string().min(1)).optional().describe('Globs of files plan and apply may rewrite although they are not part of the package (tests, scripts, examples). `--include` adds to them.'),
        exclude: z.array(z.string().min(1)).optional().describe('Globs of files plan and apply never rewrite, even when they are part of the package.'),
      })
      .optional()
      .describe('What plan and apply may rewrite.'),
    findings: z
      .strictObject({
        kinds: z
          .partialRecord(kind, z.boolean())
          .optional()
          .describe('Finding kinds turned on (true, the default) or off (false), e.g. { "cycle": false }.'),
        minSaving: size.optional().describe('Leave out findings that would save fewer bytes (findings that cost no bytes themselves, cycles and global side effects, are kept).'),
        failOn: severity.optional().describe('Exit with code 1 when a finding this severe or worse is reported (`--fail-on` overrides it).'),
      })
      .optional()
      .describe('Which findings analyze reports, and when it fails.'),
    ignore: z.array(ignoreRule).optional().describe('Findings not to report: ids, or kind and file-glob rules.'),
    budgets: z
      .strictObject({
        modules: z.int().nonnegative().optional().describe('Most modules the entry may load at import (static, from the module graph).'),
        bytes: size.optional().describe('Most bytes the entry may load at import (static, from the module graph).'),
        importRatio: z.number().positive().optional().describe('Most measured import time, as a multiple of a bare `node -e 0` start measured in the same run.'),
        importMs: z.number().positive().optional().describe('Most measured import time in ms (machine-dependent: prefer importRatio in CI).'),
      })
      .optional()
      .describe('Import budgets `lazify check` enforces (its --max-* flags override them).'),
  })
  .describe('lazify configuration: https://www.npmjs.com/package/lazify-imports');

/** A config file's content once validated. */
export type LazifyConfigInput = z.infer<typeof configSchema>;
/** One `ignore` rule of the config. */
export type IgnoreRuleInput = z.infer<typeof ignoreRule>;

/** The JSON Schema of the config file, generated from {@link configSchema}. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input' }),
    title: 'lazify configuration',
  };
}
