// lazify runs on its own source: the project that splits god-modules must not have one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/api/analyze.js';
import { repoRoot } from '../helpers/copy-fixture.js';

test('lazify analyze on lazify itself: the whole pipeline is reachable from the API, and there is no god-module, no import cycle and no heavy import (the public API loads its stages with import())', () => {
  const result = analyze(repoRoot);
  assert.equal(result.entry, 'src/index.ts', 'dist/src/index.js (package.json exports ".") maps back to its source');
  for (const stage of ['src/project/', 'src/graph/', 'src/facts/', 'src/findings/', 'src/config/', 'src/plan/', 'src/edits/', 'src/verify/', 'src/measure/', 'src/pipeline/', 'src/report/']) {
    assert.ok(Object.keys(result.graph.modules).some((id) => id.startsWith(stage)), `${stage} is reachable from the public API`);
  }
  // Each one found is printed whole (kind, file, message), so a failure says what to split or untangle.
  const found = result.findings.filter((f) => f.kind === 'god-module' || f.kind === 'cycle' || f.kind === 'heavy-import').map((f) => `${f.kind} ${f.file}: ${f.message}`);
  assert.deepEqual(found, []);
});
