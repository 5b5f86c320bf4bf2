import assert from 'node:assert/strict';
import test from 'node:test';
import { computeDominators, dominates } from '../../src/graph/dominators.js';
import { computeCost } from '../../src/graph/module-cost.js';
import type { ModuleGraph } from '../../src/graph/module-graph.js';

/** A graph from `a->b` strings (`a~>b` is a lazy edge); node sizes are 1, 10, 100, ... by first appearance. */
function graphFrom(edges: string[], sizes: Record<string, number> = {}): ModuleGraph {
  const modules: ModuleGraph['modules'] = {};
  const add = (id: string) =>
    (modules[id] ??= { id, kind: 'local', size: sizes[id] ?? 10 ** Object.keys(modules).length, imports: [] });
  for (const edge of edges) {
    const [from, to] = edge.split(/->|~>/);
    add(from);
    add(to);
    const lazy = edge.includes('~>');
    modules[from].imports.push({ from, to, specifier: to, kind: lazy ? 'dynamic-import' : 'import', lazy, line: 1, names: [] });
  }
  return { root: '/', entry: edges[0].split(/->|~>/)[0], modules, diagnostics: [] };
}

/** Modules reachable from the entry over eager edges, optionally without some edges or nodes. */
function eagerReach(graph: ModuleGraph, skipEdge?: (from: string, to: string) => boolean, skipNodes = new Set<string>()): Set<string> {
  const seen = new Set([graph.entry]);
  const stack = [graph.entry];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edge of graph.modules[id].imports) {
      if (edge.lazy || !edge.to || seen.has(edge.to) || skipNodes.has(edge.to) || skipEdge?.(id, edge.to)) continue;
      seen.add(edge.to);
      stack.push(edge.to);
    }
  }
  return seen;
}

const sizeOf = (graph: ModuleGraph, ids: Iterable<string>) => [...ids].reduce((sum, id) => sum + graph.modules[id].size, 0);

test('a diamond: shared modules belong to the dominator, not to either branch', () => {
  const graph = graphFrom(['e->a', 'e->b', 'a->s', 'b->s', 's->x', 'a->only']);
  const cost = computeCost(graph);
  assert.equal(cost.modules.s.idom, 'e');
  assert.equal(cost.modules.a.exclusiveModules, 2); // a + only
  assert.equal(cost.modules.s.exclusiveModules, 2); // s + x
  assert.equal(cost.modules.e.exclusiveModules, 6);
  assert.equal(cost.eagerModules, 6);
  assert.equal(cost.modules.e.cumulativeModules, 6);
  assert.equal(cost.modules.a.cumulativeModules, 4); // a, s, x, only
  const aToS = cost.imports.find((i) => i.from === 'a' && i.to === 's')!;
  assert.equal(aToS.savedBytes, 0, 'b still loads s');
  const aToOnly = cost.imports.find((i) => i.from === 'a' && i.to === 'only')!;
  assert.equal(aToOnly.savedBytes, graph.modules.only.size);
});

test('lazy edges load nothing at import: a lazily reached module costs 0 exclusive and is not eager', () => {
  const graph = graphFrom(['e->a', 'e~>big', 'big->dep']);
  const cost = computeCost(graph);
  assert.equal(cost.modules.big.eager, false);
  assert.equal(cost.modules.big.exclusiveBytes, 0);
  assert.equal(cost.modules.big.cumulativeBytes, graph.modules.big.size + graph.modules.dep.size);
  assert.equal(cost.eagerModules, 2);
});

test('a cycle through the entry: deferring the back edge saves nothing; deferring the way in saves the cycle', () => {
  const graph = graphFrom(['e->a', 'a->b', 'b->a', 'b->e']);
  const cost = computeCost(graph);
  assert.equal(cost.imports.find((i) => i.from === 'b' && i.to === 'a')!.savedModules, 0);
  assert.equal(cost.imports.find((i) => i.from === 'b' && i.to === 'e')!.savedModules, 0);
  assert.equal(cost.imports.find((i) => i.from === 'e' && i.to === 'a')!.savedModules, 2);
});

test('exclusiveOfSet: modules shared by a set but by no single member count for the set', () => {
  const graph = graphFrom(['e->p1', 'e->p2', 'p1->sdk', 'p2->sdk', 'e->keep']);
  const cost = computeCost(graph);
  assert.equal(cost.modules.p1.exclusiveModules, 1);
  const both = cost.exclusiveOfSet(['p1', 'p2']);
  assert.equal(both.exclusiveModules, 3);
  assert.equal(both.exclusiveBytes, sizeOf(graph, ['p1', 'p2', 'sdk']));
  assert.equal(cost.module('p1')!.exclusiveModules, 1);
  assert.equal(cost.module('nope'), undefined);
});

test('exclusiveOfImports: one module\'s imports of a set made lazy free the set only when no other importer keeps it', () => {
  // A factory importing two providers that share an SDK: its two imports together free all three.
  const graph = graphFrom(['e->f', 'f->p1', 'f->p2', 'p1->sdk', 'p2->sdk']);
  const alone = computeCost(graph);
  assert.deepEqual(alone.exclusiveOfImports({ f: ['p1', 'p2'] }), { exclusiveBytes: sizeOf(graph, ['p1', 'p2', 'sdk']), exclusiveModules: 3 });
  assert.deepEqual(alone.exclusiveOfImports({ f: ['p1'] }), { exclusiveBytes: sizeOf(graph, ['p1']), exclusiveModules: 1 }, 'p2 keeps the sdk loaded');
  // Another module importing p1 at the top keeps p1 (and the shared sdk) loaded: only p2 stops.
  const keptGraph = graphFrom(['e->f', 'f->p1', 'f->p2', 'p1->sdk', 'p2->sdk', 'e->p1']);
  const kept = computeCost(keptGraph);
  assert.deepEqual(kept.exclusiveOfImports({ f: ['p1', 'p2'] }), { exclusiveBytes: sizeOf(keptGraph, ['p2']), exclusiveModules: 1 });
  assert.deepEqual(kept.exclusiveOfSet(['p1', 'p2']).exclusiveModules, 3, 'the set query counts what no module loads, not what this one frees');
  assert.deepEqual(kept.exclusiveOfImports({ e: ['nope'] }), { exclusiveBytes: 0, exclusiveModules: 0 });
});

test('exclusiveOfImports: two factories importing the same providers free them only together', () => {
  const graph = graphFrom(['e->chat', 'e->embed', 'chat->p1', 'chat->p2', 'embed->p1', 'embed->p2', 'p1->sdk', 'p2->sdk', 'embed->util']);
  const cost = computeCost(graph);
  assert.deepEqual(cost.exclusiveOfImports({ chat: ['p1', 'p2'] }), { exclusiveBytes: 0, exclusiveModules: 0 }, 'embed keeps them');
  assert.deepEqual(cost.exclusiveOfImports({ embed: ['p1', 'p2'] }), { exclusiveBytes: 0, exclusiveModules: 0 }, 'chat keeps them');
  assert.deepEqual(cost.exclusiveOfImports({ chat: ['p1', 'p2'], embed: ['p1', 'p2'] }), { exclusiveBytes: sizeOf(graph, ['p1', 'p2', 'sdk']), exclusiveModules: 3 });
  // Only the imports named are cut: embed's import of p2 stays, and keeps p2 and the sdk.
  assert.deepEqual(cost.exclusiveOfImports({ chat: ['p1', 'p2'], embed: ['p1'] }), { exclusiveBytes: sizeOf(graph, ['p1']), exclusiveModules: 1 });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('on 200 random graphs, cumulative and exclusive sizes and import savings equal brute-force reachability', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    const n = 3 + Math.floor(next() * 12);
    const edges: string[] = [];
    for (let i = 1; i < n; i++) edges.push(`m${Math.floor(next() * i)}->m${i}`); // everything reachable
    const extra = Math.floor(next() * n * 1.5);
    for (let k = 0; k < extra; k++) edges.push(`m${Math.floor(next() * n)}${next() < 0.2 ? '~>' : '->'}m${Math.floor(next() * n)}`);
    edges.unshift(edges.splice(edges.findIndex((e) => e.startsWith('m0->')), 1)[0]); // entry m0 first
    const graph = graphFrom(edges);
    const cost = computeCost(graph);
    const all = eagerReach(graph);
    for (const id of Object.keys(graph.modules)) {
      const expected = all.has(id) ? sizeOf(graph, [...all].filter((x) => !eagerReach(graph, undefined, new Set([id])).has(x))) : 0;
      assert.equal(cost.modules[id].exclusiveBytes, id === graph.entry ? sizeOf(graph, all) : expected, `seed ${seed} module ${id}`);
    }
    for (const id of Object.keys(graph.modules)) {
      const reach = eagerReach({ ...graph, entry: id });
      assert.equal(cost.modules[id].cumulativeBytes, sizeOf(graph, reach), `seed ${seed} cumulative ${id}`);
      assert.equal(cost.modules[id].cumulativeModules, reach.size);
    }
    for (const saving of cost.imports) {
      const without = eagerReach(graph, (from, to) => from === saving.from && to === saving.to);
      const lost = [...all].filter((x) => !without.has(x));
      assert.equal(saving.savedBytes, sizeOf(graph, lost), `seed ${seed} import ${saving.from}->${saving.to}`);
      assert.equal(saving.savedModules, lost.length);
    }
  }
});

test('dominators: a node dominates itself and its dominator-tree descendants only', () => {
  // 0 -> 1 -> 3, 0 -> 2 -> 3, 3 -> 4
  const tree = computeDominators([[1, 2], [3], [3], [4], []], 0);
  assert.deepEqual([...tree.idom], [0, 0, 0, 0, 3]);
  assert.equal(dominates(tree, 3, 4), true);
  assert.equal(dominates(tree, 1, 3), false);
  assert.equal(dominates(tree, 0, 4), true);
  assert.equal(dominates(tree, 4, 4), true);
});

test('loadedWithImportsCut: which modules still load at import once some imports are lazy', () => {
  // js-yaml's shape: the index's map of types, and a schema the loader needs that requires the same types.
  const graph = graphFrom(['e->types', 'e->loader', 'loader->schema', 'schema->t1', 'schema->t2', 'types->t1', 'types->t2', 'types->t3']);
  const loaded = computeCost(graph).loadedWithImportsCut({ types: ['t1', 't2', 't3'] });
  assert.deepEqual(['t1', 't2', 't3', 'schema', 'types'].map(loaded), [true, true, false, true, true]);
  assert.equal(loaded('nope'), false);
  // Nested barrels: the inner one's modules stop loading once the outer one's imports are lazy too.
  const nested = computeCost(graphFrom(['e->inner', 'inner->a', 'inner->b', 'e->a']));
  assert.deepEqual(['a', 'b'].map(nested.loadedWithImportsCut({ inner: ['a', 'b'] })), [true, false]);
  assert.deepEqual(['a', 'b', 'inner'].map(nested.loadedWithImportsCut({ inner: ['a', 'b'], e: ['inner', 'a'] })), [false, false, false]);
});
