// lazify check, one call per stage: project -> graph -> cost (static metrics), measure (import
// time, and a bare node start as its yardstick), then the budgets. Reads only.
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { evaluateBudgets, type CheckBaseline, type ImportMetrics, type MetricVerdict } from '../budgets/evaluate-budgets.js';
import { buildModuleGraph } from '../graph/build-module-graph.js';
import { computeCost } from '../graph/module-cost.js';
import { measure } from '../measure/measure.js';
import { measureNodeStart } from '../measure/measure-node-start.js';
import type { Budgets } from '../config/load-config.js';
import { loadProject } from '../project/load-project.js';
import { parseBaselineJson } from '../findings/findings-baseline.js';

/** Options of {@link check}. */
export interface CheckOptions {
  /** Entry file override, relative to the project dir or absolute. */
  entry?: string;
  /** The budgets (usually the config's, with the CLI's --max-* flags on top). */
  budgets?: Budgets;
  /** An accepted run's metrics: growth past them fails. */
  baseline?: CheckBaseline;
  /** Measure the import time (runs the package's code in child processes). Default true. */
  measure?: boolean;
  /** Fresh processes for the import and for the bare node start (default 5 each). */
  runs?: number;
  /** Milliseconds before an import run is killed (default 30 000). */
  timeoutMs?: number;
  /** Run TypeScript sources through tsx even when a build exists. */
  tsx?: boolean;
}

/** What `lazify check` found: the metrics, each against its budget and the baseline. */
export interface CheckResult {
  root: string;
  packageName?: string;
  /** Entry module id. */
  entry: string;
  metrics: ImportMetrics;
  /** The budgets checked (time budgets left out when the import was not measured). */
  budgets: Budgets;
  /** False when the import time was not measured (`measure: false`). */
  measured: boolean;
  verdicts: MetricVerdict[];
  /** True when no metric is over its budget or grew past the baseline. */
  passed: boolean;
  /** The measurement behind the time metrics, when measured. */
  timing?: {
    /** Import runs aggregated. */
    runs: number;
    /** Median bare `node -e 0` start, in ms. */
    nodeStartMs: number;
    /** The file that ran (build output, or the source through tsx). */
    ran: string;
  };
  diagnostics: Diagnostic[];
}

/** Checks the import of the package in `dir` against budgets and a baseline. */
export async function check(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const project = loadProject(dir, { entry: options.entry });
  const graph = buildModuleGraph(project);
  const cost = computeCost(graph);
  const metrics: ImportMetrics = { modules: cost.eagerModules, bytes: cost.eagerBytes };
  const diagnostics: Diagnostic[] = [...project.diagnostics, ...graph.diagnostics];
  let timing: CheckResult['timing'];
  let budgets = options.budgets ?? {};
  let baseline = options.baseline?.metrics;
  if (options.measure === false) {
    // Not measured: the time budgets and the baseline's times are not checked (the report says so).
    budgets = { modules: budgets.modules, bytes: budgets.bytes };
    baseline = baseline && { modules: baseline.modules, bytes: baseline.bytes };
  } else {
    const runs = options.runs ?? 5;
    // The yardstick before and after the import runs, so a load that comes and goes weighs on both alike.
    const before = await measureNodeStart(Math.ceil(runs / 2));
    const importTime = await measure(options.entry ? resolve(dir, options.entry) : dir, { runs, timeoutMs: options.timeoutMs, tsx: options.tsx, profile: false });
    const after = await measureNodeStart(Math.floor(runs / 2));
    const startTimes = [...before.runsMs, ...after.runsMs].sort((a, b) => a - b);
    const nodeStartMs = startTimes[Math.floor(startTimes.length / 2)]!;
    diagnostics.push(...importTime.diagnostics);
    if (importTime.runs > 0 && !importTime.diagnostics.some((d) => d.severity === 'error')) {
      metrics.importMs = importTime.totalMs;
      metrics.importRatio = importTime.totalMs / nodeStartMs;
      timing = { runs: importTime.runs, nodeStartMs, ran: importTime.entry };
    }
  }
  if (Object.values(budgets).every((b) => b === undefined) && !baseline && options.baseline === undefined) {
    // Nothing to check against is not a failure, but the report says how to set a budget.
    diagnostics.push({ code: 'no-budgets', severity: 'info', message: 'no budgets set: add "budgets" to the config, pass --max-modules, --max-bytes or --max-import-ratio, or compare with --baseline FILE' });
  }
  const { verdicts, passed } = evaluateBudgets(metrics, budgets, baseline);
  return {
    root: project.root,
    ...(project.packageJson.name ? { packageName: project.packageJson.name } : {}),
    entry: graph.entry,
    metrics,
    budgets,
    measured: options.measure !== false,
    verdicts,
    passed,
    ...(timing ? { timing } : {}),
    diagnostics,
  };
}

/** The baseline file of a check run: its metrics. */
export function toCheckBaseline(result: CheckResult): CheckBaseline {
  return { schemaVersion: 1, kind: 'lazify-check-baseline', metrics: { ...result.metrics } };
}

/** Parses a check baseline file's text; a file that is not one is a `bad-baseline` error naming it. */
export function parseCheckBaseline(text: string, label: string): CheckBaseline {
  const baseline = parseBaselineJson(text, label) as Partial<CheckBaseline> | null;
  const metrics = baseline?.metrics as Partial<ImportMetrics> | undefined;
  if (!baseline || baseline.kind !== 'lazify-check-baseline' || !metrics || typeof metrics.modules !== 'number' || typeof metrics.bytes !== 'number') {
    throw new LazifyError('bad-baseline', `${label}: not a lazify check baseline (write one with \`lazify check --baseline ${label}\` where the file does not exist)`, label);
  }
  if (baseline.schemaVersion !== 1) throw new LazifyError('bad-baseline', `${label}: baseline schemaVersion ${String(baseline.schemaVersion)} is not one this lazify reads (1)`, label);
  return baseline as CheckBaseline;
}

/** `result` compared with `baseline` as well: for the run that has just written the baseline. */
export function withCheckBaseline(result: CheckResult, baseline: CheckBaseline): CheckResult {
  const { verdicts, passed } = evaluateBudgets(result.metrics, result.budgets, baseline.metrics);
  return { ...result, verdicts, passed, diagnostics: result.diagnostics.filter((d) => d.code !== 'no-budgets') };
}
