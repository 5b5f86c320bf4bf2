import { mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LazifyError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { aggregateRuns, interquartileRange, median, noisyTotals } from './aggregate-runs.js';
import type { RunMeasurement } from './build-run-tree.js';
import { writeChildScripts, type ChildScripts } from './child-scripts.js';
import type { ImportTimeResult, MeasureOptions } from './import-time.js';
import { resolveMeasureTarget, type MeasureTarget } from './measure-target.js';
import { nameMeasuredModule } from './name-measured-module.js';
import type { CpuProfile } from './cpu-profile.js';
import { attachProfile, findCallLine, profileModules, readCpuProfile, type ProfiledModule } from './profile-import.js';
import { runChild } from './run-child.js';
import { RunContainment } from './run-containment.js';

/** The longest timeout a Node timer can wait (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Chain of files from a root of the run's tree down to `file` (inclusive). */
function chainTo(run: RunMeasurement, file: string): string[] {
  const parentOf = new Map<string, string>();
  for (const module of run.modules.values()) for (const child of module.children) parentOf.set(child, module.file);
  const chain = [file];
  for (let at = parentOf.get(file); at && !chain.includes(at); at = parentOf.get(at)) chain.unshift(at);
  return chain;
}

/** A failed run as one clear diagnostic that names the module, e.g. "src/x.ts threw at import: boom". */
function describeFailure(run: RunMeasurement & { stderr: string }, target: MeasureTarget, timeoutMs: number): Diagnostic {
  const name = (file: string) => nameMeasuredModule(file, target);
  const entry = name(target.entryFile).id;
  let where = entry;
  let inside = '';
  if (run.failedFile) {
    // Name the project's own module the user can act on, and the package file if it was deeper.
    const chain = chainTo(run, run.failedFile).map(name);
    const local = [...chain].reverse().find((m) => m.kind === 'local');
    const innermost = chain[chain.length - 1];
    where = (local ?? innermost).id;
    if (local && innermost.id !== local.id) inside = ` (in ${innermost.id})`;
  }
  const lastStderrLine = run.stderr.trim().split('\n').pop() ?? '';
  switch (run.outcome) {
    case 'threw':
      return { code: 'import-threw', severity: 'error', file: where, message: `${where} threw at import${inside}: ${run.errorMessage ?? 'unknown error'}` };
    case 'timeout':
      return {
        code: 'import-timeout',
        severity: 'error',
        file: where,
        message: `timed out after ${timeoutMs / 1000}s while loading ${where}${inside}: a module hangs at import (raise --timeout if it is only slow)`,
      };
    default:
      if (run.unsettled) {
        return { code: 'import-unsettled', severity: 'error', file: where, message: `${where} never finished loading${inside}: a top-level await that never settles` };
      }
      return run.exitCode !== undefined
        ? { code: 'import-exited', severity: 'error', file: where, message: `${where} called process.exit(${run.exitCode}) at import${inside}` }
        : { code: 'import-crashed', severity: 'error', file: where, message: `the process died while loading ${where}${inside}${lastStderrLine ? `: ${lastStderrLine}` : ''}` };
  }
}

/**
 * Measures real import time per module, like Python's `-X importtime`: loads the package's
 * entry in `runs` fresh Node processes (CommonJS, ESM, mixed, TypeScript through tsx) and
 * returns the median self and cumulative time of every module in a load tree.
 *
 * This runs the user's code, in a child process with a timeout. A module that throws, hangs
 * or exits at import ends the measurement with an error diagnostic (and the partial tree of
 * that run); it is not thrown. Bad input (no such path, no package.json, entry not built and
 * no source) throws a {@link LazifyError}.
 *
 * @param target a package directory or an entry file
 */
export async function measure(target: string, options: MeasureOptions = {}): Promise<ImportTimeResult> {
  const runs = options.runs ?? 5;
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isInteger(runs) || runs < 1) throw new LazifyError('bad-option', `--runs must be a whole number of at least 1, got ${runs}`);
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new LazifyError('bad-option', `timeout must be more than 0 and at most ${MAX_TIMEOUT_MS} ms (--timeout ${Math.floor(MAX_TIMEOUT_MS / 1000)} s), got ${timeoutMs} ms`);
  }
  const resolved = resolveMeasureTarget(target, { tsx: options.tsx });
  const scripts = writeChildScripts();
  // From here on, an exit or a signal of lazify kills the runs' process trees and removes the scripts.
  const containment = new RunContainment(scripts.dir);
  let rejectedRecords = 0;
  const measured: RunMeasurement[] = [];
  // Totals of runs without the ESM loader hooks, when the graph has ES modules (see below).
  const plainTotals: number[] = [];
  const diagnostics: Diagnostic[] = [...resolved.diagnostics];
  let profiled: { modules: Map<string, ProfiledModule>; totalMs: number; profile: CpuProfile } | undefined;
  try {
    const total = runs + (options.profile !== false ? 1 : 0);
    for (let index = 0; index < runs; index++) {
      options.onProgress?.({ stage: 'measure', label: 'measuring import time (fresh processes)', done: index, total });
      const run = await runChild(resolved, scripts, { index, timeoutMs, esmHooks: true, containment });
      measured.push(run);
      // A kill at the timeout can cut the last line short; any other unsigned line was forged.
      rejectedRecords += Math.max(0, run.rejectedRecords - (run.outcome === 'timeout' ? 1 : 0));
      // The same code fails the same way again: one failed run is the answer.
      if (run.outcome !== 'done') {
        diagnostics.push(describeFailure(run, resolved, timeoutMs));
        break;
      }
      // Node 20 runs module.register() hooks on a separate thread and sends every ES module's
      // resolve and load through it: that slows fetching and linking by half or more (bodies
      // still run on the main thread at full speed, so their times stay right). So when ES
      // modules are involved, each run is paired with one without the ESM hooks, and the
      // total comes from those: it is what a plain `node` pays.
      if ([...run.modules.values()].some((m) => m.format === 'esm')) {
        const plain = await runChild(resolved, scripts, { index, timeoutMs, esmHooks: false, containment });
        rejectedRecords += Math.max(0, plain.rejectedRecords - (plain.outcome === 'timeout' ? 1 : 0));
        if (plain.outcome === 'done') plainTotals.push(plain.totalMs);
      }
    }
    if (options.profile !== false && measured[measured.length - 1]!.outcome === 'done') {
      options.onProgress?.({ stage: 'measure', label: 'measuring import time (CPU profile run)', done: runs, total });
      profiled = await profileRun(resolved, scripts, timeoutMs, containment);
    }
    options.onProgress?.({ stage: 'measure', label: 'measuring import time', done: total, total, end: true });
  } finally {
    containment.close();
  }
  if (rejectedRecords > 0) {
    diagnostics.push({
      code: 'forged-records',
      severity: 'warning',
      message: `ignored ${rejectedRecords} record line(s) on the measurement pipes that lazify's recorder did not sign: the measured code wrote them`,
    });
  }
  const last = measured[measured.length - 1];
  const usable = last.outcome === 'done' ? measured : [last];
  const name = (file: string) => nameMeasuredModule(file, resolved);
  const aggregated = aggregateRuns(usable, name);
  const untimed = profiled
    ? attachProfile(aggregated.tree, aggregated.imports, profiled.modules, { name, sourceLine: findCallLine, runScale: Math.min(1, median(usable.map((run) => run.totalMs)) / profiled.totalMs) })
    : [];
  if (untimed.length) {
    diagnostics.push({
      code: 'esm-in-require',
      severity: 'info',
      message: `${untimed.length} ES module(s) ran inside require(), where Node runs no loader hooks (${untimed.slice(0, 3).join(', ')}${untimed.length > 3 ? ', ...' : ''}): their body times come from a CPU profile`,
    });
  }
  const instrumentedTotals = usable.map((run) => run.totalMs);
  const usePlain = last.outcome === 'done' && plainTotals.length === usable.length;
  const totals = usePlain ? plainTotals : instrumentedTotals;
  if (usePlain) {
    diagnostics.push({
      code: 'esm-hooks-overhead',
      severity: 'info',
      message: `totals are from ${totals.length} run(s) without loader hooks; with the ESM timing hooks loading took ${median(instrumentedTotals).toFixed(0)} ms (module times come from those runs)`,
    });
  }
  const rootsMs = usable.map((run) => run.roots.reduce((sum, root) => sum + run.modules.get(root)!.cumulativeMs, 0));
  const rss = usable.map((run) => run.maxRssKb).filter((kb) => kb !== undefined);
  return {
    root: resolved.root,
    entry: relative(resolved.root, resolved.entryFile).split(sep).join('/'),
    runner: { tsx: resolved.tsxLoader !== undefined, mode: resolved.mode },
    runs: usable.length,
    totalMs: median(totals),
    runTotalsMs: totals,
    totalIqrMs: interquartileRange(totals),
    ...(usePlain ? { instrumentedTotalMs: median(instrumentedTotals) } : {}),
    unattributedMs: Math.max(0, median(totals.map((total, i) => total - rootsMs[i]))),
    moduleCount: usable[0].modules.size + untimed.length,
    maxRssBytes: rss.length ? median(rss) * 1024 : 0,
    tree: aggregated.tree,
    imports: aggregated.imports,
    diagnostics: [...diagnostics, ...noisyTotals(totals)],
    ...(options.keepCpuProfile && profiled ? { cpuProfile: profiled.profile } : {}),
  };
}

/**
 * One more run of the import under V8's sampling profiler (0.1 ms interval, without the ESM
 * hooks, whose thread would be sampled too), read into per-module top-level costs. A run that
 * fails here only means no profile: the timed runs already succeeded.
 */
async function profileRun(target: MeasureTarget, scripts: ChildScripts, timeoutMs: number, containment: RunContainment): Promise<{ modules: Map<string, ProfiledModule>; totalMs: number; profile: CpuProfile } | undefined> {
  const dir = join(scripts.dir, 'cpu-profile');
  mkdirSync(dir);
  const run = await runChild(target, scripts, {
    index: 0,
    timeoutMs,
    esmHooks: false,
    containment,
    nodeOptions: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100'],
  });
  if (run.outcome !== 'done') return undefined;
  const profile = readCpuProfile(dir);
  return profile ? { modules: profileModules(profile), totalMs: run.totalMs, profile } : undefined;
}
