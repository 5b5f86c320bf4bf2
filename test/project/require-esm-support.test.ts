import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enginesNode, supportsRequireEsm } from '../../src/project/require-esm-support.js';

test('engines ranges that admit only Node versions able to require() ES modules', () => {
  for (const range of ['^20.19.0 || >=22.12.0', '>=22.12', '^22.12.0', '>=24', '>=20.19.0 <21 || >=22.12']) {
    assert.equal(supportsRequireEsm(range), true, range);
  }
});

test('ranges that admit an older Node (or say nothing usable) do not', () => {
  // >=20.19 admits 21.x and 22.0-22.11, which need a flag.
  for (const range of ['>=20.19', '>=18', '20.x', '>=22', '*', '', 'not a range', undefined, 20]) {
    assert.equal(supportsRequireEsm(range), false, String(range));
  }
});

test('enginesNode reads engines.node when present', () => {
  assert.equal(enginesNode({ engines: { node: '>=22.12' } }), '>=22.12');
  assert.equal(enginesNode({ engines: 'node >= 22' }), undefined);
  assert.equal(enginesNode({}), undefined);
  assert.equal(enginesNode(undefined), undefined);
});
