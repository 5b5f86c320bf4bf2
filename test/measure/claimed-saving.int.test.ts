// The saving analyze claims for what plan converts must be what importtime measures: on
// fixtures/edge/gateway-shapes, the modules (graph nodes: local files and packages) that stop
// loading after apply are exactly as many as the planned findings claim. Modules, not ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { apply, measure, plan, type ImportTimeNode } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';

const flatten = (nodes: ImportTimeNode[]): ImportTimeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** The graph nodes importtime saw load: local modules by id, packages by name. */
async function loadedNodes(dir: string): Promise<Set<string>> {
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
  const result = await measure(dir, { runs: 1, timeoutMs: 240_000 });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  return new Set(flatten(result.tree).map((n) => (n.kind === 'external' ? n.package! : n.id)));
}

test('gateway-shapes: the modules the planned findings claim are the modules importtime stops seeing', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('edge/gateway-shapes');
  try {
    const analysis = analyze(dir);
    const graphNodes = new Set(Object.keys(analysis.graph.modules));
    const planned = await plan(dir);
    const plannedIds = new Set(planned.plan.operations.map((o) => o.id.replace(/#.*$/, '')));
    const claimed = analysis.findings.filter((f) => plannedIds.has(f.id)).reduce((sum, f) => sum + f.cost.exclusiveModules, 0);

    const before = await loadedNodes(dir);
    await apply(dir, { force: true });
    const after = await loadedNodes(dir);
    // Packages the SDKs load themselves are not graph nodes (a package is one node): compare nodes.
    const stopped = [...before].filter((id) => graphNodes.has(id) && !after.has(id)).sort();
    assert.equal(claimed, stopped.length, `claimed ${claimed} modules; importtime stopped seeing ${stopped.length}: ${stopped.join(', ')}`);
    assert.ok(stopped.includes('openai') && stopped.includes('src/providers/openai.ts'));
    assert.ok(after.has('groq-sdk'), 'the side-effect subpath import keeps groq-sdk (in part) loaded, and nothing claimed it');
  } finally {
    cleanup();
  }
});
