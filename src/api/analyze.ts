// Public API, read-only part: analyze / why (project -> graph -> cost -> facts -> findings) and
// the reporters that print them. Loads TypeScript (through ts-morph), never jscodeshift or the
// transforms: `lazify analyze` and `lazify why` load only this slice.
export type { ModuleGraph, ModuleNode, ImportEdge, EdgeKind } from '../graph/module-graph.js';
export { analyze, why } from '../pipeline/analyze.js';
export { withBaseline } from '../pipeline/finish-analysis.js';
export { keptAnalysis, keptWhy } from '../pipeline/kept-analyses.js';
export type { AnalyzeOptions, AnalysisResult, WhyOptions, WhyResult } from '../pipeline/results.js';
export { analyzeMeasured } from '../pipeline/analyze-measured.js';
export { loadProject } from '../project/load-project.js';
export type { Project, LoadProjectOptions } from '../project/load-project.js';
export { buildModuleGraph } from '../graph/build-module-graph.js';
export { computeCost } from '../graph/module-cost.js';
export type { ModuleCost, ModuleCostEntry, ImportSaving } from '../graph/module-cost.js';
export { findStronglyConnectedComponents, findImportCycles } from '../graph/strongly-connected-components.js';
export { findImportChains, matchModule } from '../graph/find-import-chains.js';
export type { ImportChain, ChainStep } from '../graph/find-import-chains.js';
export type { ModuleFacts, TopLevelStatement, ExportFact, RegistryFact, RegistryEntry, DeclarationFact, FunctionFact } from '../facts/module-facts.js';
export type { Finding, FindingKind, SplitCluster, FindingCost } from '../findings/finding.js';
export { extractFacts } from '../facts/extract-facts.js';
export { extractModuleFacts } from '../facts/extract-module-facts.js';
export { findFindings } from '../findings/find-findings.js';
export type { FindingsInput } from '../findings/findings-input.js';
export { renderReport } from '../report/render-report.js';
export { renderWhyReport } from '../report/why-report.js';
export { toJsonReport, JSON_SCHEMA_VERSION } from '../report/json-report.js';
export type { JsonReport, JsonModule } from '../report/json-report.js';
export type { ReportFormat, ReportOptions, ReportOutput } from '../report/report-output.js';
export { renderSarifReport, toSarif } from '../report/sarif-report.js';
export type { SarifLog, SarifRun, SarifReportOptions } from '../report/sarif-report.js';
export { FINDING_KIND_DOCS } from '../findings/finding-kinds.js';
export type { FindingKindDoc } from '../findings/finding-kinds.js';
export { renderGithubAnnotations, findingAnnotations, diagnosticAnnotations } from '../report/github-annotations.js';
export type { GithubAnnotation, AnnotationOptions } from '../report/github-annotations.js';
export { WHY_JSON_SCHEMA_VERSION } from '../report/why-report.js';
