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
  /** When the bench last wrote its files (generated inputs), epoch ms. */
  writtenAt?: number;
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
    inputs.push({ name: `generated ${size}`, dir, entry: 'src/index.ts', extensions: ['ts'], tsconfig: 'tsconfig.json', writtenAt: Date.now() });
  }
  // A real published package of several hundred modules, as a project of its own: a copy
  // outside node_modules (inside the repository, so its dependencies still resolve from here).
  const real = join(repoRoot, 'node_modules', REAL_PACKAGE.name);
  if (existsSync(join(real, 'package.json'))) {
    const dir = join(repoRoot, 'bench', '.generated', `real-${REAL_PACKAGE.name}`);
    const copied = !existsSync(dir);
    if (copied) cpSync(real, dir, { recursive: true });
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    inputs.push({ name: `${REAL_PACKAGE.name}@${version} (npm)`, dir, entry: REAL_PACKAGE.entry, extensions: ['js'], writtenAt: copied ? Date.now() : undefined });
  } else {
    missing.push(`node_modules/${REAL_PACKAGE.name}`);
  }
  return { inputs, missing };
}

/**
 * A copy of `input` for the edit variant to edit, in bench/.generated/ (its packages resolve from
 * there as the input's do), without node_modules and build output.
 */
function copyForEditing(input: AnalyzeInput, repoRoot: string): string {
  const dir = join(repoRoot, 'bench', '.generated', 'edit', input.name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  cpSync(input.dir, dir, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src.slice(input.dir.length)) });
  return dir;
}

/** cohere-ai: an AI provider SDK of about 1,400 CommonJS modules, a devDependency for the fixtures. */
const REAL_PACKAGE = { name: 'cohere-ai', entry: 'index.js' };

/**
 * Measures every tool on one input. Runs alternate lazify, madge, dependency-cruiser, lazify...
 * so that load from other processes on this shared machine falls on all tools alike.
 */
function measureInput(input: AnalyzeInput, editDir: string, runs: number, tools: Tool[], cacheDirs: Partial<Record<Tool, string>>, progress: (line: string) => void): Record<Tool, ToolFigures> {
  const state = new Map(tools.map((tool) => [tool, { times: [] as number[], cpuTimes: [] as number[], processTimes: [] as number[], rss: [] as number[], last: undefined as AnalyzeChildResult | undefined, failed: undefined as ToolFigures | undefined }]));
  for (let run = 0; run <= runs; run++) {
    for (const tool of tools) {
      const s = state.get(tool)!;
      if (s.failed) continue;
      // The edit variant edits a copy of its own, never the input.
      const dir = tool === 'lazify-edit' ? editDir : input.dir;
      const request: AnalyzeChildRequest = { tool, dir, entry: input.entry, extensions: input.extensions, tsconfig: input.tsconfig, cacheDir: cacheDirs[tool] };
      const child = runNode([childScript, JSON.stringify(request)], { timeoutMs: 900_000 });
      const result = lastJsonLine<AnalyzeChildResult>(child.stdout);
      if (child.status !== 0 || !result) {
        const why = child.status === null ? 'timed out' : child.stderr.trim().split('\n').slice(0, 3).join(' / ');
        s.failed = { available: true, note: `${tool} failed: ${why}` };
      } else if (!result.available) {
        s.failed = { available: false, note: result.note };
      } else {
        s.last = result;
        if (run === 0) continue; // warm-up: fills the OS file cache and lazify's kept analysis and scans, not counted
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
  return Object.fromEntries(TOOLS.map((tool) => [tool, figures(tool)])) as Record<Tool, ToolFigures>;
}

type Tool = AnalyzeChildRequest['tool'];
const TOOLS: Tool[] = ['lazify', 'lazify-edit', 'lazify-no-cache', 'madge', 'depcruise'];
const LAZIFY_VARIANTS: Tool[] = ['lazify', 'lazify-edit', 'lazify-no-cache'];

/** Runs the benchmark and returns the report text. */
export function benchAnalyze(options: AnalyzeBenchOptions): string {
  const { inputs, missing } = analyzeInputs(options.repoRoot, options.sizes, options.progress);
  const timeRows: string[][] = [];
  const costRows: string[][] = [];
  const notes: string[] = missing.map((m) => `${m}: not present, skipped`);
  const byName = new Map<string, Record<Tool, ToolFigures>>();
  let tools = TOOLS;
  // Each lazify variant keeps what it keeps in a directory of the bench's own, filled by its
  // warm-up run: `lazify` answers from the kept analysis (the project unchanged since the last
  // run), `lazify-edit` after its child edits one module of the bench's copy of the input (what it
  // read of the other modules and of installed files is reused), `lazify-no-cache` from nothing
  // (a first run).
  const cacheRoot = mkdtempSync(join(tmpdir(), 'lazify-bench-cache-'));
  const cacheDirs: Partial<Record<Tool, string>> = { lazify: join(cacheRoot, 'kept'), 'lazify-edit': join(cacheRoot, 'edit') };
  for (const input of inputs) {
    options.progress(`analyze: ${input.name}`);
    // A file written in the last two seconds is not trusted to show its next change: the kept
    // analysis of a just-generated gateway would not be kept by the warm-up run.
    settle(input.writtenAt);
    const figures = measureInput(input, copyForEditing(input, options.repoRoot), options.runs, tools, cacheDirs, options.progress);
    if (!figures.lazify.available) tools = tools.filter((t) => !LAZIFY_VARIANTS.includes(t));
    for (const tool of TOOLS) if (figures[tool].note) notes.push(`${input.name}: ${figures[tool].note}`);
    byName.set(input.name, figures);
    const { lazify, 'lazify-edit': scans, 'lazify-no-cache': uncached, madge, depcruise } = figures;
    timeRows.push([
      input.name,
      `${lazify.modules ?? 'n/a'} / ${madge.modules ?? 'n/a'} / ${depcruise.modules ?? 'n/a'}`,
      formatMs(lazify.processMs),
      formatMs(scans.processMs),
      formatMs(uncached.processMs),
      formatMs(madge.processMs),
      formatMs(depcruise.processMs),
      formatRatio(lazify.processMs, madge.processMs),
      formatRatio(lazify.processMs, depcruise.processMs),
      formatRatio(scans.processMs, madge.processMs),
      formatRatio(scans.processMs, depcruise.processMs),
      formatRatio(uncached.processMs, madge.processMs),
      formatRatio(uncached.processMs, depcruise.processMs),
    ]);
    costRows.push([
      input.name,
      formatMs(lazify.ms),
      formatMs(scans.ms),
      formatMs(uncached.ms),
      formatMs(madge.ms),
      formatMs(depcruise.ms),
      formatMs(lazify.cpuMs),
      formatMs(scans.cpuMs),
      formatMs(uncached.cpuMs),
      formatMs(madge.cpuMs),
      formatMs(depcruise.cpuMs),
      formatMb(scans.maxRssMb),
      formatMb(madge.maxRssMb),
      formatMb(depcruise.maxRssMb),
    ]);
  }
  rmSync(cacheRoot, { recursive: true, force: true });
  const out: string[] = [];
  out.push(`Analyze: median of ${options.runs} runs per tool, each in a fresh process, tools alternating (after 1 warm-up run each)`);
  out.push(
    'process ms: the whole child process, as a user waits for it (Node start-up, loading the tool, the analysis). depcruise is dependency-cruiser 16 (the last major that runs on Node 20)\n' +
      'lazify kept: the project unchanged since the last run, answered from its kept analysis; lazify edit: one module edited since the last run,\n' +
      'only it parsed again; lazify no-cache: everything read (a first run, or --no-cache)',
  );
  if (!tools.includes('lazify')) out.push('lazify analyze: not available');
  out.push(
    formatTable(
      ['input', 'modules lazify / madge / depcruise', 'lazify kept ms', 'lazify edit ms', 'lazify no-cache ms', 'madge ms', 'depcruise ms', 'kept/madge', 'kept/depcruise', 'edit/madge', 'edit/depcruise', 'no-cache/madge', 'no-cache/depcruise'],
      timeRows,
    ),
  );
  out.push('');
  out.push('The analysis call alone (the tool already loaded): wall ms, CPU ms (user+system: steadier than wall time when others share the cores), and peak RSS of the process');
  out.push(
    formatTable(
      ['input', 'call kept', 'call edit', 'call no-cache', 'call madge', 'call depcruise', 'CPU kept', 'CPU edit', 'CPU no-cache', 'CPU madge', 'CPU depcruise', 'edit peak MB', 'madge peak MB', 'depcruise peak MB'],
      costRows,
    ),
  );
  const sizes = [...options.sizes].sort((a, b) => a - b);
  for (let i = 1; i < sizes.length; i++) {
    const [small, large] = [sizes[i - 1]!, sizes[i]!];
    const a = byName.get(`generated ${small}`);
    const b = byName.get(`generated ${large}`);
    if (!a || !b) continue;
    const growth = (tool: Tool) => `${tool} ${formatRatio(b[tool].ms, a[tool].ms)} (CPU ${formatRatio(b[tool].cpuMs, a[tool].cpuMs)})`;
    out.push(`growth of the call ${small} -> ${large} modules (${(large / small).toFixed(1)}x the modules): ${TOOLS.map(growth).join(', ')}`);
  }
  out.push('targets: lazify <= 0.50x madge and <= 0.30x dependency-cruiser (process ms); 10,000 modules in under 15 s and 1.5 GiB; near-linear growth');
  out.push('(kept answers an unchanged project only; edit and no-cache are what a run after an edit and a first run cost)');
  if (notes.length) out.push(...notes.map((n) => `note: ${n}`));
  return out.join('\n');
}

function formatMb(mb: number | undefined): string {
  return mb === undefined ? 'n/a' : mb.toFixed(0);
}

/** Waits (blocking: the bench runs one child at a time) until 2.1 s after `writtenAt`. */
function settle(writtenAt: number | undefined): void {
  const wait = writtenAt === undefined ? 0 : writtenAt + 2_100 - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}
