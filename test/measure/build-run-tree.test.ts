import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRunTree, type ChildEdge, type ChildEvent } from '../../src/measure/build-run-tree.js';

const RUNNER = '/tmp/runner.mjs';

test('CommonJS: the tree follows first importers, cumulative is the load interval, self excludes children', () => {
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'cjs', f: '/p/index.js', p: RUNNER, ts: 1 },
    { t: 's', k: 'cjs', f: '/p/a.js', p: '/p/index.js', ts: 2 },
    { t: 's', k: 'cjs', f: '/p/b.js', p: '/p/a.js', ts: 3 },
    { t: 'e', f: '/p/b.js', ts: 7 },
    { t: 'e', f: '/p/a.js', ts: 8 },
    { t: 'e', f: '/p/index.js', ts: 10 },
    { t: 'done', ts: 10.5, maxRss: 1000 },
  ];
  const run = buildRunTree(events, [], RUNNER, false);
  assert.equal(run.outcome, 'done');
  assert.deepEqual(run.roots, ['/p/index.js']);
  assert.deepEqual(run.modules.get('/p/index.js')!.children, ['/p/a.js']);
  assert.deepEqual(run.modules.get('/p/a.js')!.children, ['/p/b.js']);
  assert.deepEqual([run.modules.get('/p/a.js')!.selfMs, run.modules.get('/p/a.js')!.cumulativeMs], [2, 6]);
  assert.deepEqual([run.modules.get('/p/index.js')!.selfMs, run.modules.get('/p/index.js')!.cumulativeMs], [3, 9]);
  assert.equal(run.totalMs, 10.5);
  assert.equal(run.maxRssKb, 1000);
});

test('ESM: evaluation order is replayed over resolved edges; a module shared by two importers hangs under the first', () => {
  // index imports a then b; a imports c; b imports c. Node evaluates c, a, b, index.
  const edges: ChildEdge[] = [
    { from: 'file:///tmp/runner.mjs', to: 'file:///p/index.js', ts: 0 },
    { from: 'file:///p/index.js', to: 'file:///p/a.js', ts: 1 },
    { from: 'file:///p/index.js', to: 'file:///p/b.js', ts: 1 },
    { from: 'file:///p/a.js', to: 'file:///p/c.js', ts: 2 },
    { from: 'file:///p/b.js', to: 'file:///p/c.js', ts: 2 },
  ];
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'esm', f: 'file:///p/c.js', ts: 10 },
    { t: 'e', f: 'file:///p/c.js', ts: 14 },
    { t: 's', k: 'esm', f: 'file:///p/a.js', ts: 14 },
    { t: 'e', f: 'file:///p/a.js', ts: 15 },
    { t: 's', k: 'esm', f: 'file:///p/b.js', ts: 15 },
    { t: 'e', f: 'file:///p/b.js', ts: 17 },
    { t: 's', k: 'esm', f: 'file:///p/index.js', ts: 17 },
    { t: 'e', f: 'file:///p/index.js', ts: 18 },
    { t: 'done', ts: 18, maxRss: 1 },
  ];
  const run = buildRunTree(events, edges, RUNNER, false);
  assert.deepEqual(run.roots, ['/p/index.js']);
  assert.deepEqual(run.modules.get('/p/index.js')!.children, ['/p/a.js', '/p/b.js']);
  assert.deepEqual(run.modules.get('/p/a.js')!.children, ['/p/c.js']);
  assert.deepEqual(run.modules.get('/p/b.js')!.children, []);
  assert.deepEqual([run.modules.get('/p/a.js')!.selfMs, run.modules.get('/p/a.js')!.cumulativeMs], [1, 5]);
  assert.deepEqual([run.modules.get('/p/index.js')!.selfMs, run.modules.get('/p/index.js')!.cumulativeMs], [1, 8]);
  assert.deepEqual(run.imports.get('/p/b.js'), ['/p/c.js']);
});

test('ESM: an import() resolved after the importer body started does not decide the tree', () => {
  const edges: ChildEdge[] = [
    { from: 'file:///tmp/runner.mjs', to: 'file:///p/index.js', ts: 0 },
    { from: 'file:///p/index.js', to: 'file:///p/static.js', ts: 1 },
    { from: 'file:///p/static.js', to: 'file:///p/later.js', ts: 12 },
  ];
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'esm', f: 'file:///p/static.js', ts: 10 },
    { t: 'e', f: 'file:///p/static.js', ts: 11 },
    { t: 's', k: 'esm', f: 'file:///p/index.js', ts: 11 },
    { t: 's', k: 'esm', f: 'file:///p/later.js', ts: 13 },
    { t: 'e', f: 'file:///p/later.js', ts: 14 },
    { t: 'e', f: 'file:///p/index.js', ts: 15 },
    { t: 'done', ts: 15, maxRss: 1 },
  ];
  const run = buildRunTree(events, edges, RUNNER, false);
  // later.js is the dynamic import's target: under its importer, never evaluated before it.
  assert.deepEqual(run.modules.get('/p/static.js')!.children, ['/p/later.js']);
  assert.deepEqual(run.modules.get('/p/index.js')!.children, ['/p/static.js']);
});

test('a CommonJS module required from an ES module body is nested: not counted twice', () => {
  const edges: ChildEdge[] = [{ from: 'file:///tmp/runner.mjs', to: 'file:///p/index.mjs', ts: 0 }];
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'esm', f: 'file:///p/index.mjs', ts: 1 },
    { t: 's', k: 'cjs', f: '/p/dep.cjs', p: '/p/index.mjs', ts: 2 },
    { t: 'e', f: '/p/dep.cjs', ts: 6 },
    { t: 'e', f: 'file:///p/index.mjs', ts: 7 },
    { t: 'done', ts: 7, maxRss: 1 },
  ];
  const run = buildRunTree(events, edges, RUNNER, false);
  const index = run.modules.get('/p/index.mjs')!;
  assert.deepEqual([index.selfMs, index.cumulativeMs, index.children], [2, 6, ['/p/dep.cjs']]);
});

test('a run killed at its timeout names the innermost module still loading', () => {
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'cjs', f: '/p/index.js', p: RUNNER, ts: 1 },
    { t: 's', k: 'cjs', f: '/p/ok.js', p: '/p/index.js', ts: 2 },
    { t: 'e', f: '/p/ok.js', ts: 3 },
    { t: 's', k: 'cjs', f: '/p/hang.js', p: '/p/index.js', ts: 4 },
  ];
  const run = buildRunTree(events, [], RUNNER, true);
  assert.equal(run.outcome, 'timeout');
  assert.equal(run.failedFile, '/p/hang.js');
  assert.equal(run.modules.get('/p/hang.js')!.failed, 'timeout');
  assert.equal(run.modules.get('/p/ok.js')!.failed, undefined);
});

test('a throw names the module whose load threw first, with the error message', () => {
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'cjs', f: '/p/index.js', p: RUNNER, ts: 1 },
    { t: 's', k: 'cjs', f: '/p/bad.js', p: '/p/index.js', ts: 2 },
    { t: 'x', f: '/p/bad.js', ts: 3 },
    { t: 'x', f: '/p/index.js', ts: 3 },
    { t: 'threw', ts: 3, message: 'boom', maxRss: 1 },
  ];
  const run = buildRunTree(events, [], RUNNER, false);
  assert.equal(run.outcome, 'threw');
  assert.equal(run.failedFile, '/p/bad.js');
  assert.equal(run.errorMessage, 'boom');
});

test('ES modules whose bodies never ran (a dependency hung) still hold their branch of the tree', () => {
  const edges: ChildEdge[] = [
    { from: 'file:///tmp/runner.mjs', to: 'file:///p/index.js', ts: 0 },
    { from: 'file:///p/index.js', to: 'file:///p/mid.js', ts: 1 },
    { from: 'file:///p/mid.js', to: 'file:///p/spin.js', ts: 2 },
  ];
  const events: ChildEvent[] = [
    { t: 'begin', ts: 0 },
    { t: 's', k: 'esm', f: 'file:///p/spin.js', ts: 10 },
  ];
  const run = buildRunTree(events, edges, RUNNER, true);
  assert.deepEqual(run.roots, ['/p/index.js']);
  assert.deepEqual(run.modules.get('/p/index.js')!.children, ['/p/mid.js']);
  assert.deepEqual(run.modules.get('/p/mid.js')!.children, ['/p/spin.js']);
  assert.equal(run.failedFile, '/p/spin.js');
  for (const module of run.modules.values()) assert.ok(module.cumulativeMs >= module.selfMs);
});
