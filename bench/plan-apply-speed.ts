// Plan and apply at scale: analyze(), plan() and a dry-run apply() on the same projects, each in
// a fresh process, side by side with the ratios plan/analyze and apply/analyze (targets: 2x
// and 5x). Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanApplyChildRequest, PlanApplyChildResult } from './plan-apply-child.js';
import { lastJsonLine, median, runNode } from './child-process-timing.js';
import { formatMs, formatRatio, formatTable } from './format-table.js';
import { generateGateway, writeGateway } from './generate-gateway.js';
import { copyInstalledPackage, removePackageCopy } from './installed-package-copy.js';

export interface PlanApplyBenchOptions {
  repoRoot: string;
  /** Measured runs per stage and input (after one unmeasured warm-up run of analyze). */
  runs: number;
  /** Generated gateway sizes. */
  sizes: number[];
  keep: boolean;
  progress: (line: string) => void;
}

type Stage = PlanApplyChildRequest['stage'];
const STAGES: Stage[] = ['analyze', 'plan', 'apply'];
const childScript = fileURLToPath(new URL('./plan-apply-child.js', import.meta.url));

/**
 * Real packages (devDependencies, exact versions), each as a temp copy, so apply sees a project
 * of its own: aws-sdk v2, about 1,400 CommonJS modules, `clients/all.js` requiring ~385
 * services (few operations); cohere-ai, a generated API client (about 730 CommonJS modules from
 * its entry, 1,600 files) whose resource clients defer their imports method by method (many
 * operations, most of apply's time in the rewrites).
 */
const REAL_PACKAGES = ['aws-sdk', 'cohere-ai'];

interface StageFigures {
  ms?: number;
  cpuMs?: number;
  processMs?: number;
  count?: number;
  changed?: number;
  failed?: string;
}

function measure(dir: string, runs: number, label: string, progress: (line: string) => void): Record<Stage, StageFigures> {
  const state = new Map(STAGES.map((stage) => [stage, { ms: [] as number[], cpu: [] as number[], process: [] as number[], last: undefined as PlanApplyChildResult | undefined, failed: undefined as string | undefined }]));
  // Run 0 warms the OS file cache with one analyze; then stages alternate, so load from other
  // processes on a shared machine falls on all three alike.
  runNode([childScript, JSON.stringify({ stage: 'analyze', dir })], { timeoutMs: 900_000 });
  for (let run = 1; run <= runs; run++) {
    for (const stage of STAGES) {
      const s = state.get(stage)!;
      if (s.failed) continue;
      const child = runNode([childScript, JSON.stringify({ stage, dir } satisfies PlanApplyChildRequest)], { timeoutMs: 3_600_000 });
      const result = lastJsonLine<PlanApplyChildResult>(child.stdout);
      if (child.status !== 0 || !result) {
        s.failed = child.status === null ? 'timed out' : child.stderr.trim().split('\n').slice(0, 2).join(' / ');
        continue;
      }
      s.ms.push(result.ms);
      s.cpu.push(result.cpuMs);
      s.process.push(child.wallMs);
      s.last = result;
      progress(`  ${stage} ${label} run ${run}/${runs}: ${formatMs(result.ms)} ms`);
    }
  }
  const figures = (stage: Stage): StageFigures => {
    const s = state.get(stage)!;
    if (s.failed) return { failed: s.failed };
    return { ms: median(s.ms), cpuMs: median(s.cpu), processMs: median(s.process), count: s.last?.count, changed: s.last?.changed };
  };
  return { analyze: figures('analyze'), plan: figures('plan'), apply: figures('apply') };
}

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));

/** Runs the benchmark and returns the report text. */
export async function benchPlanApply(options: PlanApplyBenchOptions): Promise<string> {
  const inputs: Array<{ name: string; dir: string; temporary: boolean }> = [];
  for (const size of options.sizes) {
    const dir = join(options.repoRoot, 'bench', '.generated', `gateway-${size}`);
    options.progress(`generating a ${size}-module gateway in ${dir}`);
    writeGateway(dir, generateGateway({ modules: size }));
    inputs.push({ name: `generated ${size}`, dir, temporary: false });
  }
  const notes: string[] = [];
  for (const name of REAL_PACKAGES) {
    if (!existsSync(join(options.repoRoot, 'node_modules', name, 'package.json'))) {
      notes.push(`note: node_modules/${name} is not installed; not measured`);
      continue;
    }
    const { version } = JSON.parse(readFileSync(join(options.repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    inputs.push({ name: `${name}@${version} (npm)`, dir: copyInstalledPackage(options.repoRoot, name), temporary: true });
  }
  const rows: string[][] = [];
  for (const input of inputs) {
    options.progress(`plan-apply: ${input.name}`);
    const f = measure(input.dir, options.runs, input.name, options.progress);
    if (input.temporary && !options.keep) removePackageCopy(input.dir);
    else if (input.temporary) notes.push(`kept: ${input.dir}`);
    for (const stage of STAGES) if (f[stage].failed) notes.push(`${input.name}: ${stage} failed: ${f[stage].failed}`);
    rows.push([
      input.name,
      seconds(f.analyze.ms),
      seconds(f.plan.ms),
      seconds(f.apply.ms),
      formatRatio(f.plan.ms, f.analyze.ms),
      formatRatio(f.apply.ms, f.analyze.ms),
      formatRatio(f.plan.cpuMs, f.analyze.cpuMs),
      formatRatio(f.apply.cpuMs, f.analyze.cpuMs),
      `${f.analyze.count ?? '-'} / ${f.plan.count ?? '-'} / ${f.apply.changed ?? '-'}`,
    ]);
  }
  return [
    `Plan and apply at scale: median of ${options.runs} run(s) per stage, each a fresh process starting from nothing (no kept analysis), stages alternating (after 1 warm-up analyze)`,
    's = wall seconds of the call alone (lazify loaded); apply is a dry run (in memory, type-checked, diff made, nothing written)',
    formatTable(
      ['input', 'analyze s', 'plan s', 'apply s', 'plan/analyze', 'apply/analyze', 'plan/analyze CPU', 'apply/analyze CPU', 'findings / operations / files changed'],
      rows,
    ),
    'targets: plan <= 2.00x analyze, apply <= 5.00x analyze',
    ...notes,
  ].join('\n');
}
