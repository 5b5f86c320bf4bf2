import type { ModuleGraph } from './module-graph.js';

export interface ComponentOptions {
  /**
   * Follow only edges that run at import time (default true): a cycle through a lazy
   * `import()` cannot see a half-initialised module.
   */
  eagerOnly?: boolean;
}

/**
 * Tarjan's strongly connected components over the module graph, iterative so deep
 * graphs cannot overflow the stack. Every module is in exactly one component.
 */
export function findStronglyConnectedComponents(graph: ModuleGraph, options: ComponentOptions = {}): string[][] {
  const eagerOnly = options.eagerOnly ?? true;
  const ids = Object.keys(graph.modules);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const successors = ids.map((id) => {
    const out: number[] = [];
    for (const edge of graph.modules[id].imports) {
      if (edge.to === undefined || (eagerOnly && edge.lazy)) continue;
      const target = indexOf.get(edge.to);
      if (target !== undefined) out.push(target);
    }
    return out;
  });
  const componentOf = stronglyConnectedIndexes(successors);
  const components: string[][] = [];
  for (let node = 0; node < ids.length; node++) (components[componentOf[node]] ??= []).push(ids[node]);
  return components;
}

/**
 * Tarjan over successor lists of node indexes: the component number of every node.
 * Components are numbered in the order Tarjan closes them (reverse topological order).
 */
export function stronglyConnectedIndexes(successors: readonly number[][]): Int32Array {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;

  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    // Explicit call stack of [node, next successor position].
    const frames: Array<[number, number]> = [[start, 0]];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, position] = frame;
      if (position < successors[v].length) {
        frame[1]++;
        const w = successors[v][position];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return componentOf;
}

/**
 * Import cycles: components with more than one module, or a module importing itself.
 * Each cycle lists its files in import order, starting from the member found first when
 * walking from the entry.
 */
export function findImportCycles(graph: ModuleGraph, options: ComponentOptions = {}): string[][] {
  const eagerOnly = options.eagerOnly ?? true;
  const order = walkOrder(graph, eagerOnly);
  const cycles: string[][] = [];
  for (const component of findStronglyConnectedComponents(graph, options)) {
    const members = new Set(component);
    if (component.length === 1) {
      const only = graph.modules[component[0]];
      const selfLoop = only.imports.some((e) => e.to === only.id && !(eagerOnly && e.lazy));
      if (!selfLoop) continue;
    }
    const start = component.reduce((a, b) => ((order.get(a) ?? Infinity) <= (order.get(b) ?? Infinity) ? a : b));
    // Depth-first inside the component from `start`: the order imports are evaluated in.
    const ordered: string[] = [];
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      ordered.push(id);
      const next = graph.modules[id].imports.filter((e) => e.to && members.has(e.to) && !(eagerOnly && e.lazy));
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i].to!);
    }
    cycles.push(ordered);
  }
  return cycles;
}

/** Position of each module in a depth-first walk from the entry, in import order. */
function walkOrder(graph: ModuleGraph, eagerOnly: boolean): Map<string, number> {
  const order = new Map<string, number>();
  const stack = [graph.entry];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (order.has(id) || !graph.modules[id]) continue;
    order.set(id, order.size);
    const next = graph.modules[id].imports.filter((e) => e.to && !(eagerOnly && e.lazy)).map((e) => e.to!);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return order;
}
