// Public API, import budgets: `lazify check` (static module and byte counts from the graph,
// measured import time against a bare node start) and its reporters. Loads TypeScript for the
// graph, never jscodeshift or the transforms.
export { check, toCheckBaseline, parseCheckBaseline, withCheckBaseline } from '../pipeline/check.js';
export type { CheckOptions, CheckResult } from '../pipeline/results.js';
export { evaluateBudgets, TIME_GROWTH_TOLERANCE } from '../budgets/evaluate-budgets.js';
export type { ImportMetrics, MetricName, MetricVerdict, CheckBaseline } from '../budgets/evaluate-budgets.js';
export { measureNodeStart } from '../measure/measure-node-start.js';
export type { NodeStartTimes } from '../measure/measure-node-start.js';
export { renderCheckReport, toCheckJsonReport, CHECK_JSON_SCHEMA_VERSION } from '../report/check-report.js';
export type { CheckFormat, CheckJsonReport } from '../report/check-report.js';
