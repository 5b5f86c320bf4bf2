import type { Finding } from '../findings/finding.js';
import type { ModuleGraph } from '../graph/module-graph.js';
import type { ImportTimeNode, ImportTimeResult } from './import-time.js';

/**
 * Measured self ms per static graph id: local modules by their path (the ids match, both are
 * relative to the root with build output mapped to source), external files summed per package
 * (the static graph has one node per package).
 */
function measuredSelfByGraphId(importTime: ImportTimeResult, graph: ModuleGraph): Map<string, number> {
  const byId = new Map<string, number>();
  const add = (node: ImportTimeNode) => {
    const id = node.kind === 'external' ? node.package! : node.id;
    if (graph.modules[id]) byId.set(id, (byId.get(id) ?? 0) + node.selfMs);
    node.children.forEach(add);
  };
  importTime.tree.forEach(add);
  return byId;
}

/** Modules loaded at import of the entry over eager edges, never passing through `avoid`. */
function eagerlyReachable(graph: ModuleGraph, avoid: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const stack = avoid.has(graph.entry) ? [] : [graph.entry];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of graph.modules[id]?.imports ?? []) {
      if (!edge.lazy && edge.to !== undefined && !avoid.has(edge.to) && !seen.has(edge.to)) stack.push(edge.to);
    }
  }
  return seen;
}

/** The modules a finding keeps eager: its target, its registry entries, or its file. */
function keptEager(finding: Finding, graph: ModuleGraph): string[] {
  if (finding.target && graph.modules[finding.target]) return [finding.target];
  const entries = (finding.entries ?? []).map((entry) => entry.module).filter((id): id is string => !!id && !!graph.modules[id]);
  if (entries.length) return entries;
  return graph.modules[finding.file] && finding.cost.exclusiveModules > 0 ? [finding.file] : [];
}

/**
 * Adds measured milliseconds to findings (`cost.measuredMs`) and ranks them by it.
 *
 * A finding's measured saving is exclusive, like its static cost: the summed measured self time
 * of every module that would no longer load if what the finding keeps eager were lazy, i.e. the
 * modules that become unreachable from the entry over eager edges of the static graph. Findings
 * with a measured saving come first, largest first; the rest keep their order after them.
 */
export function attachMeasuredCost(findings: Finding[], graph: ModuleGraph, importTime: ImportTimeResult): Finding[] {
  const selfMs = measuredSelfByGraphId(importTime, graph);
  const loaded = eagerlyReachable(graph, new Set());
  const measured = findings.map((finding) => {
    const lazy = keptEager(finding, graph);
    if (!lazy.length) return finding;
    const stillLoaded = eagerlyReachable(graph, new Set(lazy));
    let ms = 0;
    for (const id of loaded) if (!stillLoaded.has(id)) ms += selfMs.get(id) ?? 0;
    return { ...finding, cost: { ...finding.cost, measuredMs: ms } };
  });
  const rank = (f: Finding) => f.cost.measuredMs ?? -1;
  return measured
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(b.finding) - rank(a.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}
