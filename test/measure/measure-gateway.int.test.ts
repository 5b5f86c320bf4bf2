// measure() on the demo gateways, built in a temp copy: the tree must show what makes them slow
// (providers pulling in their SDKs, the tokenizer under utils) with source paths, not dist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { measure, type Finding, type ImportTimeNode, type ImportTimeResult } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { attachMeasuredCost } from '../../src/api/measure.js';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';

function all(nodes: ImportTimeNode[]): ImportTimeNode[] {
  return nodes.flatMap((node) => [node, ...all(node.children)]);
}

/** Builds a copy of the fixture, measures it, and (with `findings`) ranks its static findings by the measurement. */
async function measureBuilt(name: string, findings = false): Promise<ImportTimeResult & { ranked?: Finding[] }> {
  const { dir, cleanup } = copyFixture(name);
  try {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
    const result = await measure(dir, { runs: 1, timeoutMs: 240_000 });
    if (!findings) return result;
    const analysis = analyze(dir);
    return { ...result, ranked: attachMeasuredCost(analysis.findings, analysis.graph, result) };
  } finally {
    cleanup();
  }
}

function assertGatewayShape(result: ImportTimeResult, format: 'commonjs' | 'esm'): void {
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(result.entry, 'dist/index.js');
  assert.equal(result.runner.tsx, false);
  assert.deepEqual(result.tree.map((n) => n.id), ['src/index.ts'], 'one root: the entry, shown as its source');
  const nodes = all(result.tree);
  assert.equal(nodes.length, result.moduleCount);
  assert.ok(result.moduleCount > 200, `the SDKs load hundreds of modules, got ${result.moduleCount}`);
  assert.ok(nodes.every((n) => !n.id.startsWith('dist/')), 'build output is mapped back to src');
  assert.equal(nodes.find((n) => n.id === 'src/index.ts')!.format, format);
  for (const node of nodes) assert.ok(node.cumulativeMs + 1e-9 >= node.selfMs, `${node.id}: cumulative >= self`);

  // The eager tokenizer: js-tiktoken is loaded by utils.
  const utils = nodes.find((n) => n.id === 'src/utils.ts');
  assert.ok(utils, 'src/utils.ts is in the tree');
  assert.ok(utils.children.some((c) => c.package === 'js-tiktoken'), 'js-tiktoken sits under src/utils.ts');

  // Providers each pull in a real SDK package.
  const providers = nodes.filter((n) => /^src\/providers\/(?!base|register-all)[\w-]+\.ts$/.test(n.id));
  assert.ok(providers.length >= 10, `providers in the tree: ${providers.map((p) => p.id).join(', ')}`);
  const sdkPackages = new Set(providers.flatMap((p) => p.children.filter((c) => c.kind === 'external').map((c) => c.package)));
  assert.ok(sdkPackages.size >= 8, `SDK packages under providers: ${[...sdkPackages].join(', ')}`);
}

test('gateway-cjs (built): providers, their SDKs and the tokenizer under utils', { timeout: 300_000 }, async () => {
  const result = await measureBuilt('gateway-cjs', true);
  assertGatewayShape(result, 'commonjs');
  // analyze --measure: every finding that keeps modules loaded gets measured ms, ranked by them.
  const ranked = result.ranked!;
  const measured = ranked.filter((f) => f.cost.measuredMs !== undefined);
  assert.ok(measured.length >= 5, `findings with measured ms: ${measured.length}`);
  assert.deepEqual(ranked.slice(0, measured.length), measured, 'measured findings come first');
  const ms = measured.map((f) => f.cost.measuredMs!);
  assert.deepEqual(ms, [...ms].sort((a, b) => b - a), 'largest measured saving first');
  assert.ok(ms.every((value) => value <= result.tree[0].cumulativeMs + 1e-6), 'no saving exceeds the whole import');
});

test('gateway-esm (built): the same shape through the ESM loader hooks', { timeout: 600_000 }, async () => {
  const result = await measureBuilt('gateway-esm');
  assertGatewayShape(result, 'esm');
  assert.equal(result.runner.mode, 'import');
});
