// Prints a transformed file in the file's own style. recast keeps every line it did not touch,
// but prints new code with its own defaults (double quotes, semicolons, four spaces); a
// maintainer reviews the diff, so new lines follow the quotes, semicolons, indentation and
// trailing commas the file already uses. recast also reprints a directive prologue followed by
// a removed statement as `'use strict';;` and drops the blank lines after it: the prologue is put
// back as the file has it, and so is the text of a multi-line literal recast re-indented
// (./restore-literal-lines.ts). A CommonJS file whose rewrite hides export names from ES module
// importers names them again (./esm-export-names.ts).
import type { Collection, JSCodeshift } from 'jscodeshift';
import { hiddenEsmExportNames, withEsmExportNames } from './esm-export-names.js';
import { restoreLiteralLines } from './restore-literal-lines.js';
import { detectLineWidth, detectSourceStyle } from './source-style.js';

const splices = new WeakMap<object, string[]>();
// recast keeps the original text between a property's key and value (`parallel      : `).
const SPLICE = /__lazifySplice(\d+)__(?:[ \t]*:[ \t]*__lazifySplice\1__)?/g;

/**
 * A placeholder identifier whose printed text becomes `text` once the file is printed. recast
 * reprints a whole object literal when one of its properties changes kind (a value becomes a
 * getter), adding blank lines and dropping its trailing comma; a property keeping its kind with
 * placeholder key and value is patched in place, its comments and neighbours untouched.
 * Lines of `text` after the first take the indentation of the line the placeholder lands on
 * (or join that line, when the placeholder shares it with other code).
 */
export function splicePlaceholder(j: JSCodeshift, root: Collection, text: string): any {
  const program = root.get().node;
  const list = splices.get(program) ?? [];
  splices.set(program, list);
  list.push(text);
  return j.identifier(`__lazifySplice${list.length - 1}__`);
}

/** The file's new source, printed in `original`'s style (`j`: the jscodeshift that parsed it). */
export function printSource(j: JSCodeshift, root: Collection, original: string): string {
  const style = detectSourceStyle(original);
  requoteGeneratedStrings(root, style.quote);
  let text = root.toSource({ quote: style.quote, tabWidth: style.indent === '\t' ? 4 : style.indent.length, useTabs: style.indent === '\t', trailingComma: style.trailingCommas });
  const spliced = splices.get(root.get().node);
  if (spliced) {
    text = text.replace(SPLICE, (_m, index: string, offset: number, whole: string) => {
      const lineStart = whole.lastIndexOf('\n', offset) + 1;
      const before = whole.slice(lineStart, offset);
      // On a line of its own the text keeps its line breaks; inside a one-line literal it stays on that line.
      const separator = /^[ \t]*$/.test(before) ? `\n${before}` : ' ';
      return requoteText(spliced[Number(index)]!, style.quote).split('\n').join(separator);
    });
  }
  text = restorePrologue(text, original);
  // Names the rewrite hides from ES module importers of a CommonJS file are named again (./esm-export-names.ts).
  text = withEsmExportNames(text, hiddenEsmExportNames(original, text), style);
  return restoreLiteralLines(j, restyleNewLines(text, original, style), original);
}

const DIRECTIVE_LINE = /^[ \t]*(['"])[^'"\\\n]*\1;?[ \t]*$/;

/**
 * recast reprints a directive prologue (`"use strict";`, `'use client';`) when it reprints the
 * program's statements (one added or removed at the top level): each directive gains a `;` (an
 * empty statement nobody wrote) and the blank lines after the prologue are dropped. The
 * prologue is put back as the file has it, when everything up to its last line is otherwise
 * printed the same.
 */
function restorePrologue(text: string, original: string): string {
  const before = original.split('\n');
  let last = -1;
  let inComment = false;
  for (let i = 0; i < before.length; i++) {
    const line = before[i]!;
    if (inComment) inComment = !line.includes('*/');
    else if (i === 0 && line.startsWith('#!')) continue;
    else if (line.trim() === '' || /^\s*\/\//.test(line)) continue;
    else if (/^\s*\/\*/.test(line)) inComment = !line.includes('*/');
    else if (DIRECTIVE_LINE.test(line)) last = i;
    else {
      if (last < 0) return restoreSharedDirectiveLine(text, before, i);
      break;
    }
  }
  if (last < 0) return text;
  const after = text.split('\n');
  if (after.length <= last + 1) return text;
  for (let i = 0; i <= last; i++) {
    const stray = after[i] !== before[i] && DIRECTIVE_LINE.test(before[i]!) && after[i]!.replace(/;+$/, '') === before[i]!.replace(/;$/, '');
    if (stray) after[i] = before[i]!;
    else if (after[i] !== before[i]) return text;
  }
  let blanks = 0;
  while (last + 1 + blanks < before.length && before[last + 1 + blanks]!.trim() === '') blanks++;
  if (blanks > 0 && after[last + 1]!.trim() !== '') after.splice(last + 1, 0, ...before.slice(last + 1, last + 1 + blanks));
  return after.join('\n');
}

/** A directive with code after it on its line: `'use strict';Object.defineProperty(exports, ...`. */
const DIRECTIVE_THEN_CODE = /^([ \t]*(['"])[^'"\\\n]*\2;?)(\S.*)$/;

/**
 * Babel's `retainLines` output puts the directive and the first statements on one line; recast
 * then prints the directive with a stray `;` on a line of its own and the rest of the line below
 * it. When that rest is printed as it was, the line is put back whole.
 */
function restoreSharedDirectiveLine(text: string, before: string[], index: number): string {
  const match = DIRECTIVE_THEN_CODE.exec(before[index]!);
  if (!match) return text;
  const [, directive, , rest] = match;
  const after = text.split('\n');
  for (let i = 0; i < index; i++) if (after[i] !== before[i]) return text;
  if (after[index]?.replace(/;+$/, '') !== directive!.replace(/;$/, '') || after[index + 1] !== rest) return text;
  after.splice(index, 2, before[index]!);
  return after.join('\n');
}

/**
 * A file lazify writes from scratch (a manifest), in the style of the file it is made from:
 * its quotes, tab indentation and, in a file written without them, no semicolons.
 */
export function styleNewFile(text: string, madeFrom: string): string {
  const style = detectSourceStyle(madeFrom);
  return restyleNewLines(requoteText(text, style.quote), '', style);
}

/**
 * String literals parsed from lazify's own snippets keep the snippet's quotes when recast
 * reuses their text; a fresh node has no text to reuse and prints with the `quote` option.
 * The file's own strings are left as written.
 */
function requoteGeneratedStrings(root: Collection, quote: 'single' | 'double'): void {
  const file = root.get().node;
  const lines = file.loc?.lines ?? file.program?.loc?.lines;
  const wanted = quote === 'single' ? "'" : '"';
  const visit = (node: any, parent: any, key: string | number, container: any) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) && node.loc?.lines !== lines) {
      const raw = node.extra?.raw ?? node.raw;
      if (typeof raw === 'string' && raw[0] !== wanted && !raw.slice(1, -1).includes(wanted)) {
        container[key] = { type: 'StringLiteral', value: node.value, comments: node.comments };
      }
      return;
    }
    for (const field of Object.keys(node)) {
      if (field === 'loc' || field === 'original' || field === 'tokens' || field === 'comments') continue;
      const child = node[field];
      if (Array.isArray(child)) child.forEach((item, i) => visit(item, node, i, child));
      else if (child && typeof child.type === 'string') visit(child, node, field, node);
    }
  };
  visit(file, undefined, 0, [file]);
}

/** Single-quoted strings in generated text (`'claude-'`), in the file's quotes. */
function requoteText(text: string, quote: 'single' | 'double'): string {
  if (quote === 'single') return text;
  return text.replace(/'((?:[^'"\\\n]|\\.)*)'/g, (_m, body: string) => `"${body.replace(/\\'/g, "'")}"`);
}

/**
 * Lines that are not in the original follow the file's style where recast cannot be told:
 * tab indentation (recast indents new code with spaces, a tab counting four), and no
 * semicolons in a file written without them.
 */
function restyleNewLines(text: string, original: string, style: { indent: string; semicolons: boolean; trailingCommas: boolean }): string {
  const originalLines = new Set(original.split(/\r?\n/));
  text = wrapLongImports(text, original, style);
  text = wrapLongLoaders(text, original, style);
  if (style.indent === '\t') {
    text = text
      .split('\n')
      .map((line) => (originalLines.has(line) ? line : line.replace(/^(?:\t| {4})+/, (lead) => lead.replace(/ {4}/g, '\t'))))
      .join('\n');
  }
  return style.semicolons ? text : dropNewSemicolons(text, original);
}

/**
 * A rewritten named import recast printed on one line that is longer than the file's lines
 * (80 columns, or its longest import line), in a file that writes imports one name a line:
 * one name a line too, as a maintainer (or prettier) would write it.
 */
function wrapLongImports(text: string, original: string, style: { indent: string; trailingCommas: boolean }): string {
  if (!/^import\s+(?:type\s+)?\{[ \t]*$/m.test(original)) return text;
  const originalLines = new Set(original.split(/\r?\n/));
  const width = Math.max(80, ...original.split(/\r?\n/).filter((line) => /^import\b/.test(line)).map((line) => line.length));
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width || originalLines.has(line)) return line;
      const m = /^(import\s+(?:type\s+)?)\{\s*([^{}]+?)\s*\}(\s*from\s*(['"])[^'"]+\4;?)$/.exec(line);
      if (!m) return line;
      const names = m[2]!.split(',').map((name) => name.trim()).filter(Boolean);
      return [`${m[1]}{`, ...names.map((name, i) => `${style.indent}${name}${i < names.length - 1 || style.trailingCommas ? ',' : ''}`), `}${m[3]}`].join('\n');
    })
    .join('\n');
}

/**
 * A memoised loader lazify wrote on one line (`let loadedX: T | undefined, loadX = (): T =>
 * (...)`) that is wider than the file's lines ({@link detectLineWidth}): the declarations one a
 * line and the loader's body under its arrow, as a formatter lays it out.
 */
function wrapLongLoaders(text: string, original: string, style: { indent: string }): string {
  const originalLines = new Set(original.split(/\r?\n/));
  const width = detectLineWidth(original);
  const i = style.indent;
  return text
    .split('\n')
    .map((line) => {
      if (line.replace(/\t/g, '  ').length <= width || originalLines.has(line)) return line;
      const arrow = /^(\s*)let (loaded\w*)((?:: .+? \| undefined)?), (load\w*) = \(\)((?:: .+?)?) => \((\2 === undefined \? \(\2 = .+\) : \2)\)(;?)$/.exec(line);
      if (arrow) {
        const [, lead, cache, type, name, returnType, memo, end] = arrow;
        return [`${lead}let ${cache}${type},`, `${lead}${i}${name} = ()${returnType} =>`, `${lead}${i}${i}${memo}${end}`].join('\n');
      }
      const es5 = /^(\s*)var (loaded\w*), (load\w*) = function \(\) \{ return (\2 === undefined \? \(\2 = .+\) : \2); \}(;?)$/.exec(line);
      if (es5) {
        const [, lead, cache, name, memo, end] = es5;
        return [`${lead}var ${cache},`, `${lead}${i}${name} = function () {`, `${lead}${i}${i}return ${memo};`, `${lead}${i}}${end}`].join('\n');
      }
      return line;
    })
    .join('\n');
}

/**
 * In a file written without semicolons, removes the statement-ending `;` (and one before a
 * closing brace) from lines that are not in the original. Kept where the next line starts with `(`, `[` or a backtick, since
 * automatic semicolon insertion would join the two lines there.
 */
function dropNewSemicolons(text: string, original: string): string {
  const originalLines = new Set(original.split(/\r?\n/));
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      // A comment's `;` is prose.
      if (originalLines.has(line) || /^\s*for\s*\(/.test(line) || /^\s*(\/\/|\/?\*)/.test(line)) return line;
      // `get x() { return y; }` on one line: the `;` before a closing brace is not needed either.
      const inner = line.replace(/;(\s*\})/g, '$1');
      if (!/;\s*$/.test(inner)) return inner;
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next && /^\s*[([`]/.test(next)) return inner;
      return inner.replace(/;(\s*)$/, '$1');
    })
    .join('\n');
}
