import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildRunTree, type ChildEdge, type ChildEvent, type RunMeasurement } from './build-run-tree.js';
import type { ChildScripts } from './child-scripts.js';
import type { MeasureTarget } from './measure-target.js';

function readJsonLines<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  const records: T[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // a line cut short by a kill at the timeout: everything before it is still good
    }
  }
  return records;
}

/** The node arguments of one measured run (exported so a user can be shown the exact command). */
export function childArguments(target: MeasureTarget, scripts: ChildScripts, esmHooks: boolean, nodeOptions: string[] = []): string[] {
  return [
    ...nodeOptions,
    '--require',
    scripts.cjsHook,
    // tsx first, our hooks after: hooks registered later run first and see tsx's JavaScript.
    ...(target.tsxLoader ? ['--import', target.tsxLoader] : []),
    ...(esmHooks ? ['--import', scripts.esmRegister] : []),
    scripts.runner,
    target.entryFile,
    target.mode,
  ];
}

/**
 * Loads the entry once in a fresh Node process and returns what it measured. The user's code
 * runs only there: a throw, a hang (killed at `timeoutMs`) or a process.exit() comes back as
 * the run's outcome, never as an exception here.
 *
 * `esmHooks: false` runs without the ESM loader hooks: CommonJS is still timed, ES module
 * bodies are not, but the total is what a plain `node` pays (see measure.ts for why).
 * `nodeOptions` go to node before everything else (the CPU profiler's flags).
 */
export function runChild(
  target: MeasureTarget,
  scripts: ChildScripts,
  run: { index: number; timeoutMs: number; esmHooks: boolean; nodeOptions?: string[] },
): Promise<RunMeasurement & { stderr: string }> {
  const timeoutMs = run.timeoutMs;
  const tag = `${run.nodeOptions ? 'profiled' : run.esmHooks ? 'hooked' : 'plain'}-${run.index}`;
  const eventsFile = join(scripts.dir, `events-${tag}.jsonl`);
  const edgesFile = join(scripts.dir, `edges-${tag}.jsonl`);
  rmSync(eventsFile, { force: true });
  rmSync(edgesFile, { force: true });
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, childArguments(target, scripts, run.esmHooks, run.nodeOptions), {
      cwd: target.root,
      env: { ...process.env, LAZIFY_EVENTS_FILE: eventsFile, LAZIFY_EDGES_FILE: edgesFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // keep the tail: the last lines say why a child died
      stderr = (stderr + chunk).slice(-16_000);
    });
    let timedOut = false;
    // SIGKILL, not SIGTERM: a module stuck in a synchronous loop never runs a signal handler.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', () => {
      clearTimeout(timer);
      const events = readJsonLines<ChildEvent>(eventsFile);
      const edges = readJsonLines<ChildEdge>(edgesFile);
      resolvePromise({ ...buildRunTree(events, edges, scripts.runner, timedOut), stderr });
    });
  });
}
