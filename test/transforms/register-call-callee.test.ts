// The register calls the transform collects are the ones the analysis found: tsc's CommonJS writes
// `registerProvider('a', A)` as `(0, registry_1.registerProvider)('a', A)`, and the facts name its
// callee `registry_1.registerProvider` (src/facts/detect-registries.ts), as the plan passes it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jscodeshift from 'jscodeshift';
import { collectRegisterCalls } from '../../transforms/registry-to-manifest/collect-entries.js';

const keysOf = (source: string, callee: string) => {
  const j = jscodeshift.withParser('ts');
  return collectRegisterCalls(j, j(source), callee).entries.map((e) => e.key);
};

test("tsc's `(0, registry_1.registerProvider)(...)` is a call of registry_1.registerProvider", () => {
  const source = `const registry_1 = require('../registry');\nconst { A } = require('./a');\nconst { B } = require('./b');\n(0, registry_1.registerProvider)('a', A);\nregistry_1.registerProvider('b', B);\n`;
  assert.deepEqual(keysOf(source, 'registry_1.registerProvider'), ['a', 'b']);
});

test('a sequence whose first part is not tsc\'s `0` is not taken for the call', () => {
  const source = `const registry_1 = require('../registry');\nconst { A } = require('./a');\n(log(), registry_1.registerProvider)('a', A);\n`;
  assert.deepEqual(keysOf(source, 'registry_1.registerProvider'), []);
});
