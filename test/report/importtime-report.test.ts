import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderImportTimeReport } from '../../src/report/importtime-report.js';
import { sampleImportTime } from '../measure/sample-import-time.js';

test('text: a Python-style tree, slowest children first, small imports folded', () => {
  const { output, exitCode } = renderImportTimeReport(sampleImportTime(), 'text');
  assert.equal(exitCode, 0);
  const lines = output.split('\n');
  assert.match(lines[0], /^import time of dist\/index\.js: 380\.0 ms median of 5 runs \(IQR 2\.0 ms\), 7 modules, peak RSS 80\.0 MB, via node \(require\)$/);
  const tree = lines.slice(lines.indexOf('   self ms |   cumul ms | module'), lines.indexOf('', 4));
  assert.deepEqual(tree, [
    '   self ms |   cumul ms | module',
    '       1.0 |      378.2 | src/index.ts',
    '       5.0 |      305.2 |   src/utils.ts',
    '     300.0 |      300.0 |     js-tiktoken/dist/index.cjs',
    '           |        0.2 |     … 1 more import',
    '       2.0 |       72.0 |   src/registry.ts',
    '      40.0 |       70.0 |     openai/index.js',
    '      30.0 |       30.0 |       openai/client.js',
  ]);
  assert.match(output, /Slowest module bodies \(self time\):\n\s+300\.0 ms  js-tiktoken\/dist\/index\.cjs/);
});

test('text: load order and a depth limit', () => {
  const { output } = renderImportTimeReport(sampleImportTime(), 'text', { sort: 'load', maxDepth: 2, minMs: 0 });
  assert.match(output, /src\/index\.ts\n.*\|   src\/registry\.ts\n.*\|     … 1 more import\n.*\|   src\/utils\.ts\n.*\|     … 2 more imports/);
});

test('json is the result itself; a failed import exits 1', () => {
  const result = sampleImportTime();
  assert.deepEqual(JSON.parse(renderImportTimeReport(result, 'json').output), result);
  result.diagnostics.push({ code: 'import-threw', severity: 'error', file: 'src/utils.ts', message: 'src/utils.ts threw at import: boom' });
  const { output, exitCode } = renderImportTimeReport(result, 'text');
  assert.equal(exitCode, 1);
  assert.match(output, /error: src\/utils\.ts threw at import: boom\n$/);
});
