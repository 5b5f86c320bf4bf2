import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignDeclarations } from '../../transforms/god-module-to-focused-modules/assign-declarations.js';
import { readGodModule } from '../../transforms/god-module-to-focused-modules/read-god-module.js';

const split = (path: string, source: string, clusters: Array<[string, string[]]>) =>
  assignDeclarations(readGodModule(path, source), { module: path, clusters: clusters.map(([module, exports]) => ({ module, exports })) }).problems;

const classes = `
export class Base {}
export class Special extends Base {}
export function makeBase(): Base { return new Special(); }
`;

test('a split whose modules would import each other while evaluating (class extends across a cycle) is refused', () => {
  const problems = split('src/shapes.ts', classes, [['src/shapes/base.ts', ['Base', 'makeBase']], ['src/shapes/special.ts', ['Special']]]);
  assert.deepEqual(problems, [
    'the new modules would import each other in a cycle (src/shapes/special.ts -> src/shapes/base.ts -> src/shapes/special.ts), so one would run before what it reads at import exists',
  ]);
});

test('the same classes split without a cycle are fine', () => {
  assert.deepEqual(split('src/shapes.ts', classes, [['src/shapes/base.ts', ['Base']], ['src/shapes/special.ts', ['Special', 'makeBase']]]), []);
});

const mutual = `
export function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
export function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
`;

test('in ESM, functions calling each other across modules only read the other at call time: allowed', () => {
  assert.deepEqual(split('src/parity.ts', mutual, [['src/parity/even.ts', ['isEven']], ['src/parity/odd.ts', ['isOdd']]]), []);
});

test('in CommonJS output any cycle is refused: each side destructures the other while it is still loading', () => {
  const js = `function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
module.exports = { isEven, isOdd };
`;
  const problems = split('lib/parity.js', js, [['lib/parity/even.js', ['isEven']], ['lib/parity/odd.js', ['isOdd']]]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /cycle \(lib\/parity\/(even|odd)\.js -> lib\/parity\/(odd|even)\.js -> lib\/parity\/(even|odd)\.js\)/);
});

test('types are erased: a cycle through an interface is no cycle', () => {
  const typed = `
export interface Price { input: number }
export const TABLE: Record<string, Price> = {};
export function priceOf(model: string): Price | undefined { return TABLE[model]; }
`;
  assert.deepEqual(split('src/prices.ts', typed, [['src/prices/types.ts', ['Price', 'priceOf']], ['src/prices/table.ts', ['TABLE']]]), []);
});
