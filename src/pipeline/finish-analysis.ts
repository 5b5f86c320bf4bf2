// The last, light part of an analysis: cost, findings and suppressions (or the import chains of
// `why`), from what the static stages read (project, graph, facts). A fresh analysis and a kept one (src/pipeline/kept-analyses.ts)
// both end here, so the two cannot report differently. Loads no parser.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ModuleFacts, WriterFacts } from '../facts/module-facts.js';
import { applySuppressions, type FindingsBaseline } from '../findings/apply-suppressions.js';
import { findFindings } from '../findings/find-findings.js';
import { computeCost } from '../graph/module-cost.js';
import type { ModuleGraph } from '../graph/module-graph.js';
import { findImportChains, matchModule } from '../graph/find-import-chains.js';
import type { AnalysisResult, AnalyzeOptions, WhyOptions, WhyResult } from './results.js';

/** What the static stages of an analysis read: plain data, kept as JSON between runs. */
export interface StaticAnalysis {
  root: string;
  packageName?: string;
  entrySource: AnalysisResult['entrySource'];
  /** Whether the package's `engines.node` admits only Nodes that `require()` ES modules. */
  requireEsm: boolean;
  graph: ModuleGraph;
  facts: Record<string, ModuleFacts>;
  /** The project's files the entry does not load that may write a map of `facts` (src/facts/unreached-files.ts). */
  unreached?: Record<string, WriterFacts>;
  /** Problems with the project's configuration (the graph's own are in `graph.diagnostics`). */
  projectDiagnostics: Diagnostic[];
  /** Problems the facts stage met. */
  factDiagnostics: Diagnostic[];
}

/** The analysis result of `analysis`: its cost, and its findings as `options` select them. */
export function finishAnalysis(analysis: StaticAnalysis, options: Pick<AnalyzeOptions, 'suppressions'> = {}): AnalysisResult {
  const { graph, facts } = analysis;
  const cost = computeCost(graph);
  const found = findFindings({ graph, facts, cost, requireEsm: analysis.requireEsm, unreached: analysis.unreached });
  const comments = Object.fromEntries(Object.values(facts).filter((f) => f.ignoreComments).map((f) => [f.id, f.ignoreComments]));
  const selection = applySuppressions(found, { ...options.suppressions, comments });
  return {
    root: analysis.root,
    packageName: analysis.packageName,
    entry: graph.entry,
    entrySource: analysis.entrySource,
    graph,
    cost,
    facts,
    findings: selection.findings,
    suppressed: selection.suppressed,
    suppression: selection.summary,
    diagnostics: [...analysis.projectDiagnostics, ...graph.diagnostics, ...analysis.factDiagnostics, ...selection.diagnostics],
  };
}

/** How the entry of `graph` (project `root`) reaches `module`: the answer of `lazify why`. */
export function whyFromGraph(module: string, root: string, graph: ModuleGraph, projectDiagnostics: Diagnostic[], options: Pick<WhyOptions, 'limit' | 'cwd'> = {}): WhyResult {
  const target = matchModule(graph, module, options.cwd);
  const entry = computeCost(graph).module(target);
  return {
    root,
    entry: graph.entry,
    target,
    chains: findImportChains(graph, target, { limit: options.limit }),
    exclusiveBytes: entry?.exclusiveBytes ?? 0,
    exclusiveModules: entry?.exclusiveModules ?? 0,
    diagnostics: [...projectDiagnostics, ...graph.diagnostics],
  };
}

/**
 * `result` as a run with `baseline` would report it: its findings that the baseline lists move
 * to `suppressed`. For the run that has just written the baseline (`--baseline` on a new file).
 */
export function withBaseline(result: AnalysisResult, baseline: FindingsBaseline): AnalysisResult {
  const selection = applySuppressions(result.findings, { baseline });
  return {
    ...result,
    findings: selection.findings,
    suppressed: [...result.suppressed, ...selection.suppressed],
    suppression: { ...result.suppression, baseline: result.suppression.baseline + selection.summary.baseline, fixedSinceBaseline: selection.summary.fixedSinceBaseline },
  };
}
