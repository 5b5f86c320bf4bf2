import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { OptionPath } from '../transform-module.js';

/** One focused module the god-module's declarations move to. */
export interface ClusterOption {
  /** New module path relative to the root, e.g. `src/utils/tokenization.ts`. */
  module: string;
  /** Export names that move there (their private helpers follow automatically). */
  exports: string[];
}

/** Options of god-module-to-focused-modules; a plan operation carries exactly these. */
export interface SplitOptions {
  /** The god-module, relative to the root. It becomes a re-export shim. */
  module: string;
  clusters: ClusterOption[];
  /** Where helpers used by more than one module go; default `<module dir>/<module name>/shared.<ext>`. */
  shared?: string;
  /** Files whose imports of `module` are rewritten to the focused modules. */
  importers?: string[];
  /** Put `@deprecated` JSDoc on the shim's re-exports, pointing at the new module. */
  deprecate?: boolean;
  /** How new relative specifiers end: `.js` (NodeNext ESM), none (CommonJS resolution) or `.ts`. Detected when absent. */
  extension?: 'js' | 'none' | 'ts';
  /** Absolute project root; lazify sets it, the jscodeshift CLI defaults to the working directory. */
  root?: string;
}

// Under lazify the operation carries its options: an options file would be read from anywhere.
const cliOnly = z
  .never({ error: 'is for the jscodeshift CLI only; a plan operation carries its options itself' })
  .optional()
  .describe('jscodeshift CLI only: not allowed in a plan.');

/**
 * The options as a plan carries them (JSON types, no key besides these); lazify checks a plan's
 * operation against it. `deprecate` and `extension` may also come as flags on the jscodeshift CLI.
 */
export const optionsSchema = z
  .strictObject({
    module: z.string().min(1).describe('The god-module, relative to the project root; it becomes a re-export shim.'),
    clusters: z
      .array(
        z.strictObject({
          module: z.string().min(1).describe('The new module, relative to the project root (src/utils/tokenization.ts).'),
          exports: z.array(z.string().min(1)).describe('Export names that move there (their private helpers follow).'),
        }),
      )
      .min(1)
      .describe('Each new module and the export names that move there.'),
    shared: z.string().min(1).optional().describe('Where private helpers used by several new modules go (default <module dir>/<module name>/shared.<ext>).'),
    importers: z.array(z.string().min(1)).optional().describe('Files whose imports of module are rewritten to the focused modules.'),
    deprecate: z.boolean().optional().describe('Put @deprecated on the shim\'s re-exports, pointing at the new module (`--deprecate` sets it).'),
    extension: z.enum(['js', 'none', 'ts']).optional().describe('How new relative specifiers end: js (NodeNext ESM), none (CommonJS resolution) or ts; detected when absent.'),
    plan: cliOnly,
    options: cliOnly,
    operation: cliOnly,
  })
  .describe('Options of a god-module-to-focused-modules operation.');

/**
 * Reads the split options from what the caller passed. lazify passes them directly; on the
 * jscodeshift CLI, where options are flat strings, pass `--plan=plan.json` (optionally with
 * `--operation=<id>`) or `--options=options.json` and the operation's options are read from there.
 */
export function readSplitOptions(raw: Record<string, unknown>): SplitOptions {
  const root = typeof raw.root === 'string' ? raw.root : process.cwd();
  let options: Record<string, unknown> = raw;
  if (typeof raw.plan === 'string') {
    const plan = JSON.parse(readFileSync(resolve(root, raw.plan), 'utf8')) as { operations?: Array<Record<string, unknown>> };
    const operation = (plan.operations ?? []).find((op) =>
      typeof raw.operation === 'string' ? op.id === raw.operation : op.transform === 'god-module-to-focused-modules',
    );
    if (!operation) throw new Error(`no god-module-to-focused-modules operation in ${raw.plan}`);
    options = { ...(operation.options as Record<string, unknown>), ...pick(raw, ['deprecate', 'extension']) };
  } else if (typeof raw.options === 'string') {
    const parsed = JSON.parse(readFileSync(resolve(root, raw.options), 'utf8')) as Record<string, unknown>;
    // Either the options themselves or a single operation (`{ files, options }`).
    const own = parsed.module === undefined && typeof parsed.options === 'object' ? (parsed.options as Record<string, unknown>) : parsed;
    options = { ...own, ...pick(raw, ['deprecate', 'extension']) };
  }
  return { ...(options as unknown as SplitOptions), root, deprecate: options.deprecate === true || options.deprecate === 'true' };
}

function pick(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
}

/** Every path the options name: the god-module, each cluster's module, the shared module, the importers. */
export function optionPaths(raw: Record<string, unknown>): OptionPath[] {
  const paths: OptionPath[] = [];
  if (typeof raw.module === 'string') paths.push({ option: 'module', path: raw.module });
  if (Array.isArray(raw.clusters)) {
    raw.clusters.forEach((cluster, i) => {
      const module = typeof cluster === 'object' && cluster !== null ? (cluster as Record<string, unknown>).module : undefined;
      if (typeof module === 'string') paths.push({ option: `clusters[${i}].module`, path: module });
    });
  }
  if (typeof raw.shared === 'string') paths.push({ option: 'shared', path: raw.shared });
  if (Array.isArray(raw.importers)) raw.importers.forEach((path, i) => typeof path === 'string' && paths.push({ option: `importers[${i}]`, path }));
  return paths;
}
