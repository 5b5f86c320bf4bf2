// Options of a defer-heavy-import operation (from a lazify plan or the jscodeshift CLI).
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

/** Reads and checks options; returns a message naming the first problem, or the options. */
export function readOptions(raw: Record<string, unknown>): DeferHeavyImportOptions | string {
  const bindings = typeof raw.bindings === 'string' ? raw.bindings.split(',').map((s) => s.trim()).filter(Boolean) : raw.bindings;
  if (!Array.isArray(bindings) || bindings.length === 0 || !bindings.every((b) => typeof b === 'string')) {
    return 'defer-heavy-import: option "bindings" must name at least one import binding';
  }
  if (raw.moduleFormat !== 'cjs' && raw.moduleFormat !== 'esm') return 'defer-heavy-import: option "moduleFormat" must be cjs or esm';
  const syntaxLevel = raw.syntaxLevel === undefined ? undefined : Number(raw.syntaxLevel);
  if (syntaxLevel !== undefined && !(syntaxLevel >= 3)) return 'defer-heavy-import: option "syntaxLevel" must be an ECMAScript edition (5, 2015, 2021...)';
  return { bindings: bindings as string[], moduleFormat: raw.moduleFormat, ...(syntaxLevel !== undefined ? { syntaxLevel } : {}) };
}
