// Public API, rewriting part: findings -> plan -> edits in memory -> diff, patch or
// all-or-nothing write -> verify. The only slice that loads jscodeshift and the transforms.
export type { Plan, PlanOperation } from '../plan/plan.js';
export { plan, apply } from '../pipeline/plan-and-apply.js';
export type { PlanOptions, PlanResult, ApplyOptions, ApplyResult } from '../pipeline/results.js';
export { validatePlan } from '../plan/validate-plan.js';
export { planSchema, planJsonSchema } from '../plan/plan-schema.js';
export { buildPlan } from '../plan/build-plan.js';
export type { Planner, PlanContext, PlanChoices, PlannerResult } from '../plan/planner.js';
export { runPlan } from '../edits/run-plan.js';
export { runOperation } from '../edits/run-operation.js';
export { FileSet } from '../edits/file-set.js';
export type { FileChange } from '../edits/file-set.js';
export { unifiedDiff, colourDiff } from '../edits/unified-diff.js';
export type { Verification } from '../verify/verify-apply.js';
export { renderPlanReport } from '../report/plan-report.js';
export type { PlanFormat } from '../report/plan-report.js';
export { renderApplyReport, toApplyJson, applyDiagnostics, APPLY_JSON_SCHEMA_VERSION } from '../report/apply-report.js';
export type { ApplyFormat } from '../report/apply-report.js';
export { renderPullRequestBody } from '../report/pull-request-body.js';
export type { ImportSnapshot, ImportBeforeAfter } from '../verify/import-before-after.js';
export { diagnosticAnnotations, renderGithubAnnotations } from '../report/github-annotations.js';
