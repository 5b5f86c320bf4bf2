// Analyze benchmark: lazify's analyze() against madge on the same projects, each run in a
// fresh process, medians over several runs. Prints figures; asserts nothing.
import { existsSync } from 'node:fs';
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
  return { inputs, missing };
}

/**
 * Measures both tools on one input. Runs alternate lazify, madge, lazify, madge... so that
 * load from other processes on this shared machine falls on both tools alike.
 */
function measureInput(input: AnalyzeInput, runs: number, withLazify: boolean, progress: (line: string) => void): Record<AnalyzeChildRequest['tool'], ToolFigures> {
  const tools: AnalyzeChildRequest['tool'][] = withLazify ? ['lazify', 'madge'] : ['madge'];
  const state = new Map(tools.map((tool) => [tool, { times: [] as number[], cpuTimes: [] as number[], processTimes: [] as number[], last: undefined as AnalyzeChildResult | undefined, failed: undefined as ToolFigures | undefined }]));
  for (let run = 0; run <= runs; run++) {
    for (const tool of tools) {
      const s = state.get(tool)!;
      if (s.failed) continue;
      const request: AnalyzeChildRequest = { tool, dir: input.dir, entry: input.entry, extensions: input.extensions, tsconfig: input.tsconfig };
      const child = runNode([childScript, JSON.stringify(request)]);
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
        progress(`  ${tool} ${input.name} run ${run}/${runs}: ${formatMs(result.ms)} ms (process ${formatMs(child.wallMs)} ms)`);
      }
    }
  }
  const figures = (tool: AnalyzeChildRequest['tool']): ToolFigures => {
    const s = state.get(tool);
    if (!s) return { available: false };
    if (s.failed) return s.failed;
    return { available: true, ms: median(s.times), cpuMs: median(s.cpuTimes), processMs: median(s.processTimes), modules: s.last?.modules, note: s.last?.note };
  };
  return { lazify: figures('lazify'), madge: figures('madge') };
}

/** Runs the benchmark and returns the report text. */
export function benchAnalyze(options: AnalyzeBenchOptions): string {
  const { inputs, missing } = analyzeInputs(options.repoRoot, options.sizes, options.progress);
  const rows: string[][] = [];
  const notes: string[] = missing.map((m) => `${m}: not present, skipped`);
  const byName = new Map<string, { lazify: ToolFigures; madge: ToolFigures }>();
  let lazifyAvailable = true;
  for (const input of inputs) {
    options.progress(`analyze: ${input.name}`);
    const { lazify, madge } = measureInput(input, options.runs, lazifyAvailable, options.progress);
    if (!lazify.available) lazifyAvailable = false;
    for (const figures of [lazify, madge]) if (figures.note) notes.push(`${input.name}: ${figures.note}`);
    byName.set(input.name, { lazify, madge });
    const counts = `${lazify.modules ?? 'n/a'} / ${madge.modules ?? 'n/a'}`;
    rows.push([
      input.name,
      counts,
      formatMs(lazify.ms),
      formatMs(madge.ms),
      formatRatio(lazify.ms, madge.ms),
      formatMs(lazify.cpuMs),
      formatMs(madge.cpuMs),
      formatRatio(lazify.cpuMs, madge.cpuMs),
      formatMs(lazify.processMs),
      formatMs(madge.processMs),
    ]);
  }
  const out: string[] = [];
  out.push(`Analyze: median of ${options.runs} runs per tool, each in a fresh process, tools alternating (after 1 warm-up run each)`);
  out.push(
    'lazify ms / madge ms: wall time of the analysis call alone; CPU ms: its user+system time (steadier on a loaded machine);\n' +
      'process ms: the whole child process, Node start-up and loading the tool included',
  );
  if (!lazifyAvailable) out.push('lazify analyze: not available');
  out.push(
    formatTable(
      [
        'input',
        'modules lazify / madge',
        'lazify ms',
        'madge ms',
        'ratio lazify/madge',
        'lazify CPU ms',
        'madge CPU ms',
        'CPU ratio',
        'lazify process ms',
        'madge process ms',
      ],
      rows,
    ),
  );
  const [small, large] = [options.sizes[0], options.sizes[options.sizes.length - 1]];
  if (small !== undefined && large !== undefined && large > small) {
    const a = byName.get(`generated ${small}`);
    const b = byName.get(`generated ${large}`);
    out.push(
      `growth ${small} -> ${large} modules (${(large / small).toFixed(0)}x the modules): ` +
        `lazify ${formatRatio(b?.lazify.ms, a?.lazify.ms)} (CPU ${formatRatio(b?.lazify.cpuMs, a?.lazify.cpuMs)}), ` +
        `madge ${formatRatio(b?.madge.ms, a?.madge.ms)} (CPU ${formatRatio(b?.madge.cpuMs, a?.madge.cpuMs)})`,
    );
  }
  out.push('target: lazify <= 0.50x madge; linear growth is 5x for 5x the modules');
  if (notes.length) out.push(...notes.map((n) => `note: ${n}`));
  return out.join('\n');
}
