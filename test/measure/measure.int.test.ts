// measure() on small temp projects: real child processes, structural assertions only
// (which module sits under which, counts, failures named), never timing values.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { measure, LazifyError, type ImportTimeNode } from '../../src/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-measure-test-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function find(nodes: ImportTimeNode[], id: string): ImportTimeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inChild = find(node.children, id);
    if (inChild) return inChild;
  }
  return undefined;
}

function shape(node: ImportTimeNode): unknown {
  return node.children.length ? { [node.id]: node.children.map(shape) } : node.id;
}

function assertSaneTimes(nodes: ImportTimeNode[]): void {
  for (const node of nodes) {
    assert.ok(node.selfMs >= 0, `${node.id} self >= 0`);
    assert.ok(node.cumulativeMs + 1e-9 >= node.selfMs, `${node.id}: cumulative ${node.cumulativeMs} >= self ${node.selfMs}`);
    assertSaneTimes(node.children);
  }
}

const busy = (n: number) => `let s = 0; for (let i = 0; i < ${n}; i++) s += i;\n`;

test('CommonJS: every module once, under the module that required it first', async () => {
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': "require('./a'); require('./b'); require('node:fs');\n",
    'a.js': `require('./shared');\n${busy(1e5)}`,
    'b.js': "require('./shared');\n",
    'shared.js': busy(1e5),
  });
  const result = await measure(dir, { runs: 2 });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(result.runs, 2);
  assert.equal(result.moduleCount, 4);
  assert.deepEqual(result.tree.map(shape), [{ 'index.js': [{ 'a.js': ['shared.js'] }, 'b.js'] }]);
  assert.equal(result.runner.mode, 'require');
  assert.ok(result.tree.every((n) => n.format === 'commonjs'));
  assert.ok(result.maxRssBytes > 0);
  assert.ok(result.totalMs >= result.tree[0].cumulativeMs);
  assertSaneTimes(result.tree);
});

test('ESM mixed with CommonJS: evaluation order decides the tree; CommonJS children nest under their requirer', async () => {
  const dir = project({
    'package.json': '{"name":"p","type":"module","main":"index.js"}',
    'index.js': "import './a.js';\nimport c from './c.cjs';\nimport { b } from './b.js';\nexport const x = c + b;\n",
    'a.js': `import { b } from './b.js';\n${busy(1e5)}export const a = b;\n`,
    'b.js': `${busy(1e5)}export const b = 1;\n`,
    'c.cjs': "module.exports = require('./d.cjs') + 1;\n",
    'd.cjs': `${busy(1e5)}module.exports = 1;\n`,
  });
  const result = await measure(dir, { runs: 1 });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(result.moduleCount, 5);
  assert.deepEqual(result.tree.map(shape), [{ 'index.js': [{ 'a.js': ['b.js'] }, { 'c.cjs': ['d.cjs'] }] }]);
  assert.equal(find(result.tree, 'a.js')!.format, 'esm');
  assert.equal(find(result.tree, 'c.cjs')!.format, 'commonjs');
  // index imports b.js too: a cache hit, in the runtime graph but not a second tree node.
  assert.deepEqual(result.imports['index.js'], ['a.js', 'c.cjs', 'b.js']);
  // ESM runs are paired with runs without the loader hooks, and the total comes from those.
  assert.equal(typeof result.instrumentedTotalMs, 'number');
  assert.ok(result.diagnostics.some((d) => d.code === 'esm-hooks-overhead'));
  assertSaneTimes(result.tree);
});

test('TypeScript source without a build runs through tsx and keeps source paths', async () => {
  const dir = project({
    'package.json': '{"name":"p","type":"module","main":"dist/index.js"}',
    'tsconfig.json': '{"compilerOptions":{"module":"NodeNext","moduleResolution":"NodeNext","rootDir":"src","outDir":"dist","strict":true}}',
    'src/index.ts': "import { helper } from './lib/helper.js';\nexport const value: number = helper();\n",
    'src/lib/helper.ts': 'export function helper(): number { return 1; }\n',
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const result = await measure(dir, { runs: 1 });
  assert.equal(result.runner.tsx, true);
  assert.equal(result.entry, 'src/index.ts');
  assert.ok(result.diagnostics.some((d) => d.code === 'measured-source'));
  assert.deepEqual(result.tree.map(shape), [{ 'src/index.ts': ['src/lib/helper.ts'] }]);
  assertSaneTimes(result.tree);
});

test('a module that throws at import is a diagnostic naming it, not a crash', async () => {
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': "require('./ok'); require('./lib/bad');\n",
    'ok.js': '',
    'lib/bad.js': "throw new Error('no API key configured');\n",
  });
  const result = await measure(dir, { runs: 3 });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => [d.code, d.file, d.message]), [
    ['import-threw', 'lib/bad.js', 'lib/bad.js threw at import: no API key configured'],
  ]);
  assert.equal(result.runs, 1, 'stops after the first failed run');
  assert.equal(find(result.tree, 'lib/bad.js')!.failed, 'threw');
});

test('a module that hangs is killed at the timeout and named', async () => {
  const dir = project({
    'package.json': '{"name":"p","type":"module","main":"index.js"}',
    'index.js': "import './fine.js';\nimport './spin.js';\n",
    'fine.js': 'export {};\n',
    'spin.js': 'while (true) {}\n',
  });
  const result = await measure(dir, { runs: 2, timeoutMs: 2000 });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.message), ['timed out after 2s while loading spin.js: a module hangs at import (raise --timeout if it is only slow)']);
  assert.equal(find(result.tree, 'spin.js')!.failed, 'timeout');
});

test('process.exit() at import and a top-level await that never settles are reported', async () => {
  const exits = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': "require('./cli');\n",
    'cli.js': 'process.exit(3);\n',
  });
  const exited = await measure(exits, { runs: 1 });
  assert.deepEqual(exited.diagnostics.map((d) => d.message), ['cli.js called process.exit(3) at import']);

  const waits = project({
    'package.json': '{"name":"p","type":"module","main":"index.js"}',
    'index.js': "import './wait.js';\n",
    'wait.js': 'await new Promise(() => {});\n',
  });
  const unsettled = await measure(waits, { runs: 1 });
  assert.deepEqual(unsettled.diagnostics.map((d) => d.message), ['wait.js never finished loading: a top-level await that never settles']);
});

test('bad input is a LazifyError: no such path, no package.json, entry not built', async () => {
  await assert.rejects(measure(join(tmpdir(), 'lazify-does-not-exist')), (e) => e instanceof LazifyError && e.code === 'entry-not-found');
  const noPackage = project({ 'index.js': '' });
  await assert.rejects(measure(noPackage), (e) => e instanceof LazifyError && e.code === 'not-a-package');
  const notBuilt = project({ 'package.json': '{"name":"p","main":"dist/index.js"}' });
  await assert.rejects(measure(notBuilt), (e) => e instanceof LazifyError && /build the package/.test(e.message));
  await assert.rejects(measure(notBuilt, { runs: 0 }), (e) => e instanceof LazifyError && e.code === 'bad-option');
});
