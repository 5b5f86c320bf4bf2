// Import-time benchmark: how long a cold import of a fixture gateway takes as it is, at the
// "floor" (providers stubbed out), and after `lazify apply`. Each variant is a built temp copy;
// each measurement a fresh Node process. Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJsonLine, median, runNode } from './child-process-timing.js';
import { formatMs, formatRatio, formatTable } from './format-table.js';
import { buildProject, copyProject, removeCopy } from './prepare-project-copy.js';
import { stubProviderModules } from './stub-providers.js';

export interface ImportTimeBenchOptions {
  repoRoot: string;
  /** Measured runs per variant (after one unmeasured warm-up run). */
  runs: number;
  /** Keep the temp copies (their paths are printed) instead of deleting them. */
  keep?: boolean;
  progress: (line: string) => void;
}

type VariantName = 'original' | 'floor' | 'after apply';

/** One built copy of a fixture to import. */
interface Variant {
  name: VariantName;
  dir?: string;
  /** Why this variant has no figures. */
  unavailable?: string;
  notes: string[];
}

interface VariantFigures {
  importMs?: number;
  cpuMs?: number;
  processMs?: number;
  exports?: string[];
  failure?: string;
}

const childScript = fileURLToPath(new URL('./import-child.js', import.meta.url));

/** The package's built entry (package.json `main`) and whether Node loads it as ESM. */
function entryOf(dir: string): { file: string; mode: 'require' | 'import' } {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { main?: string; type?: string };
  return { file: join(dir, pkg.main ?? 'index.js'), mode: pkg.type === 'module' ? 'import' : 'require' };
}

function prepareOriginal(fixtureDir: string, options: ImportTimeBenchOptions, label: string): Variant {
  const dir = copyProject(fixtureDir, options.repoRoot, `${label}-original`);
  // The fixture's own tests type-check it; here only its JavaScript matters.
  const build = buildProject(dir, options.repoRoot, { typeCheck: false });
  if (!build.ok) return { name: 'original', dir, unavailable: `build failed: ${build.errors}`, notes: [] };
  return { name: 'original', dir, notes: [] };
}

function prepareFloor(fixtureDir: string, options: ImportTimeBenchOptions, label: string): Variant {
  const dir = copyProject(fixtureDir, options.repoRoot, `${label}-floor`);
  const stubbed = stubProviderModules(dir);
  const notes = [`floor: ${stubbed.length} provider modules stubbed (${stubbed.map((s) => s.file.replace('src/providers/', '')).join(', ')})`];
  // Stubs drop the handlers' methods, so code typed against them need not type-check: emit only.
  const build = buildProject(dir, options.repoRoot, { typeCheck: false });
  if (!existsSync(entryOf(dir).file)) return { name: 'floor', dir, unavailable: `build emitted no entry: ${build.errors}`, notes };
  return { name: 'floor', dir, notes };
}

async function prepareAfterApply(fixtureDir: string, options: ImportTimeBenchOptions, label: string): Promise<Variant> {
  const apiUrl = new URL('../src/index.js', import.meta.url).href;
  let api: { apply?: (dir: string, options: object) => Promise<{ operations?: unknown[]; changes?: unknown[] }> };
  try {
    api = (await import(apiUrl)) as typeof api;
  } catch (error) {
    return { name: 'after apply', unavailable: `not available (dist/src/index.js does not load: ${(error as Error).message.split('\n')[0]})`, notes: [] };
  }
  if (typeof api.apply !== 'function') return { name: 'after apply', unavailable: 'not available (apply() is not exported by dist/src/index.js)', notes: [] };
  const dir = copyProject(fixtureDir, options.repoRoot, `${label}-applied`);
  let result: { operations?: unknown[]; changes?: unknown[] };
  try {
    // The copy is a plain temp dir, not a git work tree: nothing of the user's to protect.
    result = await api.apply(dir, { force: true });
  } catch (error) {
    return { name: 'after apply', dir, unavailable: `apply() failed: ${(error as Error).message.split('\n')[0]}`, notes: [] };
  }
  const notes = [`after apply: ${result.operations?.length ?? '?'} operations, ${result.changes?.length ?? '?'} files changed`];
  // Type-checked: a rewrite that breaks the types is worth a note beside its figures.
  const build = buildProject(dir, options.repoRoot, { typeCheck: true });
  if (!build.ok) notes.push(`after apply: tsc reported errors (figures are for the emitted JavaScript): ${build.errors?.split('\n')[0]}`);
  if (!existsSync(entryOf(dir).file)) return { name: 'after apply', dir, unavailable: 'build emitted no entry', notes };
  return { name: 'after apply', dir, notes };
}

/** Measures the variants with runs interleaved (original, floor, applied, original, ...) so machine load hits all alike. */
function measureVariants(variants: Variant[], runs: number, label: string, progress: (line: string) => void): Map<VariantName, VariantFigures> {
  const measurable = variants.filter((v) => v.dir && !v.unavailable);
  const samples = new Map(
    measurable.map((v) => [v.name, { imports: [] as number[], cpus: [] as number[], processes: [] as number[], exports: [] as string[], failure: undefined as string | undefined }]),
  );
  for (let run = 0; run <= runs; run++) {
    for (const variant of measurable) {
      const s = samples.get(variant.name)!;
      if (s.failure) continue;
      const { file, mode } = entryOf(variant.dir!);
      const child = runNode([childScript, file, mode], { timeoutMs: 120_000 });
      const result = lastJsonLine<{ ms: number; cpuMs: number; exports: string[] }>(child.stdout);
      if (child.status !== 0 || !result) {
        s.failure = child.status === null ? 'import did not finish in 120 s' : `import failed: ${child.stderr.trim().split('\n').slice(0, 4).join(' / ')}`;
        continue;
      }
      s.exports = result.exports;
      if (run === 0) continue; // warm-up: OS file cache, not counted
      s.imports.push(result.ms);
      s.cpus.push(result.cpuMs);
      s.processes.push(child.wallMs);
      progress(`  ${label} ${variant.name} run ${run}/${runs}: import ${formatMs(result.ms)} ms (CPU ${formatMs(result.cpuMs)} ms), process ${formatMs(child.wallMs)} ms`);
    }
  }
  const figures = new Map<VariantName, VariantFigures>();
  for (const [name, s] of samples) {
    figures.set(
      name,
      s.failure ? { failure: s.failure } : { importMs: median(s.imports), cpuMs: median(s.cpus), processMs: median(s.processes), exports: s.exports },
    );
  }
  return figures;
}

async function benchFixture(name: string, options: ImportTimeBenchOptions): Promise<string> {
  const fixtureDir = join(options.repoRoot, 'fixtures', name);
  if (!existsSync(join(fixtureDir, 'package.json'))) return `fixtures/${name}: not present, skipped`;
  const mode = entryOf(fixtureDir).mode;
  options.progress(`import-time: fixtures/${name}: copying and building original, floor, after apply`);
  const variants = [
    prepareOriginal(fixtureDir, options, name),
    prepareFloor(fixtureDir, options, name),
    await prepareAfterApply(fixtureDir, options, name),
  ];
  const figures = measureVariants(variants, options.runs, name, options.progress);
  const original = figures.get('original');
  const floor = figures.get('floor');
  const rows = variants.map((v) => {
    const f = figures.get(v.name);
    if (!f || f.importMs === undefined) return [v.name, v.unavailable ?? f?.failure ?? 'n/a', '', '', '', ''];
    return [
      v.name,
      formatMs(f.importMs),
      formatMs(f.cpuMs),
      formatMs(f.processMs),
      formatRatio(f.importMs, original?.importMs),
      formatRatio(f.importMs, floor?.importMs),
    ];
  });
  const out = [
    `fixtures/${name} (${mode === 'require' ? 'CommonJS, cold require()' : 'ESM, cold import()'} of package.json main, median of ${options.runs} fresh processes after 1 warm-up)`,
    formatTable(['variant', 'import ms (median)', 'import CPU ms', 'whole process ms', 'vs original', 'vs floor'], rows),
  ];
  const applied = figures.get('after apply');
  if (applied?.importMs !== undefined && original?.importMs !== undefined && floor?.importMs !== undefined) {
    const speedup = original.importMs / applied.importMs;
    const cpuSpeedup = original.cpuMs! / applied.cpuMs!;
    const aboveFloor = (applied.importMs / floor.importMs - 1) * 100;
    out.push(
      `after apply: original / after apply = ${speedup.toFixed(1)}x (CPU ${cpuSpeedup.toFixed(1)}x; goal >= 10x${mode === 'require' ? '' : ', set for CJS'}), ` +
        `${Math.abs(aboveFloor).toFixed(0)}% ${aboveFloor >= 0 ? 'above' : 'below'} the floor (goal: within 15% above)`,
    );
    const lost = original.exports!.filter((name) => !applied.exports!.includes(name));
    const added = applied.exports!.filter((name) => !original.exports!.includes(name));
    out.push(
      lost.length
        ? `after apply: the entry LOST exports of the original: [${lost.join(', ')}]`
        : `after apply: the entry keeps all ${original.exports!.length} export names of the original` +
            (added.length ? `, and adds [${added.join(', ')}]` : ''),
    );
  } else if (variants[2]!.unavailable?.startsWith('not available')) {
    out.push('after apply: not available');
  }
  for (const v of variants) {
    for (const note of v.notes) out.push(`note: ${note}`);
    if (v.unavailable && !v.unavailable.startsWith('not available')) out.push(`note: ${v.name}: ${v.unavailable}`);
    if (v.dir) {
      if (options.keep) out.push(`note: ${v.name} copy kept in ${v.dir}`);
      else removeCopy(v.dir);
    }
  }
  return out.join('\n');
}

/** Runs the benchmark on fixtures/gateway-cjs and fixtures/gateway-esm and returns the report text. */
export async function benchImportTime(options: ImportTimeBenchOptions): Promise<string> {
  const sections = [
    'Import time: "vs original" = variant / original import ms, "vs floor" = variant / floor import ms; lower is better.\n' +
      'floor = every provider module stubbed out (the gateway without provider cost); CPU ms = user+system time of the import call.',
  ];
  for (const name of ['gateway-cjs', 'gateway-esm']) sections.push(await benchFixture(name, options));
  return sections.join('\n\n');
}
