import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RunMeasurement } from './build-run-tree.js';
import type { ImportTimeNode } from './import-time.js';
import type { MeasuredModuleName } from './name-measured-module.js';

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Interquartile range (linear interpolation between ranks); 0 for a single value. */
export function interquartileRange(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return quantile(sorted, 0.75) - quantile(sorted, 0.25);
}

/** A total whose IQR exceeds this share of its median is reported as noisy. */
export const NOISY_SPREAD = 0.3;

/**
 * Folds N runs into one tree: the shape of the first run (every run loads the same graph;
 * a module missing from some runs gets the median of the runs that had it) and, per module,
 * the median self and cumulative time and the IQR of the cumulative time.
 */
export function aggregateRuns(
  runs: RunMeasurement[],
  name: (file: string) => MeasuredModuleName,
): { tree: ImportTimeNode[]; imports: Record<string, string[]> } {
  const [shape] = runs;
  const build = (file: string): ImportTimeNode => {
    const first = shape.modules.get(file)!;
    const samples = runs.map((run) => run.modules.get(file)).filter((m) => m !== undefined);
    const named = name(file);
    return {
      id: named.id,
      file,
      kind: named.kind,
      ...(named.package ? { package: named.package } : {}),
      format: first.format,
      selfMs: median(samples.map((m) => m.selfMs)),
      cumulativeMs: median(samples.map((m) => m.cumulativeMs)),
      cumulativeIqrMs: interquartileRange(samples.map((m) => m.cumulativeMs)),
      ...(first.failed ? { failed: first.failed } : {}),
      children: first.children.map(build),
    };
  };
  const tree = shape.roots.map(build);
  const imports: Record<string, string[]> = {};
  for (const [from, tos] of shape.imports) {
    if (!shape.modules.has(from)) continue;
    imports[name(from).id] = tos.filter((to) => shape.modules.has(to)).map((to) => name(to).id);
  }
  return { tree, imports };
}

/** A warning when the totals of the runs spread too widely to trust small differences. */
export function noisyTotals(totals: number[]): Diagnostic[] {
  const totalMedian = median(totals);
  const spread = interquartileRange(totals);
  if (totals.length < 2 || totalMedian <= 0 || spread / totalMedian <= NOISY_SPREAD) return [];
  return [
    {
      code: 'measurement-noisy',
      severity: 'warning',
      message: `import time varied widely between runs (IQR ${spread.toFixed(1)} ms on a median of ${totalMedian.toFixed(1)} ms): close other programs or use more --runs`,
    },
  ];
}
