// The analysis pipeline, one call per stage in order: project -> graph (each module's facts read as it is parsed) -> facts (keys one module reads from another; the files the entry does not load, when a map may be written from one) -> cost -> findings,
// or the kept analysis of a project that has not changed since it was made (./kept-analyses.ts);
// after a change, the modules whose text did not change are not parsed again (./module-reuse.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { extractFacts, readModuleFacts } from '../facts/extract-facts.js';
import type { ModuleFacts } from '../facts/module-facts.js';
import { holdsWritableMap } from '../facts/unreached-files.js';
import type { ParsedSources } from '../graph/parse-source.js';
import { buildModuleGraph } from '../graph/build-module-graph.js';
import { startInstalledFileMeter, type ParallelInstalledFileMeter } from '../graph/measure-installed-files-in-parallel.js';
import { loadProject } from '../project/load-project.js';
import { enginesNode, supportsRequireEsm } from '../project/require-esm-support.js';
import type { AnalysisResult, AnalyzeOptions, WhyOptions, WhyResult } from './results.js';
import { finishAnalysis, whyFromGraph, type StaticAnalysis } from './finish-analysis.js';
import { analyseAndKeep, keptAnalysis, keptWhy } from './kept-analyses.js';
import { ModuleReuse } from './module-reuse.js';

/**
 * Statically analyses the package in `dir`: why importing it is slow and what to make lazy.
 * Reads only; never writes to the analysed project.
 */
export function analyze(dir: string, options: AnalyzeOptions = {}): AnalysisResult {
  if (options.measure) {
    // Measuring runs the package's code in child processes, so it is async: a separate entry point.
    throw new LazifyError('measure-is-async', 'analyze() is static; use analyzeMeasured() to measure import times');
  }
  // A project nobody touched since its last analysis is answered from that analysis.
  const kept = keptAnalysis(dir, options);
  if (kept) return kept;
  return finishAnalysis(
    analyseAndKeep(dir, options, (previous) => {
      const reuse = new ModuleReuse(previous);
      const analysis = staticAnalysis(dir, options, reuse);
      return { analysis, reusable: () => reuse.kept(analysis) };
    }),
    options,
  );
}

/**
 * The stages that read the project: project, graph (with each module's facts), facts across
 * modules. `reuse` answers for the modules the last analysis read with the same text.
 */
function staticAnalysis(dir: string, options: AnalyzeOptions, reuse: ModuleReuse): StaticAnalysis {
  // Measures the installed packages on a second core while the project is read and parsed.
  const parallelMeter = startInstalledFileMeter(dir, { cacheDir: options.cacheDir, knownInstalledFiles: reuse.knownInstalledFiles });
  try {
    return readProject(dir, options, reuse, parallelMeter);
  } finally {
    parallelMeter?.stop();
  }
}

/** {@link staticAnalysis}'s stages, with the installed packages measured meanwhile by `parallelMeter` (when there is one). */
function readProject(dir: string, options: AnalyzeOptions, reuse: ModuleReuse, parallelMeter: ParallelInstalledFileMeter | undefined): StaticAnalysis {
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
    parse: (file, text, parseOptions) => reuse.parse(file, text, parseOptions),
    knownInstalledFiles: reuse.knownInstalledFiles,
    knownEntryFiles: reuse.knownEntryFiles,
    onInstalledFiles: (files, entryFiles) => reuse.measured(files, entryFiles),
    onModule: (node, text, parsed) => {
      reuse.parsed(node, parsed);
      known.set(node.id, reuse.facts(node, () => readModuleFacts(node, text, { sources, diagnostics: factDiagnostics })));
      sources.delete(node.file!);
    },
    cacheDir: options.cacheDir,
    parallelMeter,
  });
  const { parsed, reused } = reuse.counts;
  if (reused > 0) options.onProgress?.({ stage: 'reuse', label: 'modules unchanged since the last analysis, not parsed again', done: reused, total: parsed + reused, end: true });
  // Keys that only other modules tell are read here, from the few modules that tell them.
  const facts = extractFacts(graph, { sources, diagnostics: factDiagnostics, known });
  // A test or a subpath export may write into a map the entry loads: only those files can say.
  const unreached = holdsWritableMap(facts) ? reuse.unreachedFacts(project.root, facts) : undefined;
  options.onProgress?.({ stage: 'findings', label: 'finding what keeps the import eager', end: true });
  return {
    root: project.root,
    packageName: project.packageJson.name,
    entrySource: project.entrySource,
    requireEsm: supportsRequireEsm(enginesNode(project.packageJson)),
    graph,
    facts,
    ...(unreached && { unreached }),
    projectDiagnostics: project.diagnostics,
    factDiagnostics,
  };
}

/** Why does importing the package in `dir` load `module` (a path, module id or package name)? */
export function why(module: string, dir: string, options: WhyOptions = {}): WhyResult {
  // The graph of the project's kept analysis, when nothing it read has changed.
  const kept = keptWhy(module, dir, options);
  if (kept) return kept;
  const project = loadProject(dir, { entry: options.entry });
  const graph = buildModuleGraph(project, { cacheDir: options.cacheDir });
  return whyFromGraph(module, project.root, graph, project.diagnostics, options);
}
