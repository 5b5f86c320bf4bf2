// Options of a defer-eager-init operation (from a lazify plan or the jscodeshift CLI).
import { z } from 'zod';
import { parseOptions, pickOptions } from '../parse-options.js';
import { IDENTIFIER, syntaxLevelSchema } from '../option-schemas.js';
import type { LazyLoadFormat, OptionPath } from '../transform-module.js';

/** Options of one defer-eager-init operation. Paths are relative to the project root. */
export interface DeferEagerInitOptions {
  /** The file that declares the value (before any split moved it; re-exports are followed). */
  file: string;
  /** The top-level `const` built at import (`encoder`, `chatSchema`). */
  name: string;
  /** How the output loads modules: `cjs` (JavaScript CommonJS or TS compiled to CommonJS) or native `esm`. */
  moduleFormat: LazyLoadFormat;
  /**
   * Native ESM only: an exported `const` cannot stay a lazily built export, so `name` is replaced by
   * its accessor. That changes the module's API for outside users; it happens only with this set.
   */
  allowApiChange?: boolean;
  /**
   * The newest ECMAScript edition (by year, 5 for ES5) the project lets generated code use in
   * this JavaScript file (lazify decides it from engines.node, eslint ecmaVersion, tsconfig):
   * below 2021 no `??=`, below 2015 no `const`, `let` or arrows. Absent: no limit.
   */
  syntaxLevel?: number;
}

/**
 * The options as a plan carries them (JSON types, no key besides these): lazify checks a plan's
 * operation against it, and {@link readOptions} the options of a run.
 */
export const optionsSchema = z
  .strictObject({
    file: z.string().min(1).describe('The file that declares the value, relative to the project root (before any split moved it; re-exports are followed).'),
    name: z.string().regex(IDENTIFIER, { error: 'must be an identifier' }).describe('The top-level const built at import (encoder, chatSchema).'),
    moduleFormat: z.enum(['cjs', 'esm']).describe('How the output loads modules: cjs (require) or native esm.'),
    allowApiChange: z.boolean().optional().describe('Native ESM: replace the exported const by its accessor (changes the module\'s API).'),
    syntaxLevel: syntaxLevelSchema.optional(),
  })
  .describe('Options of a defer-eager-init operation.');

/**
 * Reads and checks options; returns a message naming the first problem, or the options. Under the
 * jscodeshift CLI options are flat strings (`--allowApiChange=true --syntaxLevel=2015`) beside
 * jscodeshift's own: those are read as JSON values, the others left out.
 */
export function readOptions(raw: Record<string, unknown>): DeferEagerInitOptions | string {
  const known = pickOptions(raw, Object.keys(optionsSchema.shape));
  if (known.allowApiChange === 'true' || known.allowApiChange === 'false') known.allowApiChange = known.allowApiChange === 'true';
  if (typeof known.syntaxLevel === 'string' && known.syntaxLevel.trim() !== '') known.syntaxLevel = Number(known.syntaxLevel);
  const { options, problem } = parseOptions(optionsSchema, known);
  // The schema's output is the options type (the compiler checks the return).
  return problem !== undefined ? `defer-eager-init: ${problem}` : { ...options, allowApiChange: options.allowApiChange === true };
}

/** The accessor's name: `encoder` -> `getEncoder`. */
export const accessorName = (name: string) => `get${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** The one path the options name: the file that declares the value. */
export function optionPaths(raw: Record<string, unknown>): OptionPath[] {
  return typeof raw.file === 'string' ? [{ option: 'file', path: raw.file }] : [];
}
