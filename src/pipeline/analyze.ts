// The analysis pipeline, one call per stage in order: project -> graph (each module's facts read as it is parsed) -> cost -> facts (keys one module reads from another) -> findings.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { extractFacts, readModuleFacts } from '../facts/extract-facts.js';
import type { ModuleFacts } from '../facts/module-facts.js';
import { findFindings } from '../findings/find-findings.js';
import type { ParsedSources } from '../graph/parse-source.js';
import { buildModuleGraph } from '../graph/build-module-graph.js';
import { findImportChains, matchModule } from '../graph/find-import-chains.js';
import { computeCost } from '../graph/module-cost.js';
import { loadProject } from '../project/load-project.js';
import { enginesNode, supportsRequireEsm } from '../project/require-esm-support.js';
import type { AnalysisResult, AnalyzeOptions, WhyOptions, WhyResult } from './results.js';
import { applySuppressions, type FindingsBaseline } from '../findings/apply-suppressions.js';

/**
 * Statically analyses the package in `dir`: why importing it is slow and what to make lazy.
 * Reads only; never writes to the analysed project.
 */
export function analyze(dir: string, options: AnalyzeOptions = {}): AnalysisResult {
  if (options.measure) {
    // Measuring runs the package's code in child processes, so it is async: a separate entry point.
    throw new LazifyError('measure-is-async', 'analyze() is static; use analyzeMeasured() to measure import times');
  }
  const project = loadProject(dir, { entry: options.entry });
  // One parse per file: the facts of a module are read from the graph's syntax tree as soon as
  // the graph has resolved its imports, and the tree is dropped then. Holding every tree until
  // the walk ends made the garbage collector copy and keep all of them.
  const sources: ParsedSources = new Map();
  const factDiagnostics: Diagnostic[] = [];
  const known = new Map<string, ModuleFacts | undefined>();
  const graph = buildModuleGraph(project, {
    sources,
    onProgress: options.onProgress,
    onModule: (node, text) => {
      known.set(node.id, readModuleFacts(node, text, { sources, diagnostics: factDiagnostics }));
      sources.delete(node.file!);
    },
    cacheDir: options.cacheDir,
  });
  const cost = computeCost(graph);
  // Keys that only other modules tell are read here, from the few modules that tell them.
  const facts = extractFacts(graph, { sources, diagnostics: factDiagnostics, known });
  options.onProgress?.({ stage: 'findings', label: 'finding what keeps the import eager', end: true });
  const found = findFindings({ graph, facts, cost, requireEsm: supportsRequireEsm(enginesNode(project.packageJson)) });
  const comments = Object.fromEntries(Object.values(facts).filter((f) => f.ignoreComments).map((f) => [f.id, f.ignoreComments]));
  const selection = applySuppressions(found, { ...options.suppressions, comments });
  return {
    root: project.root,
    packageName: project.packageJson.name,
    entry: graph.entry,
    entrySource: project.entrySource,
    graph,
    cost,
    facts,
    findings: selection.findings,
    suppressed: selection.suppressed,
    suppression: selection.summary,
    diagnostics: [...project.diagnostics, ...graph.diagnostics, ...factDiagnostics, ...selection.diagnostics],
  };
}

/** Why does importing the package in `dir` load `module` (a path, module id or package name)? */
export function why(module: string, dir: string, options: WhyOptions = {}): WhyResult {
  const project = loadProject(dir, { entry: options.entry });
  const graph = buildModuleGraph(project, { cacheDir: options.cacheDir });
  const target = matchModule(graph, module, options.cwd);
  const cost = computeCost(graph);
  const entry = cost.module(target);
  return {
    root: project.root,
    entry: graph.entry,
    target,
    chains: findImportChains(graph, target, { limit: options.limit }),
    exclusiveBytes: entry?.exclusiveBytes ?? 0,
    exclusiveModules: entry?.exclusiveModules ?? 0,
    diagnostics: [...project.diagnostics, ...graph.diagnostics],
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

