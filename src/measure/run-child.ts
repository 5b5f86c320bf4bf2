import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { buildRunTree, type ChildEdge, type ChildEvent, type RunMeasurement } from './build-run-tree.js';
import type { ChildScripts } from './child-scripts.js';
import { RUN_TOKEN_VARIABLE } from './contain-process-tree.js';
import type { MeasureTarget } from './measure-target.js';
import type { RunContainment } from './run-containment.js';
import { verifyRunRecords } from './verify-run-records.js';

/** After the run's process exits, how long its pipes may stay open (a descendant out of reach holding them) before lazify stops reading. */
const PIPE_GRACE_MS = 1_000;

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

/** Collects a stream's text (the tail only, when `keep` is set) until it closes or is destroyed. */
function collect(stream: Readable, keep?: number): { text: () => string; closed: Promise<void> } {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text = keep === undefined ? text + chunk : (text + chunk).slice(-keep);
  });
  const closed = new Promise<void>((resolve) => {
    stream.on('close', resolve);
    stream.on('error', () => resolve());
  });
  return { text: () => text, closed };
}

/** Unverified lines the run's pipes carried: the measured code wrote them (or a kill cut them). */
export interface RunRecordCheck {
  rejectedRecords: number;
}

/**
 * Loads the entry once in a fresh Node process and returns what it measured. The user's code
 * runs only there: a throw, a hang (killed at `timeoutMs`) or a process.exit() comes back as
 * the run's outcome, never as an exception here.
 *
 * The child leads its own process group (spawned detached); at its exit or its timeout the
 * whole tree it started is killed (`containment`, which also does so if lazify is stopped).
 * Its records come over two pipes, signed with a key only the recorder sees (child-scripts.ts).
 *
 * `esmHooks: false` runs without the ESM loader hooks: CommonJS is still timed, ES module
 * bodies are not, but the total is what a plain `node` pays (see measure.ts for why).
 * `nodeOptions` go to node before everything else (the CPU profiler's flags).
 */
export function runChild(
  target: MeasureTarget,
  scripts: ChildScripts,
  run: { index: number; timeoutMs: number; esmHooks: boolean; containment: RunContainment; nodeOptions?: string[] },
): Promise<RunMeasurement & RunRecordCheck & { stderr: string }> {
  const key = randomBytes(32).toString('hex');
  const token = randomBytes(16).toString('hex');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, childArguments(target, scripts, run.esmHooks, run.nodeOptions), {
      cwd: target.root,
      env: { ...process.env, [RUN_TOKEN_VARIABLE]: token, LAZIFY_ESM_HOOKS: run.esmHooks ? '1' : '0' },
      // stdin carries the key, fd 3 the events, fd 4 the ESM hooks' edges.
      stdio: ['pipe', 'ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) run.containment.track(child.pid, token);
    child.stdin!.on('error', () => {
      // the child died before reading its key: its outcome says why
    });
    child.stdin!.end(`${key}\n`);
    const stderr = collect(child.stderr!, 16_000);
    const events = collect(child.stdio[3] as Readable);
    const edges = collect(child.stdio[4] as Readable);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) run.containment.release(child.pid);
    }, run.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'exit', not 'close': a descendant that inherited a pipe would hold 'close' back for as
    // long as it lives. The tree is killed here, so the pipes close right after.
    child.on('exit', () => {
      clearTimeout(timer);
      if (child.pid !== undefined) run.containment.release(child.pid);
      const streams = [child.stderr!, child.stdio[3] as Readable, child.stdio[4] as Readable];
      const grace = setTimeout(() => streams.forEach((stream) => stream.destroy()), PIPE_GRACE_MS);
      void Promise.all([stderr.closed, events.closed, edges.closed]).then(() => {
        clearTimeout(grace);
        const verifiedEvents = verifyRunRecords<ChildEvent>(events.text(), key);
        const verifiedEdges = verifyRunRecords<ChildEdge>(edges.text(), key);
        resolvePromise({
          ...buildRunTree(verifiedEvents.records, verifiedEdges.records, scripts.runner, timedOut),
          rejectedRecords: verifiedEvents.rejected + verifiedEdges.rejected,
          stderr: stderr.text(),
        });
      });
    });
  });
}
