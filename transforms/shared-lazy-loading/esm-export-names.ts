// An ES module that imports a CommonJS file gets the names Node reads in the file's text
// (cjs-module-lexer), not the properties `module.exports` has when it runs: `exports.x = ...`,
// `module.exports = { a, b: c }`, tsc's and Babel's `Object.defineProperty(exports, 'x', { get:
// function () { return m.x; } })`. A lazy rewrite of such a file can hide names from that
// reading (a literal of getters, a getter whose body now loads the module), and then
// `import { S3 } from 'pkg'` fails to link though `require('pkg').S3` works. The rewritten file
// names what it hid again, in a line that never runs, as esbuild marks the names of its
// CommonJS output.
import { createRequire } from 'node:module';
import { memberText } from './js-literal.js';
import type { SourceStyle } from './source-style.js';

type Lexer = { parse(source: string): { exports: string[]; reexports: string[] } };
let lexer: Lexer | undefined;

/** The export names Node gives ES module importers of `source`; undefined when it cannot read them (an ES module, TypeScript, a syntax the lexer refuses). */
export function esmExportNames(source: string): string[] | undefined {
  return cjsExportsOf(source)?.exports;
}

/** What Node reads in `source` for its ES module importers: the names, and the specifiers whose names it re-exports. */
export function cjsExportsOf(source: string): { exports: string[]; reexports: string[] } | undefined {
  // Loaded on first use, synchronously: the package's CommonJS build needs no WebAssembly set-up.
  lexer ??= createRequire(import.meta.url)('cjs-module-lexer') as Lexer;
  try {
    return lexer.parse(source);
  } catch {
    return undefined;
  }
}

/** The comment above the names line (a maintainer reviewing the diff reads why it is there). */
const ESM_NAMES_COMMENT = [
  '// ES module importers get the export names Node reads in this file; the lazy loading above',
  '// hides these from that reading, so they are named here. This line never runs.',
];

/** Names `original` shows ES module importers that `text`, its rewrite, hides (none when either is not a text the lexer reads). */
export function hiddenEsmExportNames(original: string, text: string): string[] {
  const before = esmExportNames(original);
  if (!before || before.length === 0) return [];
  const after = esmExportNames(text);
  if (!after) return [];
  const shown = new Set(after);
  return [...new Set(before)].filter((name) => name !== 'default' && !shown.has(name));
}

/**
 * `text` with the lines that name `hidden` again (`0 && (exports.a = void 0, exports['b-c'] = void
 * 0);`, one name a line past 100 columns), before a closing source-map comment, in the file's
 * quotes and indentation. Written with semicolons: the caller drops them in a file without.
 */
export function withEsmExportNames(text: string, hidden: readonly string[], style: Pick<SourceStyle, 'indent' | 'quote'>): string {
  if (hidden.length === 0) return text;
  const indent = style.indent;
  const member = (name: string) => (style.quote === 'double' && memberText('exports', name) !== `exports.${name}` ? `exports[${JSON.stringify(name)}]` : memberText('exports', name));
  const targets = hidden.map((name) => `${member(name)} = void 0`);
  const oneLine = `0 && (${targets.join(', ')});`;
  const names = oneLine.length <= 100 ? [oneLine] : ['0 && (', ...targets.map((target, i) => `${indent}${target}${i < targets.length - 1 ? ',' : ''}`), ');'];
  // `//# sourceMappingURL=` stays the last line.
  const map = /\n(\/\/[#@] sourceMappingURL=[^\n]*\n?)$/.exec(text);
  const body = map ? text.slice(0, map.index + 1) : text;
  const tail = map ? map[1]! : '';
  return `${body.endsWith('\n') ? body : `${body}\n`}\n${[...ESM_NAMES_COMMENT, ...names].join('\n')}\n${tail}`;
}
