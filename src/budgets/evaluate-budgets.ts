// Import budgets against what an import costs: pure, so the same numbers give the same verdict
// in a test, in CI and in a library user's script.
import type { Budgets } from '../config/lazify-config.js';

/** What `lazify check` measures about the entry's import. */
export type MetricName = 'modules' | 'bytes' | 'importMs' | 'importRatio';

/** The import's numbers: static ones always, measured ones when the import was measured. */
export interface ImportMetrics {
  /** Modules loaded at import (eager closure of the entry in the module graph). */
  modules: number;
  /** Bytes of those modules. */
  bytes: number;
  /** Median measured import time, in ms. */
  importMs?: number;
  /** `importMs` over the median bare `node -e 0` start measured in the same run. */
  importRatio?: number;
}

/** A `lazify check` baseline file (`--baseline FILE`): the metrics of an accepted run. */
export interface CheckBaseline {
  schemaVersion: 1;
  kind: 'lazify-check-baseline';
  metrics: ImportMetrics;
}

/** How one metric fares. */
export interface MetricVerdict {
  metric: MetricName;
  actual?: number;
  /** The budget, when one is set. */
  limit?: number;
  /** The baseline's value, when a baseline is compared with. */
  baseline?: number;
  /**
   * `over`: past its budget; `grew`: past the baseline (beyond the tolerance, for times);
   * `ok`: within both; `unchecked`: no budget and no baseline; `unmeasured`: a time budget, but
   * the import was not measured (or failed).
   */
  status: 'ok' | 'over' | 'grew' | 'unchecked' | 'unmeasured';
}

/**
 * How much a measured time may exceed the baseline's before it counts as growth: timings of
 * the same code vary by a few percent from run to run, module counts and bytes do not.
 */
export const TIME_GROWTH_TOLERANCE = 0.1;

const METRICS: readonly MetricName[] = ['modules', 'bytes', 'importMs', 'importRatio'];
const BUDGET_OF: Record<MetricName, keyof Budgets> = { modules: 'modules', bytes: 'bytes', importMs: 'importMs', importRatio: 'importRatio' };

/** Each metric against its budget and the baseline; `passed` when none is over or grew. */
export function evaluateBudgets(metrics: ImportMetrics, budgets: Budgets, baseline?: ImportMetrics): { verdicts: MetricVerdict[]; passed: boolean } {
  const verdicts = METRICS.map((metric): MetricVerdict => {
    const actual = metrics[metric];
    const limit = budgets[BUDGET_OF[metric]];
    const before = baseline?.[metric];
    const base = { metric, ...(actual !== undefined ? { actual } : {}), ...(limit !== undefined ? { limit } : {}), ...(before !== undefined ? { baseline: before } : {}) };
    if (limit === undefined && before === undefined) return { ...base, status: 'unchecked' };
    if (actual === undefined) return { ...base, status: 'unmeasured' };
    if (limit !== undefined && actual > limit) return { ...base, status: 'over' };
    const timed = metric === 'importMs' || metric === 'importRatio';
    if (before !== undefined && actual > (timed ? before * (1 + TIME_GROWTH_TOLERANCE) : before)) return { ...base, status: 'grew' };
    return { ...base, status: 'ok' };
  });
  // A time budget the run could not measure cannot be called met.
  return { verdicts, passed: verdicts.every((v) => v.status === 'ok' || v.status === 'unchecked') };
}
