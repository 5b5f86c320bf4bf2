import type { ModuleCost, ModuleCostEntry } from '../graph/module-cost.js';

/** One row of the printed cost tree. */
export interface CostTreeRow {
  depth: number;
  /** True for the last shown child of its parent (draws `└─`). */
  last: boolean;
  /** Ancestors' `last` flags, for the vertical guides. */
  guides: boolean[];
  module: ModuleCostEntry;
  /** Children of this node left out of the tree (too small or past the limit). */
  hiddenChildren: number;
}

export interface CostTreeOptions {
  /** Deepest level shown below the entry (default 3). */
  maxDepth?: number;
  /** Most children shown per node (default 6). */
  maxChildren?: number;
  /** Hide subtrees smaller than this share of the eager total (default 0.01). */
  minShare?: number;
}

/**
 * The dominator tree from the entry, biggest exclusive subtrees first: each node's
 * children are what it alone keeps loaded, so the tree reads as "where the bytes go".
 */
export function costTreeRows(cost: ModuleCost, options: CostTreeOptions = {}): CostTreeRow[] {
  const maxDepth = options.maxDepth ?? 3;
  const maxChildren = options.maxChildren ?? 6;
  const minBytes = cost.eagerBytes * (options.minShare ?? 0.01);
  const children = new Map<string, ModuleCostEntry[]>();
  for (const module of Object.values(cost.modules)) {
    if (!module.idom) continue;
    const list = children.get(module.idom) ?? [];
    list.push(module);
    children.set(module.idom, list);
  }
  const rows: CostTreeRow[] = [];
  const visit = (module: ModuleCostEntry, depth: number, last: boolean, guides: boolean[]) => {
    const all = (children.get(module.id) ?? []).sort((a, b) => b.exclusiveBytes - a.exclusiveBytes || a.id.localeCompare(b.id));
    const shown = depth < maxDepth ? all.filter((c) => c.exclusiveBytes >= minBytes).slice(0, maxChildren) : [];
    rows.push({ depth, last, guides, module, hiddenChildren: all.length - shown.length });
    shown.forEach((child, i) => visit(child, depth + 1, i === shown.length - 1, depth === 0 ? [] : [...guides, last]));
  };
  const root = cost.modules[cost.entry];
  if (root) visit(root, 0, true, []);
  return rows;
}
