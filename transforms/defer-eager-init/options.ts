// Options of a defer-eager-init operation (from a lazify plan or the jscodeshift CLI).
import type { LazyLoadFormat } from '../transform-module.js';
import type { OptionPath } from '../transform-module.js';

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

/** Reads and checks options; returns a message naming the first problem, or the options. */
export function readOptions(raw: Record<string, unknown>): DeferEagerInitOptions | string {
  if (typeof raw.file !== 'string' || raw.file === '') return 'defer-eager-init: option "file" is required';
  if (typeof raw.name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(raw.name)) return 'defer-eager-init: option "name" must be an identifier';
  if (raw.moduleFormat !== 'cjs' && raw.moduleFormat !== 'esm') return 'defer-eager-init: option "moduleFormat" must be cjs or esm';
  const allowApiChange = raw.allowApiChange === true || raw.allowApiChange === 'true';
  const syntaxLevel = raw.syntaxLevel === undefined ? undefined : Number(raw.syntaxLevel);
  if (syntaxLevel !== undefined && !(syntaxLevel >= 3)) return 'defer-eager-init: option "syntaxLevel" must be an ECMAScript edition (5, 2015, 2021...)';
  return { file: raw.file, name: raw.name, moduleFormat: raw.moduleFormat, allowApiChange, ...(syntaxLevel !== undefined ? { syntaxLevel } : {}) };
}

/** The accessor's name: `encoder` -> `getEncoder`. */
export const accessorName = (name: string) => `get${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** The one path the options name: the file that declares the value. */
export function optionPaths(raw: Record<string, unknown>): OptionPath[] {
  return typeof raw.file === 'string' ? [{ option: 'file', path: raw.file }] : [];
}
