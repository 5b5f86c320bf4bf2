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

test('json is the result itself with its schema version; a failed import exits 1 with its error for stderr, not in the report', () => {
  const result = sampleImportTime();
  assert.deepEqual(JSON.parse(renderImportTimeReport(result, 'json').output), { schemaVersion: 1, ...result });
  result.diagnostics.push({ code: 'import-threw', severity: 'error', file: 'src/utils.ts', message: 'src/utils.ts threw at import: boom' });
  for (const format of ['text', 'json', 'markdown'] as const) {
    const { output, exitCode, errors } = renderImportTimeReport(result, format);
    assert.equal(exitCode, 1);
    assert.equal(errors, 'lazify: src/utils.ts threw at import: boom\n');
    if (format === 'text') assert.doesNotMatch(output, /boom/);
  }
  // Nothing measured: no empty tables, only the error (on stderr).
  const empty = { ...result, tree: [], imports: {} };
  assert.equal(renderImportTimeReport(empty, 'text').output, '');
});

test('markdown: summary, the slowest modules with what their top level ran', () => {
  const { output } = renderImportTimeReport(sampleImportTime(), 'markdown');
  assert.match(output, /^### lazify importtime: `dist\/index\.js`\n\n\*\*380\.0 ms\*\* median of 5 runs/);
  assert.match(output, /\| Module \| Self ms \| Cumulative ms \| Top level spent it on \|\n\| --- \| ---: \| ---: \| --- \|\n\| `src\/index\.ts` \| 1\.0 \| 378\.2 \|/);
  assert.match(output, /\| `js-tiktoken\/dist\/index\.cjs` \| 300\.0 \| 300\.0 \|/);
});

test('cpuprofile: the recorded V8 profile as it is; without one, an error and exit 1', () => {
  const result = sampleImportTime();
  const profile = { nodes: [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1, scriptId: '0' }, children: [] }], startTime: 10, endTime: 20, samples: [1], timeDeltas: [10] };
  assert.deepEqual(JSON.parse(renderImportTimeReport({ ...result, cpuProfile: profile as never }, 'cpuprofile').output), profile);
  assert.equal('cpuProfile' in JSON.parse(renderImportTimeReport({ ...result, cpuProfile: profile as never }, 'json').output), false, 'json leaves the profile out');
  const missing = renderImportTimeReport(result, 'cpuprofile');
  assert.equal(missing.exitCode, 1);
  assert.equal(missing.output, '');
  assert.match(missing.errors!, /no CPU profile was recorded/);
});
