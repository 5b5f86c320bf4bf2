// src/project/typescript.cts loads TypeScript from `@ts-morph/common/dist/typescript.js`, the
// file ts-morph itself loads, without running ts-morph's bundle. The analysis hands syntax
// kinds and nodes to code that also uses ts-morph (the split, the type check), so both must be
// one TypeScript: the same file, not a second copy of another version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ts as tsMorphTs } from 'ts-morph';
import { ts } from '../../src/project/typescript.cjs';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);

test('the TypeScript lazify loads is the one ts-morph loads, the same file', () => {
  const fromLazify = require.resolve('@ts-morph/common/dist/typescript.js');
  const fromTsMorph = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js');
  assert.equal(fromLazify, fromTsMorph);
  assert.equal(ts.version, tsMorphTs.version);
  assert.equal(ts.createSourceFile, tsMorphTs.createSourceFile);
  assert.equal(ts.SyntaxKind, tsMorphTs.SyntaxKind);
});

test("package.json asks for @ts-morph/common in the range ts-morph asks for it (so npm installs one copy)", () => {
  const own = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const tsMorph = JSON.parse(readFileSync(require.resolve('ts-morph/package.json'), 'utf8'));
  assert.equal(own.dependencies['@ts-morph/common'], tsMorph.dependencies['@ts-morph/common']);
});
