import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRuns, interquartileRange, median, noisyTotals } from '../../src/measure/aggregate-runs.js';
import type { RunMeasurement, RunModule } from '../../src/measure/build-run-tree.js';

function run(total: number, indexMs: number, childMs: number): RunMeasurement {
  const child: RunModule = { file: '/p/a.js', format: 'commonjs', selfMs: childMs, cumulativeMs: childMs, children: [] };
  const index: RunModule = { file: '/p/index.js', format: 'commonjs', selfMs: indexMs - childMs, cumulativeMs: indexMs, children: ['/p/a.js'] };
  return {
    outcome: 'done',
    roots: ['/p/index.js'],
    modules: new Map([['/p/index.js', index], ['/p/a.js', child]]),
    imports: new Map([['/p/index.js', ['/p/a.js']]]),
    totalMs: total,
    maxRssKb: 100,
  };
}
const name = (file: string) => ({ id: file.slice(3), kind: 'local' as const });

test('median and interquartile range', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(interquartileRange([1, 2, 3, 4, 5]), 2);
  assert.equal(interquartileRange([7]), 0);
});

test('runs fold into one tree of medians, named for display', () => {
  const { tree, imports } = aggregateRuns([run(10, 9, 4), run(12, 11, 6), run(11, 10, 5)], name);
  assert.equal(tree.length, 1);
  assert.equal(tree[0].id, 'index.js');
  assert.equal(tree[0].cumulativeMs, 10);
  assert.equal(tree[0].children[0].id, 'a.js');
  assert.equal(tree[0].children[0].selfMs, 5);
  assert.deepEqual(imports, { 'index.js': ['a.js'] });
  assert.deepEqual(noisyTotals([10, 12, 11]), []);
});

test('a wide spread of totals is reported as noisy', () => {
  assert.deepEqual(noisyTotals([10, 30, 11, 40, 12]).map((d) => d.code), ['measurement-noisy']);
});
