import { computeDominators, dominates } from './dominators.js';
import { stronglyConnectedIndexes } from './strongly-connected-components.js';
import type { ModuleGraph } from './module-graph.js';

/** What one module costs when the entry is imported. */
export interface ModuleCostEntry {
  id: string;
  /** Own size in bytes (the file, or the package estimate for externals). */
  ownBytes: number;
  /** True when importing the entry loads this module (reachable over eager edges). */
  eager: boolean;
  /** Bytes of everything this module loads eagerly, itself included. */
  cumulativeBytes: number;
  cumulativeModules: number;
  /**
   * Bytes only this module keeps loaded: its dominator subtree in the eager graph. Making
   * this module lazy everywhere would stop exactly these from loading. 0 when not eager.
   */
  exclusiveBytes: number;
  exclusiveModules: number;
  /** Immediate dominator: the closest module every eager import chain to this one passes. */
  idom?: string;
}

/** What deferring every eager import from one module of another would save. */
export interface ImportSaving {
  from: string;
  to: string;
  /** Lines of the eager import edges from `from` to `to`. */
  lines: number[];
  /** Bytes that would no longer load at import of the entry (0 when `to` is loaded some other way too). */
  savedBytes: number;
  savedModules: number;
}

/** The cost model: per module sizes and per eager import savings. Plain data. */
export interface ModuleCost {
  entry: string;
  /** Everything importing the entry loads. */
  eagerBytes: number;
  eagerModules: number;
  modules: Record<string, ModuleCostEntry>;
  /** Every eager import pair, biggest saving first. */
  imports: ImportSaving[];
  /** Cost of one module (undefined for ids not in the graph). Functions are left out of JSON. */
  module(id: string): ModuleCostEntry | undefined;
  /**
   * What stops loading if every module of `ids` is loaded lazily together: the set itself
   * plus everything only reachable through it (providers sharing an SDK helper, say).
   */
  exclusiveOfSet(ids: readonly string[]): { exclusiveBytes: number; exclusiveModules: number };
  /**
   * What stops loading if the eager imports `cuts` names become lazy together, each importer
   * with the modules it would load lazily (a factory loading each provider in its branch, or
   * two factories importing the same providers): nothing while another importer keeps them.
   */
  exclusiveOfImports(cuts: Readonly<Record<string, readonly string[]>>): { exclusiveBytes: number; exclusiveModules: number };
  /** Whether a module still loads at import once the eager imports `cuts` names are lazy (see {@link exclusiveOfImports}). */
  loadedWithImportsCut(cuts: Readonly<Record<string, readonly string[]>>): (id: string) => boolean;
}

/**
 * Computes own, cumulative and exclusive sizes and import savings. Exclusive sizes come
 * from the dominator tree of the eager graph. An import u -> v saves v's dominator subtree
 * exactly when no other eager importer of v can be reached without passing v first (then
 * removing the edges u -> v leaves v unreachable); otherwise it saves nothing.
 */
export function computeCost(graph: ModuleGraph): ModuleCost {
  const ids = Object.keys(graph.modules);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const size = ids.map((id) => graph.modules[id].size);
  const eagerSuccessors: number[][] = ids.map((id) => {
    const out = new Set<number>();
    for (const edge of graph.modules[id].imports) {
      if (edge.lazy || edge.to === undefined) continue;
      const target = indexOf.get(edge.to);
      if (target !== undefined && target !== indexOf.get(id)) out.add(target);
    }
    return [...out];
  });
  const root = indexOf.get(graph.entry);
  if (root === undefined) throw new Error(`entry ${graph.entry} is not a module of the graph`);

  const tree = computeDominators(eagerSuccessors, root);
  const exclusiveBytes = new Float64Array(n);
  const exclusiveModules = new Int32Array(n);
  const order = tree.reversePostorder;
  for (const node of order) {
    exclusiveBytes[node] = size[node];
    exclusiveModules[node] = 1;
  }
  // Reverse postorder puts a node's dominator before it, so walking backwards sums subtrees bottom-up.
  for (let i = order.length - 1; i > 0; i--) {
    const node = order[i];
    exclusiveBytes[tree.idom[node]] += exclusiveBytes[node];
    exclusiveModules[tree.idom[node]] += exclusiveModules[node];
  }

  const { cumulativeBytes, cumulativeModules } = cumulativeSizes(eagerSuccessors, size);

  const modules: Record<string, ModuleCostEntry> = {};
  for (let i = 0; i < n; i++) {
    const eager = tree.idom[i] !== -1;
    modules[ids[i]] = {
      id: ids[i],
      ownBytes: size[i],
      eager,
      cumulativeBytes: cumulativeBytes[i],
      cumulativeModules: cumulativeModules[i],
      exclusiveBytes: eager ? exclusiveBytes[i] : 0,
      exclusiveModules: eager ? exclusiveModules[i] : 0,
      idom: eager && i !== root ? ids[tree.idom[i]] : undefined,
    };
  }

  const eagerPredecessors: number[][] = Array.from({ length: n }, () => []);
  for (const u of order) for (const v of eagerSuccessors[u]) eagerPredecessors[v].push(u);
  const imports: ImportSaving[] = [];
  for (const u of order) {
    for (const v of eagerSuccessors[u]) {
      const cut = v !== root && eagerPredecessors[v].every((p) => p === u || dominates(tree, v, p));
      imports.push({
        from: ids[u],
        to: ids[v],
        lines: graph.modules[ids[u]].imports.filter((e) => !e.lazy && e.to === ids[v]).map((e) => e.line),
        savedBytes: cut ? exclusiveBytes[v] : 0,
        savedModules: cut ? exclusiveModules[v] : 0,
      });
    }
  }
  imports.sort((a, b) => b.savedBytes - a.savedBytes || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));

  /** What stops loading at import when the walk from the entry skips the nodes and edges `skip` names. */
  const notReached = (skip: { node?: (v: number) => boolean; edge?: (u: number, v: number) => boolean }) => {
    const { bytes, count } = walkFromRoot(skip);
    return { exclusiveBytes: exclusiveBytes[root] - bytes, exclusiveModules: exclusiveModules[root] - count };
  };
  /** The modules the walk from the entry reaches when it skips the nodes and edges `skip` names, and their bytes. */
  const walkFromRoot = (skip: { node?: (v: number) => boolean; edge?: (u: number, v: number) => boolean }) => {
    const seen = new Uint8Array(n);
    const pending = [root];
    seen[root] = 1;
    let bytes = 0;
    let count = 0;
    while (pending.length > 0) {
      const node = pending.pop()!;
      bytes += size[node];
      count++;
      for (const next of eagerSuccessors[node]) {
        if (!seen[next] && !skip.node?.(next) && !skip.edge?.(node, next)) {
          seen[next] = 1;
          pending.push(next);
        }
      }
    }
    return { seen, bytes, count };
  };
  const exclusiveOfSet = (set: readonly string[]) => {
    const removed = new Set(set.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined));
    if (removed.has(root)) return { exclusiveBytes: exclusiveBytes[root], exclusiveModules: exclusiveModules[root] };
    return notReached({ node: (v) => removed.has(v) });
  };
  /** The eager imports `cuts` names, by importer index: those of modules outside the graph left out. */
  const cutEdges = (cuts: Readonly<Record<string, readonly string[]>>) => {
    const cut = new Map<number, Set<number>>();
    for (const [from, to] of Object.entries(cuts)) {
      const u = indexOf.get(from);
      const targets = new Set(to.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined));
      if (u !== undefined && targets.size > 0) cut.set(u, targets);
    }
    return cut;
  };
  const exclusiveOfImports = (cuts: Readonly<Record<string, readonly string[]>>) => {
    const cut = cutEdges(cuts);
    if (cut.size === 0) return { exclusiveBytes: 0, exclusiveModules: 0 };
    return notReached({ edge: (a, b) => cut.get(a)?.has(b) === true });
  };
  const loadedWithImportsCut = (cuts: Readonly<Record<string, readonly string[]>>) => {
    const cut = cutEdges(cuts);
    const { seen } = walkFromRoot({ edge: (a, b) => cut.get(a)?.has(b) === true });
    return (id: string) => {
      const i = indexOf.get(id);
      return i !== undefined && seen[i] === 1;
    };
  };

  return {
    entry: graph.entry,
    eagerBytes: exclusiveBytes[root],
    eagerModules: exclusiveModules[root],
    modules,
    imports,
    module: (id) => modules[id],
    exclusiveOfSet,
    exclusiveOfImports,
    loadedWithImportsCut,
  };
}

/**
 * Bytes and modules each node loads eagerly, itself included. Modules of one strongly
 * connected component load the same set, so the walk runs once per component over the
 * condensed graph (gateways tie most of their modules into one big cycle through utils).
 */
function cumulativeSizes(successors: readonly number[][], size: readonly number[]) {
  const n = successors.length;
  const componentOf = stronglyConnectedIndexes(successors);
  let components = 0;
  for (const c of componentOf) if (c + 1 > components) components = c + 1;
  const componentBytes = new Float64Array(components);
  const componentModules = new Int32Array(components);
  const componentSuccessors: number[][] = Array.from({ length: components }, () => []);
  for (let node = 0; node < n; node++) {
    const c = componentOf[node];
    componentBytes[c] += size[node];
    componentModules[c]++;
    for (const next of successors[node]) if (componentOf[next] !== c) componentSuccessors[c].push(componentOf[next]);
  }
  const stamp = new Int32Array(components).fill(-1);
  const bytes = new Float64Array(components);
  const modules = new Int32Array(components);
  const stack: number[] = [];
  for (let start = 0; start < components; start++) {
    stack.push(start);
    stamp[start] = start;
    while (stack.length > 0) {
      const c = stack.pop()!;
      bytes[start] += componentBytes[c];
      modules[start] += componentModules[c];
      for (const next of componentSuccessors[c]) {
        if (stamp[next] !== start) {
          stamp[next] = start;
          stack.push(next);
        }
      }
    }
  }
  const cumulativeBytes = new Float64Array(n);
  const cumulativeModules = new Int32Array(n);
  for (let node = 0; node < n; node++) {
    cumulativeBytes[node] = bytes[componentOf[node]];
    cumulativeModules[node] = modules[componentOf[node]];
  }
  return { cumulativeBytes, cumulativeModules };
}
