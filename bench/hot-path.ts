// Hot-path benchmark: does a package run as fast after `lazify apply` as before, once its lazy
// loaders have loaded? For winston (log calls to a null stream), date-fns (formatting through
// its index), validator (validators read from its map), eslint-plugin-react and eslint-plugin-vue
// (eslint's Linter over a JSX sample, a .vue file, with the plugin's rules): a temp copy of the
// installed package as it is, and one after apply(); for fixtures/gateway-cjs (model names routed through its prefix
// map), a built copy of the fixture and one applied and built again. Each measurement a fresh
// process (hot-path-child.ts) timing the workload after one unmeasured first use; variants
// alternate. Prints figures; asserts nothing.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJsonLine, median, runNode } from './child-process-timing.js';
import { formatMs, formatRatio, formatTable } from './format-table.js';
import { copyInstalledPackage, removePackageCopy } from './installed-package-copy.js';
import { buildProject, copyProject } from './prepare-project-copy.js';

export interface HotPathBenchOptions {
  repoRoot: string;
  /** Measured runs per variant (after one unmeasured warm-up run). */
  runs: number;
  keep?: boolean;
  progress: (line: string) => void;
}

/** The workloads, with how many hot-path iterations one run times. */
const WORKLOADS = [
  { name: 'winston', what: 'log calls (6 per iteration) through a Stream transport to a null stream', iterations: 5_000 },
  { name: 'gateway-cjs', what: 'providerForModel of 10 model names (the prefix map scanned per name), fixtures/gateway-cjs built', iterations: 20_000, fixture: 'fixtures/gateway-cjs' },
  { name: 'date-fns', what: 'date arithmetic, parsing and formatting (6 calls per iteration) through the index, date-fns@2.30.0', iterations: 20_000 },
  { name: 'validator', what: 'isInt, isAlpha, isNumeric and isLength of a short string, each read from the map of validators, validator@13.12.0', iterations: 300_000 },
  { name: 'eslint-plugin-react', what: 'Linter.verify of a JSX sample with every non-deprecated rule', iterations: 30 },
  { name: 'eslint-plugin-vue', what: 'Linter.verify of a .vue file (vue-eslint-parser) with every non-deprecated rule', iterations: 30 },
] as const;

const childScript = fileURLToPath(new URL('./hot-path-child.js', import.meta.url));

interface Figures {
  ms?: number;
  cpuMs?: number;
  requireMs?: number;
  failure?: string;
}

async function benchWorkload(workload: (typeof WORKLOADS)[number], options: HotPathBenchOptions): Promise<string> {
  const apiUrl = new URL('../src/index.js', import.meta.url).href;
  const { apply } = (await import(apiUrl)) as { apply: (dir: string, options: object) => Promise<{ plan: { operations: unknown[] }; changes: unknown[] }> };
  const eslintDir = dirname(createRequire(`${options.repoRoot}/package.json`).resolve('eslint/package.json'));
  options.progress(`hot path: ${workload.name}: copying, applying lazify to one copy`);
  const fixture = 'fixture' in workload ? join(options.repoRoot, workload.fixture) : undefined;
  const copy = (label: string) => (fixture ? copyProject(fixture, options.repoRoot, label) : copyInstalledPackage(options.repoRoot, workload.name, label));
  const original = copy(`${workload.name}-original`);
  const applied = copy(`${workload.name}-applied`);
  const notes: string[] = [];
  // A fixture runs from its build: the original as it is, the applied copy built after apply.
  const build = (dir: string, label: string) => {
    const built = buildProject(dir, options.repoRoot, { typeCheck: false });
    if (!built.ok) notes.push(`${label}: tsc failed: ${built.errors}`);
  };
  if (fixture) build(original, 'original');
  try {
    const result = await apply(applied, { force: true });
    notes.push(`after apply: ${result.plan.operations.length} operations, ${result.changes.length} files changed`);
    if (fixture) build(applied, 'after apply');
  } catch (error) {
    notes.push(`after apply: apply() failed: ${(error as Error).message.split('\n')[0]}`);
  }
  const variants = [
    { name: 'original', dir: original },
    { name: 'after apply', dir: applied },
  ];
  const samples = new Map(variants.map((v) => [v.name, { ms: [] as number[], cpu: [] as number[], require: [] as number[], failure: undefined as string | undefined }]));
  for (let run = 0; run <= options.runs; run++) {
    for (const variant of variants) {
      const s = samples.get(variant.name)!;
      if (s.failure) continue;
      const child = runNode([childScript, workload.name, variant.dir, 'time', String(workload.iterations), eslintDir], { timeoutMs: 300_000 });
      const result = lastJsonLine<{ ms: number; cpuMs: number; requireMs: number }>(child.stdout);
      if (child.status !== 0 || !result) {
        s.failure = `failed: ${child.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
        continue;
      }
      if (run === 0) continue; // warm-up: OS file cache, not counted
      s.ms.push(result.ms);
      s.cpu.push(result.cpuMs);
      s.require.push(result.requireMs);
      options.progress(`  ${workload.name} ${variant.name} run ${run}/${options.runs}: ${formatMs(result.ms)} ms (CPU ${formatMs(result.cpuMs)} ms)`);
    }
  }
  const figures = new Map<string, Figures>(
    [...samples].map(([name, s]) => [name, s.failure ? { failure: s.failure } : { ms: median(s.ms), cpuMs: median(s.cpu), requireMs: median(s.require) }]),
  );
  const base = figures.get('original');
  const rows = variants.map((v) => {
    const f = figures.get(v.name)!;
    if (f.ms === undefined) return [v.name, f.failure ?? 'n/a', '', '', '', ''];
    return [v.name, formatMs(f.ms), formatMs(f.cpuMs), formatRatio(f.ms, base?.ms), formatRatio(f.cpuMs, base?.cpuMs), formatMs(f.requireMs)];
  });
  const after = figures.get('after apply');
  const out = [
    `${workload.name}: ${workload.iterations} iterations of ${workload.what}, after one first use (median of ${options.runs} fresh processes after 1 warm-up)`,
    formatTable(['variant', 'hot path ms', 'hot path CPU ms', 'vs original', 'CPU vs original', 'require + set-up ms'], rows),
  ];
  if (after?.ms !== undefined && base?.ms !== undefined) {
    out.push(`after apply: hot path ${formatRatio(after.ms, base.ms)} of the original (CPU ${formatRatio(after.cpuMs, base.cpuMs)}; target: within 1.05x)`);
  }
  for (const note of notes) out.push(`note: ${note}`);
  for (const v of variants) {
    if (options.keep) out.push(`note: ${v.name} copy kept in ${v.dir}`);
    else removePackageCopy(v.dir);
  }
  return out.join('\n');
}

/** Runs the hot-path benchmark on every workload and returns the report text. */
export async function benchHotPath(options: HotPathBenchOptions): Promise<string> {
  const sections = ['Hot path after first use: "vs original" = after apply / original time of the same workload; 1.00x = no slowdown.'];
  for (const workload of WORKLOADS) sections.push(await benchWorkload(workload, options));
  return sections.join('\n\n');
}
