import { findImportCycles } from '../graph/strongly-connected-components.js';
import type { FindingsInput } from './findings-input.js';
import type { Finding } from './finding.js';
import { findingId } from './finding-severity.js';

/**
 * Import cycles over eager edges between local modules. A cycle costs no bytes by itself but
 * means one member runs while another is half-initialised, and it ties the members' loading
 * together: a registry or god-module inside a cycle cannot become lazy on its own.
 */
export function findCycles(input: FindingsInput): Finding[] {
  const findings: Finding[] = [];
  for (const files of findImportCycles(input.graph, { eagerOnly: true })) {
    if (files.some((id) => input.graph.modules[id]?.kind !== 'local')) continue;
    const first = files[0]!;
    const path = shortestCycle(input, first, new Set(files));
    const second = path[1] ?? first;
    const last = path[path.length - 1]!;
    const line = eagerEdge(input, first, second)?.line ?? 1;
    const back = eagerEdge(input, last, first);
    const size = files.length > path.length ? ` (${files.length} modules are tied together in this cycle)` : '';
    findings.push({
      // A module belongs to one cycle (strongly connected component), so its first file names it.
      id: findingId('cycle', first),
      kind: 'cycle',
      // Cycles block the lazy conversions around them, whatever their size.
      severity: 'medium',
      file: first,
      line,
      message: `Import cycle: ${[...path, first].join(' -> ')}${size}. Break it at ${first}:${line} or ${last}:${back?.line ?? '?'}: import that code lazily inside the function that needs it, or move the shared part into its own module.`,
      cost: { exclusiveBytes: 0, exclusiveModules: 0 },
      files,
    });
  }
  return findings;
}

function eagerEdge(input: FindingsInput, from: string, to: string) {
  return input.graph.modules[from]?.imports.find((e) => e.to === to && !e.lazy);
}

/** The shortest chain of eager imports from `start` back to itself inside its component. */
function shortestCycle(input: FindingsInput, start: string, members: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const edge of input.graph.modules[id]?.imports ?? []) {
      if (edge.lazy || !edge.to || !members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(edge.to) && edge.to !== start) {
        previous.set(edge.to, id);
        queue.push(edge.to);
      }
    }
  }
  return [start];
}
