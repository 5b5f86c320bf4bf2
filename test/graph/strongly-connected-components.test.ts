import assert from 'node:assert/strict';
import test from 'node:test';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import type { ModuleGraph } from '../../src/graph/module-graph.js';
import { findImportCycles, findStronglyConnectedComponents } from '../../src/graph/strongly-connected-components.js';
import { loadProject } from '../../src/project/load-project.js';
import { fixture } from '../helpers/copy-fixture.js';

test('edge/circular: exactly the two runtime cycles, in import order; the type-only back edge is no cycle', () => {
  const graph = buildModuleGraph(loadProject(fixture('edge/circular')));
  const cycles = findImportCycles(graph);
  assert.deepEqual(cycles.sort((a, b) => b.length - a.length), [
    ['src/router.ts', 'src/handlers.ts', 'src/providers.ts'],
    ['src/models.ts', 'src/aliases.ts'],
  ]);
});

test('gateway-cjs: utils -> router -> providers -> utils is one cycle', () => {
  const graph = buildModuleGraph(loadProject(fixture('gateway-cjs')));
  const cycles = findImportCycles(graph);
  const withUtils = cycles.find((c) => c.includes('src/utils.ts'));
  assert.ok(withUtils && withUtils.includes('src/router.ts') && withUtils.includes('src/providers/openai.ts'));
});

test('a cycle through a lazy edge only counts when lazy edges are asked for; self-imports are cycles', () => {
  const edge = (from: string, to: string, lazy = false) => ({ from, to, specifier: to, kind: lazy ? ('dynamic-import' as const) : ('import' as const), lazy, line: 1, names: [] });
  const graph: ModuleGraph = {
    root: '/',
    entry: 'a',
    diagnostics: [],
    modules: {
      a: { id: 'a', kind: 'local', size: 1, imports: [edge('a', 'b'), edge('a', 'self')] },
      b: { id: 'b', kind: 'local', size: 1, imports: [edge('b', 'a', true)] },
      self: { id: 'self', kind: 'local', size: 1, imports: [edge('self', 'self')] },
    },
  };
  assert.deepEqual(findImportCycles(graph), [['self']]);
  assert.deepEqual(findImportCycles(graph, { eagerOnly: false }).sort(), [['a', 'b'], ['self']]);
  assert.equal(findStronglyConnectedComponents(graph).flat().length, 3, 'every module in exactly one component');
});

test('Tarjan is iterative: a 20,000-module chain closing into one cycle does not overflow the stack', () => {
  const n = 20_000;
  const modules: ModuleGraph['modules'] = {};
  for (let i = 0; i < n; i++) {
    const to = `m${(i + 1) % n}`;
    modules[`m${i}`] = { id: `m${i}`, kind: 'local', size: 1, imports: [{ from: `m${i}`, to, specifier: to, kind: 'import', lazy: false, line: 1, names: [] }] };
  }
  const cycles = findImportCycles({ root: '/', entry: 'm0', modules, diagnostics: [] });
  assert.equal(cycles.length, 1);
  assert.equal(cycles[0].length, n);
  assert.equal(cycles[0][0], 'm0');
});
