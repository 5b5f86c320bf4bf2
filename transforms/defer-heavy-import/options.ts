// Options of a defer-heavy-import operation (from a lazify plan or the jscodeshift CLI).
import { z } from 'zod';
import { parseOptions, pickOptions } from '../parse-options.js';
import { IDENTIFIER, syntaxLevelSchema } from '../option-schemas.js';
import type { LazyLoadFormat } from '../transform-module.js';

/** Options of one defer-heavy-import operation. */
export interface DeferHeavyImportOptions {
  /** Local names of the import bindings to defer (`OpenAI`, `getEncoding`); comma-separated on the CLI. */
  bindings: string[];
  /** How the output loads modules: `cjs` (require inside the function) or native `esm` (`await import()`). */
  moduleFormat: LazyLoadFormat;
  /** The newest ECMAScript edition the project allows in this JavaScript file (below 2015: `var` loaders). Absent: no limit. */
  syntaxLevel?: number;
}

/**
 * The options as a plan carries them (JSON types, no key besides these): lazify checks a plan's
 * operation against it, and {@link readOptions} the options of a run.
 */
export const optionsSchema = z
  .strictObject({
    bindings: z
      .array(z.string().regex(IDENTIFIER, { error: 'must be an identifier' }))
      .min(1)
      .describe('Local names of the import bindings to defer (OpenAI, getEncoding); comma-separated on the jscodeshift CLI.'),
    moduleFormat: z.enum(['cjs', 'esm']).describe('How the output loads modules: cjs (require inside the function) or native esm (await import()).'),
    syntaxLevel: syntaxLevelSchema.optional(),
  })
  .describe('Options of a defer-heavy-import operation.');

/**
 * Reads and checks options; returns a message naming the first problem, or the options. Under the
 * jscodeshift CLI options are flat strings (`--bindings=OpenAI,Anthropic --syntaxLevel=2015`)
 * beside jscodeshift's own: those are read as JSON values, the others left out.
 */
export function readOptions(raw: Record<string, unknown>): DeferHeavyImportOptions | string {
  const known = pickOptions(raw, Object.keys(optionsSchema.shape));
  if (typeof known.bindings === 'string') known.bindings = known.bindings.split(',').map((s) => s.trim()).filter(Boolean);
  if (typeof known.syntaxLevel === 'string' && known.syntaxLevel.trim() !== '') known.syntaxLevel = Number(known.syntaxLevel);
  const { options, problem } = parseOptions(optionsSchema, known);
  // The schema's output is the options type (the compiler checks the return).
  return problem !== undefined ? `defer-heavy-import: ${problem}` : options;
}
