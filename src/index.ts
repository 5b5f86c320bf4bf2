// lazify's public API. The CLI calls only these; each is one pipeline stage or a run of stages.
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { LazifyError, isLazifyError } from './diagnostics/diagnostic.js';
export type { ModuleGraph, ModuleNode, ImportEdge, EdgeKind } from './graph/module-graph.js';
// analyze / why: project -> graph -> cost -> facts -> findings, and the reporters that print them.
export { analyze, why } from './run-analysis.js';
export type { AnalyzeOptions, AnalysisResult, WhyOptions, WhyResult } from './run-analysis.js';
export { loadProject } from './project/load-project.js';
export type { Project, LoadProjectOptions } from './project/load-project.js';
export { buildModuleGraph } from './graph/build-module-graph.js';
export { computeCost } from './graph/module-cost.js';
export type { ModuleCost, ModuleCostEntry, ImportSaving } from './graph/module-cost.js';
export { findStronglyConnectedComponents, findImportCycles } from './graph/strongly-connected-components.js';
export { findImportChains, matchModule } from './graph/find-import-chains.js';
export type { ImportChain, ChainStep } from './graph/find-import-chains.js';
export { renderReport } from './report/render-report.js';
export { renderWhyReport } from './report/why-report.js';
export { toJsonReport, JSON_SCHEMA_VERSION } from './report/json-report.js';
export type { JsonReport, JsonModule } from './report/json-report.js';
export type { ReportFormat, ReportOptions, ReportOutput } from './report/report-output.js';
// measure: real import time per module, in child processes (runs the package's code).
export { measure } from './measure/measure.js';
export type { ImportTimeResult, ImportTimeNode, MeasureOptions } from './measure/import-time.js';
export { renderImportTimeReport } from './report/importtime-report.js';
export type { ImportTimeFormat, ImportTimeReportOptions } from './report/importtime-report.js';
export { renderHtmlReport } from './report/html.js';
export type { HtmlReportInput } from './report/html.js';
export type { ModuleFacts, TopLevelStatement, ExportFact, RegistryFact, RegistryEntry, DeclarationFact, FunctionFact } from './facts/module-facts.js';
export type { Finding, FindingKind, SplitCluster, FindingCost } from './findings/finding.js';
export { extractFacts } from './facts/extract-facts.js';
export { extractModuleFacts } from './facts/extract-module-facts.js';
export { findFindings } from './findings/find-findings.js';
export type { FindingsInput } from './findings/find-findings.js';
export type { Plan, PlanOperation } from './plan/plan.js';
// plan / apply: findings -> plan -> edits in memory -> diff, patch or all-or-nothing write -> verify.
export { plan, apply } from './plan-and-apply.js';
export type { PlanOptions, PlanResult, ApplyOptions, ApplyResult } from './plan-and-apply.js';
export { validatePlan } from './plan/validate-plan.js';
export { buildPlan } from './plan/build-plan.js';
export type { Planner, PlanContext, PlanChoices, PlannerResult } from './plan/planner.js';
export { runPlan } from './edits/run-plan.js';
export { runOperation } from './edits/run-operation.js';
export { FileSet } from './edits/file-set.js';
export type { FileChange } from './edits/file-set.js';
export { unifiedDiff, colourDiff } from './edits/unified-diff.js';
export type { Verification } from './verify/verify-apply.js';
export { renderPlanReport } from './report/plan-report.js';
export { renderApplyReport } from './report/apply-report.js';
