// lazify's public API. The CLI calls only these; each is one pipeline stage or a run of stages.
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { LazifyError, isLazifyError } from './diagnostics/diagnostic.js';
export type { ModuleGraph, ModuleNode, ImportEdge, EdgeKind } from './graph/module-graph.js';
export type { ModuleFacts, TopLevelStatement, ExportFact, RegistryFact, RegistryEntry } from './facts/module-facts.js';
export type { Finding, FindingKind, SplitCluster, FindingCost } from './findings/finding.js';
export type { Plan, PlanOperation } from './plan/plan.js';
