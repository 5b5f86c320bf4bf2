import assert from 'node:assert/strict';
import test from 'node:test';
import { parseImports } from '../../src/graph/parse-imports.js';

const ts = (text: string, options = { elideTypeOnlyUses: true }) => parseImports('/p/a.ts', text, options);
const summary = (text: string, file = '/p/a.ts', elide = true) =>
  parseImports(file, text, { elideTypeOnlyUses: elide }).imports.map((i) => `${i.line} ${i.kind}${i.lazy ? ' lazy' : ''} ${i.specifier} [${i.names.join(',')}]`);

test('edge kinds: import, re-export, side-effect, top-level require, dynamic import, require in a function', () => {
  const text = [
    "import a from './a';",
    "export * from './b';",
    "import './c';",
    "const d = require('./d');",
    "export async function f() { return import('./e'); }",
    "function g() { return require('./f'); }",
    "export { x as y } from './g';",
    "import h = require('./h');",
    'console.log(a, d, h);',
  ].join('\n');
  assert.deepEqual(summary(text), [
    '1 import ./a [default]',
    '2 re-export ./b [*]',
    '3 side-effect ./c []',
    '4 require ./d [*]',
    '5 dynamic-import lazy ./e [*]',
    '6 require-in-function lazy ./f [*]',
    '7 re-export ./g [x]',
    '8 require ./h [*]',
  ]);
});

test('type-only imports are not edges: import type, all-type specifier lists, export type', () => {
  const text = [
    "import type { A } from './a';",
    "import { type B, type C } from './b';",
    "export type { D } from './d';",
    "export { type E } from './e';",
    "import { f, type G } from './f';",
    'f();',
  ].join('\n');
  assert.deepEqual(summary(text), ['5 import ./f [f]']);
});

test('in TS, an import used only in type positions is elided (as tsc does); a value use keeps it', () => {
  const text = [
    "import { Tokenizer } from './tokenizer';",
    "import { Handler } from './handler';",
    "import { Base } from './base';",
    "import { Shape } from './shape';",
    'interface X { t: Tokenizer; s: typeof Shape }',
    'let h: Handler = make();',
    'class C extends Base implements Handler {}',
  ].join('\n');
  assert.deepEqual(summary(text), ['3 import ./base [Base]']);
  // JavaScript has no types: nothing is elided.
  assert.equal(summary("import { T } from './t';", '/p/a.js', false).length, 1);
});

test('verbatimModuleSyntax keeps an all-type specifier list as a side-effect import', () => {
  const result = parseImports('/p/a.ts', "import { type A } from './a';\nimport type { B } from './b';", {
    elideTypeOnlyUses: false,
    keepTypeOnlySpecifierLists: true,
  });
  assert.deepEqual(result.imports.map((i) => [i.kind, i.specifier]), [['side-effect', './a']]);
});

test('an IIFE runs at load time: its require is eager; a class static block too', () => {
  const text = [
    "const c = (() => require('./c'))();",
    "class K { static { require('./k'); } m() { require('./m'); } }",
    "const later = () => require('./later');",
  ].join('\n');
  assert.deepEqual(summary(text, '/p/a.js', false), [
    '1 require ./c [*]',
    '2 require ./k [*]',
    '2 require-in-function lazy ./m [*]',
    '3 require-in-function lazy ./later [*]',
  ]);
});

test('names of destructured and accessed require()/import()', () => {
  const text = [
    "const { a, b: c } = require('./ab');",
    "const x = require('./x').member;",
    "async function f() { const { default: D } = await import('./d'); }",
  ].join('\n');
  assert.deepEqual(summary(text, '/p/a.js', false), ['1 require ./ab [a,b]', '2 require ./x [member]', '3 dynamic-import lazy ./d [default]']);
});

test('import type nodes and computed specifiers are not edges', () => {
  const text = "let p: import('./p').P;\nconst name = 'x';\nrequire(name);\nimport(name);";
  assert.deepEqual(summary(text, '/p/a.ts'), []);
});

test('syntax errors are reported with a line and scanning goes on', () => {
  const result = ts("import a from './a';\nconst = ;\nimport b from './b';\nconsole.log(a, b);");
  assert.equal(result.parseErrors.length > 0, true);
  assert.equal(result.parseErrors[0].line, 2);
  assert.deepEqual(result.imports.map((i) => i.specifier), ['./a', './b']);
});
