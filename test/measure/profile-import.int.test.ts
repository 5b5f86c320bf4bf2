// The CPU-profile run of measure(): a module's self time is split into the calls its top level
// made (with the line of the call) and its own lines, and an ES module graph that require()
// loads, which Node 20 runs without loader hooks, is broken down into its modules.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { measure } from '../../src/measure/measure.js';
import type { ImportTimeNode } from '../../src/measure/import-time.js';

const work = mkdtempSync(join(tmpdir(), 'lazify-profile-'));
after(() => rmSync(work, { recursive: true, force: true }));
function write(path: string, text: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}
const busy = (n: number) => `let s = 0; for (let i = 0; i < ${n}; i++) s += i;`;
function find(tree: ImportTimeNode[], id: string): ImportTimeNode | undefined {
  for (const node of tree) {
    if (node.id === id) return node;
    const inner = find(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

test('a heavy call at top level is named with the line that makes it', { timeout: 120_000 }, async () => {
  write('calls/package.json', '{"name":"calls","main":"index.js"}');
  write('calls/index.js', "const { buildTable } = require('./table');\n\nconst small = 1;\nconst table = buildTable(small);\nmodule.exports = { table };\n");
  write('calls/table.js', `exports.buildTable = function buildTable(n) { ${busy(6e7)} return s + n; };\n`);
  const result = await measure(join(work, 'calls'), { runs: 1 });
  const index = find(result.tree, 'index.js')!;
  assert.ok(index.topLevel && index.topLevel.length > 0, JSON.stringify(index));
  const [first] = index.topLevel;
  assert.deepEqual({ ...first, ms: undefined }, { kind: 'call', call: 'buildTable', callee: 'table.js', line: 4, ms: undefined });
  assert.ok(first!.ms <= index.selfMs + 1e-9, 'a part of the self time, never more');
});

test('an ES module graph loaded by require() is broken down into its modules', { timeout: 120_000 }, async () => {
  write('esm-in-cjs/package.json', '{"name":"esm-in-cjs","main":"index.js"}');
  write('esm-in-cjs/index.js', "module.exports = require('graph');\n");
  write('esm-in-cjs/node_modules/graph/package.json', '{"name":"graph","version":"1.0.0","type":"module","exports":"./index.js"}');
  write('esm-in-cjs/node_modules/graph/index.js', `import { a } from './a.js';\nimport { b } from './b.js';\n${busy(1e6)}\nexport const c = a + b + s;\n`);
  write('esm-in-cjs/node_modules/graph/a.js', `${busy(4e7)}\nexport const a = s;\n`);
  write('esm-in-cjs/node_modules/graph/b.js', `${busy(2e7)}\nexport const b = s;\n`);
  const result = await measure(join(work, 'esm-in-cjs'), { runs: 1 });
  const entry = find(result.tree, 'graph/index.js')!;
  assert.deepEqual(entry.children.map((c) => c.id).sort(), ['graph/a.js', 'graph/b.js']);
  for (const child of entry.children) {
    assert.equal(child.format, 'esm');
    assert.ok(child.selfMs > 0, `${child.id} has its own time`);
  }
  const childMs = entry.children.reduce((sum, c) => sum + c.selfMs, 0);
  assert.ok(Math.abs(entry.selfMs + childMs - entry.cumulativeMs) < 0.01, 'the entry keeps its cumulative time, split between itself and its modules');
  assert.equal(result.moduleCount, 4);
  assert.ok(result.diagnostics.some((d) => d.code === 'esm-in-require' && /2 ES module\(s\)/.test(d.message)));
  assert.deepEqual(result.imports['graph/index.js']?.sort(), ['graph/a.js', 'graph/b.js']);
});

test('profile: false takes no profile', { timeout: 120_000 }, async () => {
  const result = await measure(join(work, 'calls'), { runs: 1, profile: false });
  assert.equal(find(result.tree, 'index.js')!.topLevel, undefined);
});
