import assert from 'node:assert/strict';
import test from 'node:test';
import { loadedSpecifiers, scanWithTypeScript } from '../../src/graph/measure-package-size.js';
import { KEYWORDS, scanLoadedSpecifiers } from '../../src/graph/scan-loaded-specifiers.js';
import { ts } from '../../src/project/typescript.cjs';

/** The value of a string literal token, as the fast scan's caller gives it (tests: through the reference scan). */
const valueOf = (text: string) => (start: number, end: number) => scanWithTypeScript(`require(${text.slice(start, end)})`)[0];

// Each case is a file whose loaded specifiers depend on a detail of how the text splits into
// tokens: the fast scan must find what TypeScript's scanner finds, or hand the file over. The
// specifiers are labels: whether each loads is TypeScript's scanner's answer.
const cases: Record<string, string> = {
  'division and regular expressions after names, keywords and literals': [
    "const a = b / require('s1') / c; const r = x => /require('s2')/.test(x);",
    "if (a) /re/g.exec(s); return /'/.source + require('s1');",
    "var n = typeof /x/; var m = 1 / 2 / require('s2'); var t = this / 2; var u = number / require('s3') / 1;",
    "a++ / 2 / require('s4'); --b / /'/; [1] / 2; (x) / 3; `t` / require('s5');",
  ].join('\n'),
  'templates with nested braces and literals': "const s = `a ${ { b: require('s1') }.b } ${`in ${require('s2')}`} \\` ${'}'}`; require('s3');",
  'escapes and line continuations in strings': "require('a\\'b'); require(\"c\\\r\nd\"); require('\\x41'); const s = 'it\\'s'; require('e');",
  'unterminated string': "require('s1');\nconst s = 'open\nrequire('s2');",
  'comments': "/* require('s1') */ // require('s2')\nrequire(/* c */ 's1'); /** @type {import('s3')} */ let x;",
  'member requires and optional chains': "a.require('s1'); a?.require('s2'); ...require('s1'); a ? .5 : require('s2'); x?.y; require ('s3');",
  'import and export statements': [
    "import a, { b as c } from 's1'; import * as d from 's2'; import 's3'; export { e } from 's4';",
    "export * as f from 's5'; import.meta; const from = 's1'; x.import('s2'); import('s3'); export default from;",
    "import(\"no4\").then(); export const g = 1; from('s5');",
  ].join('\n'),
  'numbers': "var a = 0x1F / 2 / require('s1'); var b = 1_000n / 3; var c = .5e-3 / require('s2') / 1; var d = 1..toString() / require('s3');",
  'private names and spread': "class A { #x = 1; m() { return this.#x / require('s1') / 1; } } f(...require('s2'));",
  'shebang': "#!/usr/bin/env node\nrequire('s1');",
  'ASCII only until a non-ASCII name: handed over': "const café = require('s1');",
  'non-ASCII inside strings and comments': "// café\nrequire('yé'); const s = '€';",
  'legacy octal: handed over': 'var a = 017; require("s1");',
  'unterminated regular expression: handed over': "var a = x\n/[/\nrequire('s1');",
  'line separator: handed over': "require('s1'); // a\u2028require('s2')",
  'conflict marker: handed over': "require('s1');\n<<<<<<< HEAD\nrequire('s2');\n=======\nrequire('s3');\n>>>>>>> branch\n",
};

for (const [name, text] of Object.entries(cases)) {
  test(`scanLoadedSpecifiers finds what TypeScript's scanner finds, or hands the file over: ${name}`, () => {
    const reference = scanWithTypeScript(text);
    const fast = scanLoadedSpecifiers(text, valueOf(text));
    if (/handed over/.test(name)) assert.equal(fast, undefined);
    else assert.deepEqual(fast, reference);
    assert.deepEqual(loadedSpecifiers(text), reference);
  });
}

test('scanLoadedSpecifiers handles the plain cases itself', () => {
  const text = "'use strict'; const a = require('a'); import b from './b.js'; export * from '../c';";
  assert.deepEqual(scanLoadedSpecifiers(text, valueOf(text)), ['a', './b.js', '../c']);
});

test("the fast scan's keywords are those TypeScript's scanner returns as keyword tokens", () => {
  const keywords: string[] = [];
  for (let kind = ts.SyntaxKind.FirstKeyword; kind <= ts.SyntaxKind.LastKeyword; kind++) {
    const text = ts.tokenToString(kind);
    if (text) keywords.push(text);
  }
  assert.deepEqual([...KEYWORDS].sort(), keywords.sort());
});
