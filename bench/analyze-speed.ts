// Analyze benchmark: lazify's analyze() against madge on the same projects, each run in a
// fresh process, medians over several runs. Prints figures; asserts nothing.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzeChildRequest, AnalyzeChildResult } from './analyze-child.js';
import { lastJsonLine, median, runNode } from './child-process-timing.js';
import { formatMs, formatRatio, formatTable } from './format-table.js';
import { generateGateway, writeGateway } from './generate-gateway.js';

/** One project both tools analyse. */
export interface AnalyzeInput {
  name: string;
  dir: string;
  entry: string;
  extensions: string[];
  tsconfig?: string;
}

/** Medians of one tool on one input. */
export interface ToolFigures {
  available: boolean;
  /** Median time of the analysis call in the child. */
  ms?: number;
  /** Median CPU time of the call. */
  cpuMs?: number;
  /** Median wall time of the whole child process (Node start-up and loading the tool included). */
  processMs?: number;
  /** Median peak RSS of the child process, in MiB. */
  maxRssMb?: number;
  modules?: number;
  note?: string;
}

export interface AnalyzeBenchOptions {
  repoRoot: string;
  /** Measured runs per tool and input (after one unmeasured warm-up run). */
  runs: number;
  /** Generated gateway sizes. */
  sizes: number[];
  /** Progress lines (stderr in the CLI), so the table on stdout stays clean. */
  progress: (line: string) => void;
}

const childScript = fileURLToPath(new URL('./analyze-child.js', import.meta.url));

/** The fixture gateways (when present) and freshly generated gateways of each size. */
export function analyzeInputs(repoRoot: string, sizes: number[], progress: (line: string) => void): { inputs: AnalyzeInput[]; missing: string[] } {
  const inputs: AnalyzeInput[] = [];
  const missing: string[] = [];
  for (const name of ['gateway-cjs', 'gateway-esm', 'gateway-js']) {
    const dir = join(repoRoot, 'fixtures', name);
    const typescript = existsSync(join(dir, 'tsconfig.json'));
    const entry = typescript ? 'src/index.ts' : 'index.js';
    if (!existsSync(join(dir, entry))) {
      missing.push(`fixtures/${name}`);
      continue;
    }
    inputs.push({ name: `fixtures/${name}`, dir, entry, extensions: [typescript ? 'ts' : 'js'], tsconfig: typescript ? 'tsconfig.json' : undefined });
  }
  for (const size of sizes) {
    const dir = join(repoRoot, 'bench', '.generated', `gateway-${size}`);
    progress(`generating a ${size}-module gateway in ${dir}`);
    writeGateway(dir, generateGateway({ modules: size }));
    inputs.push({ name: `generated ${size}`, dir, entry: 'src/index.ts', extensions: ['ts'], tsconfig: 'tsconfig.json' });
  }
  // A real published package of several hundred modules, as a project of its own: a copy
  // outside node_modules (inside the repository, so its dependencies still resolve from here).
  const real = join(repoRoot, 'node_modules', REAL_PACKAGE.name);
  if (existsSync(join(real, 'package.json'))) {
    const dir = join(repoRoot, 'bench', '.generated', `real-${REAL_PACKAGE.name}`);
    if (!existsSync(dir)) cpSync(real, dir, { recursive: true });
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    inputs.push({ name: `${REAL_PACKAGE.name}@${version} (npm)`, dir, entry: REAL_PACKAGE.entry, extensions: ['js'] });
  } else {
    missing.push(`node_modules/${REAL_PACKAGE.name}`);
  }
  return { inputs, missing };
}

/** cohere-ai: an AI provider SDK of about 1,400 CommonJS modules, a devDependency for the fixtures. */
const REAL_PACKAGE = { name: 'cohere-ai', entry: 'index.js' };

/**
 * Measures every tool on one input. Runs alternate lazify, madge, dependency-cruiser, lazify...
 * so that load from other processes on this shared machine falls on all tools alike.
 */
function measureInput(input: AnalyzeInput, runs: number, tools: Tool[], cacheDir: string, progress: (line: string) => void): Record<Tool, ToolFigures> {
  const state = new Map(tools.map((tool) => [tool, { times: [] as number[], cpuTimes: [] as number[], processTimes: [] as number[], rss: [] as number[], last: undefined as AnalyzeChildResult | undefined, failed: undefined as ToolFigures | undefined }]));
  for (let run = 0; run <= runs; run++) {
    for (const tool of tools) {
      const s = state.get(tool)!;
      if (s.failed) continue;
      const request: AnalyzeChildRequest = { tool, dir: input.dir, entry: input.entry, extensions: input.extensions, tsconfig: input.tsconfig, cacheDir };
      const child = runNode([childScript, JSON.stringify(request)], { timeoutMs: 900_000 });
      const result = lastJsonLine<AnalyzeChildResult>(child.stdout);
      if (child.status !== 0 || !result) {
        const why = child.status === null ? 'timed out' : child.stderr.trim().split('\n').slice(0, 3).join(' / ');
        s.failed = { available: true, note: `${tool} failed: ${why}` };
      } else if (!result.available) {
        s.failed = { available: false, note: result.note };
      } else {
        s.last = result;
        if (run === 0) continue; // warm-up: fills the OS file cache, not counted
        s.times.push(result.ms!);
        s.cpuTimes.push(result.cpuMs!);
        s.processTimes.push(child.wallMs);
        if (result.maxRssKb !== undefined) s.rss.push(result.maxRssKb);
        progress(`  ${tool} ${input.name} run ${run}/${runs}: ${formatMs(result.ms)} ms (process ${formatMs(child.wallMs)} ms)`);
      }
    }
  }
  const figures = (tool: Tool): ToolFigures => {
    const s = state.get(tool);
    if (!s) return { available: false };
    if (s.failed) return s.failed;
    return {
      available: true,
      ms: median(s.times),
      cpuMs: median(s.cpuTimes),
      processMs: median(s.processTimes),
      ...(s.rss.length ? { maxRssMb: median(s.rss) / 1024 } : {}),
      modules: s.last?.modules,
      note: s.last?.note,
    };
  };
  return { lazify: figures('lazify'), 'lazify-no-cache': figures('lazify-no-cache'), madge: figures('madge'), depcruise: figures('depcruise') };
}

type Tool = AnalyzeChildRequest['tool'];
const TOOLS: Tool[] = ['lazify', 'lazify-no-cache', 'madge', 'depcruise'];

/** Runs the benchmark and returns the report text. */
export function benchAnalyze(options: AnalyzeBenchOptions): string {
  const { inputs, missing } = analyzeInputs(options.repoRoot, options.sizes, options.progress);
  const timeRows: string[][] = [];
  const costRows: string[][] = [];
  const notes: string[] = missing.map((m) => `${m}: not present, skipped`);
  const byName = new Map<string, Record<Tool, ToolFigures>>();
  let tools = TOOLS;
  // lazify keeps the scans of installed files in a directory of the bench's own, filled by the
  // warm-up run; `lazify-no-cache` reads every installed file on every run, as a first run does.
  const cacheDir = mkdtempSync(join(tmpdir(), 'lazify-bench-cache-'));
  for (const input of inputs) {
    options.progress(`analyze: ${input.name}`);
    const figures = measureInput(input, options.runs, tools, cacheDir, options.progress);
    if (!figures.lazify.available) tools = tools.filter((t) => t !== 'lazify' && t !== 'lazify-no-cache');
    for (const tool of TOOLS) if (figures[tool].note) notes.push(`${input.name}: ${figures[tool].note}`);
    byName.set(input.name, figures);
    const { lazify, 'lazify-no-cache': uncached, madge, depcruise } = figures;
    timeRows.push([
      input.name,
      `${lazify.modules ?? 'n/a'} / ${madge.modules ?? 'n/a'} / ${depcruise.modules ?? 'n/a'}`,
      formatMs(lazify.processMs),
      formatMs(uncached.processMs),
      formatMs(madge.processMs),
      formatMs(depcruise.processMs),
      formatRatio(lazify.processMs, madge.processMs),
      formatRatio(lazify.processMs, depcruise.processMs),
      formatRatio(uncached.processMs, madge.processMs),
      formatRatio(uncached.processMs, depcruise.processMs),
      formatMs(lazify.ms),
      formatMs(madge.ms),
      formatMs(depcruise.ms),
      formatRatio(lazify.ms, madge.ms),
      formatRatio(lazify.ms, depcruise.ms),
    ]);
    costRows.push([
      input.name,
      formatMs(lazify.cpuMs),
      formatMs(uncached.cpuMs),
      formatMs(madge.cpuMs),
      formatMs(depcruise.cpuMs),
      formatRatio(lazify.cpuMs, madge.cpuMs),
      formatRatio(lazify.cpuMs, depcruise.cpuMs),
      formatMb(lazify.maxRssMb),
      formatMb(madge.maxRssMb),
      formatMb(depcruise.maxRssMb),
    ]);
  }
  rmSync(cacheDir, { recursive: true, force: true });
  const out: string[] = [];
  out.push(`Analyze: median of ${options.runs} runs per tool, each in a fresh process, tools alternating (after 1 warm-up run each)`);
  out.push(
    'process ms: the whole child process, as a user waits for it (Node start-up, loading the tool, the analysis);\n' +
      'call ms: the analysis call alone, the tool already loaded. depcruise is dependency-cruiser 16 (the last major that runs on Node 20)\n' +
      'lazify: scans of installed files kept from the warm-up run (as on any later run); lazify no-cache: every installed file read (a first run, or --no-cache)',
  );
  if (!tools.includes('lazify')) out.push('lazify analyze: not available');
  out.push(
    formatTable(
      ['input', 'modules lazify / madge / depcruise', 'lazify process ms', 'lazify no-cache process ms', 'madge process ms', 'depcruise process ms', 'lazify/madge', 'lazify/depcruise', 'no-cache/madge', 'no-cache/depcruise', 'lazify call ms', 'madge call ms', 'depcruise call ms', 'call lazify/madge', 'call lazify/depcruise'],
      timeRows,
    ),
  );
  out.push('');
  out.push('CPU time of the call (user+system: steadier than wall time when others share the cores) and peak RSS of the process');
  out.push(formatTable(['input', 'lazify CPU ms', 'lazify no-cache CPU ms', 'madge CPU ms', 'depcruise CPU ms', 'CPU lazify/madge', 'CPU lazify/depcruise', 'lazify peak MB', 'madge peak MB', 'depcruise peak MB'], costRows));
  const sizes = [...options.sizes].sort((a, b) => a - b);
  for (let i = 1; i < sizes.length; i++) {
    const [small, large] = [sizes[i - 1]!, sizes[i]!];
    const a = byName.get(`generated ${small}`);
    const b = byName.get(`generated ${large}`);
    if (!a || !b) continue;
    const growth = (tool: Tool) => `${tool} ${formatRatio(b[tool].ms, a[tool].ms)} (CPU ${formatRatio(b[tool].cpuMs, a[tool].cpuMs)})`;
    out.push(`growth ${small} -> ${large} modules (${(large / small).toFixed(1)}x the modules): ${TOOLS.map(growth).join(', ')}`);
  }
  out.push('targets: lazify <= 0.50x madge and <= 0.30x dependency-cruiser (process ms); 10,000 modules in under 15 s and 1.5 GiB; near-linear growth');
  if (notes.length) out.push(...notes.map((n) => `note: ${n}`));
  return out.join('\n');
}

function formatMb(mb: number | undefined): string {
  return mb === undefined ? 'n/a' : mb.toFixed(0);
}
