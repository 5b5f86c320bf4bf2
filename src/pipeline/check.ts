// lazify check, one call per stage: project -> graph -> cost (static metrics), measure (import
// time, and a bare node start as its yardstick), then the budgets. Reads only.
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { evaluateBudgets, type CheckBaseline, type ImportMetrics } from '../budgets/evaluate-budgets.js';
import { buildModuleGraph } from '../graph/build-module-graph.js';
import { computeCost } from '../graph/module-cost.js';
import { measureNodeStart } from '../measure/measure-node-start.js';
import { loadProject } from '../project/load-project.js';
import { parseBaselineJson } from '../findings/findings-baseline.js';
import type { CheckOptions, CheckResult } from './results.js';

/** Checks the import of the package in `dir` against budgets and a baseline. */
export async function check(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const project = loadProject(dir, { entry: options.entry });
  const graph = buildModuleGraph(project, { cacheDir: options.cacheDir });
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
    // The measure stage only when measuring: `check --no-measure` does not load it.
    const { measure } = await import('../measure/measure.js');
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
