// One analysis run in a fresh process: `node dist/bench/analyze-child.js '<request JSON>'`.
// Loads the tool first and times only the call, so the figure is analysis work, not module
// loading; the parent separately records the whole process.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the parent asks a child to analyse. */
export interface AnalyzeChildRequest {
  tool: 'lazify' | 'lazify-edit' | 'lazify-no-cache' | 'madge' | 'depcruise';
  /** Absolute project directory. */
  dir: string;
  /** Entry file relative to `dir` (madge starts from it; lazify finds it from package.json itself). */
  entry: string;
  /** File extensions madge should follow: `['ts']` or `['js']`. */
  extensions: string[];
  /** tsconfig.json relative to `dir`, when the project has one. */
  tsconfig?: string;
  /** lazify: the directory it keeps analyses and scans of installed files in (the bench's own, one per variant; `lazify-no-cache` keeps none). */
  cacheDir?: string;
}

/** The child's answer, printed as the last line of stdout. */
export interface AnalyzeChildResult {
  /** False when the tool (lazify's `analyze()`) is not in this build. */
  available: boolean;
  /** Time of the analysis call alone. */
  ms?: number;
  /** CPU time (user + system) of the call: steadier than wall time when other processes share the cores. */
  cpuMs?: number;
  /** Local modules the tool found reachable from the entry. */
  modules?: number;
  /** Why it is unavailable, or what the tool skipped. */
  note?: string;
  /** Peak resident set size of the child process, in kilobytes (tool loaded and call done). */
  maxRssKb?: number;
}

type LazifyApi = { analyze?: (dir: string, options?: { cacheDir?: string | false }) => unknown };
type ReportApi = {
  keptAnalysis?: (dir: string, options?: { cacheDir?: string | false }) => unknown;
  measureInstalledFilesAhead?: (dir: string, options?: { cacheDir?: string | false }) => void;
};

/**
 * lazify as `lazify analyze` runs: the light slice (src/api/report.ts) answers from the kept
 * analysis when the project has not changed since the last run; otherwise it starts measuring
 * the installed packages on a second core, and the analyze slice
 * (src/api/analyze.ts, not the whole public API: the CLI does not load plan/apply for analyze)
 * analyses (`lazify-edit`: after an edit, reusing what is unchanged). `kept: false` skips the
 * kept analysis (`lazify-no-cache`: nothing kept at all).
 */
async function analyzeWithLazify(request: AnalyzeChildRequest, cacheDir: string | false | undefined, kept: boolean): Promise<AnalyzeChildResult> {
  // Computed specifiers: a slice may not exist in this build yet, and the bench must still build.
  const load = async <T>(path: string): Promise<T | string> => {
    try {
      return (await import(new URL(path, import.meta.url).href)) as T;
    } catch (error) {
      return `dist/src/${path.slice('../src/'.length)} does not load: ${(error as Error).message.split('\n')[0]}`;
    }
  };
  const report = await load<ReportApi>('../src/api/report.js');
  if (kept && typeof report !== 'string' && typeof report.keptAnalysis === 'function') {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = report.keptAnalysis(request.dir, { cacheDir });
    if (result) return { available: true, ms: performance.now() - start, cpuMs: cpuMsSince(cpuStart), modules: countLocalModules(result) };
  }
  // As the CLI does before it loads the analyze slice (builds before 2026-12-07 have no such step).
  if (typeof report !== 'string') report.measureInstalledFilesAhead?.(request.dir, { cacheDir });
  const api = await load<LazifyApi>('../src/api/analyze.js');
  if (typeof api === 'string') return { available: false, note: api };
  if (typeof api.analyze !== 'function') return { available: false, note: 'analyze() is not exported by dist/src/api/analyze.js' };
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await api.analyze(request.dir, { cacheDir });
  const ms = performance.now() - start;
  const unanswered = kept && request.tool === 'lazify' ? 'no kept analysis answered' : undefined;
  return { available: true, ms, cpuMs: cpuMsSince(cpuStart), modules: countLocalModules(result), note: unanswered };
}

/** Local modules in lazify's graph; externals and builtins are leaves madge does not list either. */
function countLocalModules(result: unknown): number | undefined {
  const graph = (result as { graph?: { modules?: Record<string, { kind: string }> } }).graph;
  if (!graph?.modules) return undefined;
  return Object.values(graph.modules).filter((m) => m.kind === 'local').length;
}

async function analyzeWithMadge(request: AnalyzeChildRequest): Promise<AnalyzeChildResult> {
  const madgeName = 'madge'; // madge ships no types; a computed specifier keeps tsc from asking for them
  const madge = ((await import(madgeName)) as { default: MadgeFunction }).default;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await madge(join(request.dir, request.entry), {
    baseDir: request.dir,
    fileExtensions: request.extensions,
    ...(request.tsconfig ? { tsConfig: join(request.dir, request.tsconfig) } : {}),
    // lazify's graph has no type-only edges; madge must not count them either.
    detectiveOptions: { ts: { skipTypeImports: true }, es6: { skipTypeImports: true } },
  });
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpuStart);
  const skipped = result.skipped.length;
  return { available: true, ms, cpuMs, modules: Object.keys(result.obj()).length, note: skipped ? `${skipped} imports madge could not resolve` : undefined };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function analyzeWithDependencyCruiser(request: AnalyzeChildRequest): Promise<AnalyzeChildResult> {
  const cruiserName = 'dependency-cruiser';
  const { cruise } = (await import(cruiserName)) as { cruise: CruiseFunction };
  const extractName = 'dependency-cruiser/config-utl/extract-ts-config';
  const extractTsConfig = request.tsconfig ? ((await import(extractName)) as { default: (file: string) => object }).default : undefined;
  // dependency-cruiser resolves relative to the working directory, like its CLI.
  process.chdir(request.dir);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await cruise(
    [request.entry],
    {
      // Only what the entry reaches, not into packages, no type-only edges: the graph lazify builds.
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: false,
      ...(request.tsconfig ? { tsConfig: { fileName: request.tsconfig } } : {}),
    },
    {},
    extractTsConfig ? { tsConfig: extractTsConfig(request.tsconfig!) } : {},
  );
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpuStart);
  const modules = result.output.modules.filter((m) => !m.coreModule && !m.couldNotResolve && !/(^|\/)node_modules\//.test(m.source)).length;
  return { available: true, ms, cpuMs, modules };
}

type CruiseFunction = (
  files: string[],
  options: object,
  resolveOptions: object,
  transpileOptions: object,
) => Promise<{ output: { modules: Array<{ source: string; coreModule?: boolean; couldNotResolve?: boolean }> } }>;

type MadgeFunction = (path: string, config: object) => Promise<{ obj(): Record<string, string[]>; skipped: unknown[] }>;

const request = JSON.parse(process.argv[2] ?? '{}') as AnalyzeChildRequest;
const analyzers = {
  lazify: (r: AnalyzeChildRequest) => analyzeWithLazify(r, r.cacheDir, true),
  'lazify-edit': (r: AnalyzeChildRequest) => {
    // An edit to one module (the entry; `dir` is the bench's own copy of the input): the kept
    // analysis no longer answers, what it read of every other module and the kept scans of
    // installed files are reused.
    appendFileSync(join(r.dir, r.entry), `// edited by the benchmark at ${Date.now()}\n`);
    return analyzeWithLazify(r, r.cacheDir, true);
  },
  'lazify-no-cache': (r: AnalyzeChildRequest) => analyzeWithLazify(r, false, false),
  madge: analyzeWithMadge,
  depcruise: analyzeWithDependencyCruiser,
};
const result = await analyzers[request.tool](request);
console.log(JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }));
