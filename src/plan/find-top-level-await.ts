import type { PlanContext } from './planner.js';

/** A top-level `await` (or `for await`) in a project module. */
export interface TopLevelAwait {
  file: string;
  line: number;
}

/** Static imports, which load the target before the importer runs (type-only imports are no edges). */
const LOADS_FIRST = new Set(['import', 're-export', 'side-effect']);

/**
 * The first top-level await among `files` and the project modules they import statically
 * (the graph's edges, followed transitively), if any, from the facts of each module. Node's
 * `require()` of an ES module throws ERR_REQUIRE_ASYNC_MODULE when its graph awaits at top
 * level, so such a module cannot be loaded synchronously. Packages are not searched.
 */
export function findTopLevelAwait(files: string[], context: Pick<PlanContext, 'graph' | 'facts'>): TopLevelAwait | undefined {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const line = context.facts?.[file]?.topLevelAwait;
    if (line !== undefined) return { file, line };
    for (const edge of context.graph?.modules[file]?.imports ?? []) {
      if (edge.lazy || !edge.to || !LOADS_FIRST.has(edge.kind) || context.graph?.modules[edge.to]?.kind !== 'local') continue;
      if (!seen.has(edge.to)) queue.push(edge.to);
    }
  }
  return undefined;
}
