// One analysis run in a fresh process: `node dist/bench/analyze-child.js '<request JSON>'`.
// Loads the tool first and times only the call, so the figure is analysis work, not module
// loading; the parent separately records the whole process.
import { join } from 'node:path';

/** What the parent asks a child to analyse. */
export interface AnalyzeChildRequest {
  tool: 'lazify' | 'lazify-no-cache' | 'madge' | 'depcruise';
  /** Absolute project directory. */
  dir: string;
  /** Entry file relative to `dir` (madge starts from it; lazify finds it from package.json itself). */
  entry: string;
  /** File extensions madge should follow: `['ts']` or `['js']`. */
  extensions: string[];
  /** tsconfig.json relative to `dir`, when the project has one. */
  tsconfig?: string;
  /** lazify: the directory it keeps the scans of installed files in (the bench's own; `lazify-no-cache` keeps none). */
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

async function analyzeWithLazify(request: AnalyzeChildRequest, cacheDir: string | false | undefined = request.cacheDir): Promise<AnalyzeChildResult> {
  // The API slice `lazify analyze` loads (src/api/analyze.ts), not the whole public API: the
  // process time is what a user waits for, and the CLI does not load plan/apply for analyze.
  // Computed specifier: the slice may not export analyze() yet, and the bench must still build.
  const apiUrl = new URL('../src/api/analyze.js', import.meta.url).href;
  let api: { analyze?: (dir: string, options?: { cacheDir?: string | false }) => unknown };
  try {
    api = (await import(apiUrl)) as typeof api;
  } catch (error) {
    return { available: false, note: `dist/src/api/analyze.js does not load: ${(error as Error).message.split('\n')[0]}` };
  }
  if (typeof api.analyze !== 'function') return { available: false, note: 'analyze() is not exported by dist/src/api/analyze.js' };
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await api.analyze(request.dir, { cacheDir });
  const ms = performance.now() - start;
  return { available: true, ms, cpuMs: cpuMsSince(cpuStart), modules: countLocalModules(result) };
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
  lazify: analyzeWithLazify,
  'lazify-no-cache': (r: AnalyzeChildRequest) => analyzeWithLazify(r, false),
  madge: analyzeWithMadge,
  depcruise: analyzeWithDependencyCruiser,
};
const result = await analyzers[request.tool](request);
console.log(JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }));
