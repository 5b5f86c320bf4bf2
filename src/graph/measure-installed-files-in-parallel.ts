// Measuring installed packages (reading and scanning the thousands of files their entries load)
// is most of a first analysis of a small project, and the graph's walk (TypeScript loading,
// the project's modules parsed) most of the rest: on a first run, with no kept scans, a worker
// thread measures the packages while the main thread walks. The worker starts before the project
// is read, with the root's dependencies (or, when its package.json names none, with the first
// entry file the walk finds), and takes the graph's entry files as the walk finds them; at the end of the walk the graph waits for it and sizes packages from what it measured
// (the same meter, the same files: the same figures as measuring on the main thread). Without
// a second core, or when the worker cannot start or fails, the graph measures as before. One
// worker serves the process's analyses one after another (an API caller analysing many
// projects pays its start once).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { InstalledFileScans, scansDirectory, type StampedScan } from './installed-file-scans.js';
import type { LoadedFile } from './measure-package-size.js';

/** What the worker starts with. */
export interface MeterWorkerData {
  port: MessagePort;
  /** Set to 1 when the worker has replied to a job (the main thread sets it back to 0), 2 when it failed or ended (see BOOTSTRAP). */
  done: SharedArrayBuffer;
}

/** One analysis's work. */
export interface MeterJob {
  root: string;
  /** The packages the root's package.json depends on: measured while no entry the graph sent is waiting. */
  dependencies: string[];
  /** Whether the graph keeps scans (the worker then stamps each file it reads). */
  keepsScans: boolean;
  /** The analysis's `cacheDir` option: where TypeScript's compiled code may be kept, should a file need its scanner. */
  cacheDir?: string | false;
}

/** A job to begin, an entry file of the job's graph to measure, or (none) the end of the job's walk. */
export interface MeterRequest {
  job?: MeterJob;
  entry?: string;
}

export type MeterReply = { files: Array<[string, LoadedFile]>; scans: Array<[string, StampedScan]>; paths: string[] } | { error: string };

/** What the worker measured. */
export interface ParallelMeasures {
  files: ReadonlyMap<string, LoadedFile>;
  /** The scans of the files it read, with their stamps (when the graph keeps scans). */
  scans: ReadonlyMap<string, StampedScan>;
  /** Every path it looked up (absolute): what the analysis read through it. */
  paths: string[];
}

/** What decides whether an analysis measures in parallel (its options of the same names). */
export interface ParallelMeterOptions {
  cacheDir?: string | false;
  /** What an earlier analysis measured: nothing to measure again. */
  knownInstalledFiles?: ReadonlyMap<string, unknown>;
}

/** The worker {@link measureInstalledFilesAhead} started, for the next analysis of its root. */
let startedAhead: { root: string; keepsScans: boolean; meter: ParallelInstalledFileMeter } | undefined;

/**
 * The worker measuring the installed files of the project in `dir` for an analysis with these
 * options, when that pays: nothing known from an earlier analysis and no scans kept (a first
 * run, or `--no-cache`). One {@link measureInstalledFilesAhead} started for the same project is
 * taken over.
 */
export function startInstalledFileMeter(dir: string, options: ParallelMeterOptions): ParallelInstalledFileMeter | undefined {
  const root = resolve(dir);
  const scansDir = scansDirectory(options.cacheDir);
  const ahead = startedAhead;
  startedAhead = undefined;
  if (ahead && ahead.root === root && ahead.keepsScans === (scansDir !== undefined) && !options.knownInstalledFiles) return ahead.meter;
  ahead?.meter.stop();
  if (options.knownInstalledFiles || InstalledFileScans.keptFor(root, scansDir)) return undefined;
  return ParallelInstalledFileMeter.start(root, { keepsScans: scansDir !== undefined, cacheDir: options.cacheDir });
}

/**
 * Starts the worker for an analysis of `dir` about to begin, before the stages that parse (and
 * TypeScript) load: `lazify analyze` calls it when the kept analysis does not answer. The
 * analysis takes it over ({@link startInstalledFileMeter}); one never taken ends with the process.
 */
export function measureInstalledFilesAhead(dir: string, options: Pick<ParallelMeterOptions, 'cacheDir'> = {}): void {
  startedAhead?.meter.stop();
  startedAhead = undefined;
  const root = resolve(dir);
  const scansDir = scansDirectory(options.cacheDir);
  if (InstalledFileScans.keptFor(root, scansDir)) return;
  const meter = ParallelInstalledFileMeter.start(root, { keepsScans: scansDir !== undefined, cacheDir: options.cacheDir });
  if (meter) startedAhead = { root, keepsScans: scansDir !== undefined, meter };
}

/**
 * The worker's first code: loads the worker module, and says so when it cannot or when the
 * worker ends without a reply (the main thread waits without reading events, so an error event
 * would never reach it). A worker does not inherit the main thread's module hooks: when lazify
 * runs as TypeScript (its tests, under tsx), the worker registers tsx's first (for `import` and `require`).
 */
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
const failed = () => {
  if (Atomics.compareExchange(done, 0, 0, 2) === 0) Atomics.notify(done, 0);
};
process.on('exit', failed);
(async () => {
  for (const loader of workerData.loaders) (await import(loader)).register();
  await import(workerData.module);
})().catch(failed);`;

/** Longest wait for the worker's reply; past it the graph measures on its own. */
const REPLY_TIMEOUT_MS = 120_000;

/** The process's worker, between analyses (see the file's header); undefined until one starts or after it failed. */
let idleWorker: MeterThread | undefined;

interface MeterThread {
  worker: Worker;
  port: MessagePort;
  done: Int32Array;
  /** The worker's module, for a caller that asked for another (tests). */
  module: string;
}

/** The worker measuring one analysis's installed files. */
export class ParallelInstalledFileMeter {
  private finished = false;
  private readonly sent = new Set<string>();

  /** `thread` is undefined until the first entry arrives when there was nothing to measure ahead; `begin` starts it then. */
  private constructor(
    private thread: MeterThread | undefined,
    private readonly begin: () => MeterThread | undefined,
  ) {}

  /**
   * Gives project `root` (resolved) the process's worker, or undefined on one core. The worker
   * starts now when the root's package.json names dependencies to measure ahead, and otherwise
   * with the first entry file the graph sends (packages installed further up, as in a workspace
   * whose packages leave their dependencies to the root's, are found only by the walk; a
   * project importing no package starts no worker).
   */
  static start(
    root: string,
    options: Pick<MeterJob, 'keepsScans' | 'cacheDir'> & { /** The worker's module (tests: one that fails to load). */ workerModule?: URL },
  ): ParallelInstalledFileMeter | undefined {
    if (availableParallelism() < 2) return undefined;
    const dependencies = dependenciesOf(root);
    const begin = () => {
      const thread = takeThread(options.workerModule);
      thread?.port.postMessage({ job: { root, dependencies, keepsScans: options.keepsScans, cacheDir: options.cacheDir } } satisfies MeterRequest);
      return thread;
    };
    if (dependencies.length === 0) return new ParallelInstalledFileMeter(undefined, begin);
    const thread = begin();
    return thread && new ParallelInstalledFileMeter(thread, begin);
  }

  /** Sends an entry file the graph found (once: the modules of a project import the same packages over and over). */
  measure(entryFile: string): void {
    if (this.finished || this.sent.has(entryFile)) return;
    this.sent.add(entryFile);
    this.thread ??= this.begin();
    this.thread?.port.postMessage({ entry: entryFile } satisfies MeterRequest);
  }

  /**
   * Waits for what the worker measured from the entries sent; undefined when it failed or did
   * not answer in time (the caller then measures on its own). Nothing measured when no worker
   * was needed.
   */
  finish(): ParallelMeasures | undefined {
    if (this.finished) return undefined;
    this.finished = true;
    if (!this.thread) return this.sent.size === 0 ? { files: new Map(), scans: new Map(), paths: [] } : undefined;
    const { port, done } = this.thread;
    port.postMessage({} satisfies MeterRequest);
    const waited = Atomics.wait(done, 0, 0, REPLY_TIMEOUT_MS);
    const reply = waited !== 'timed-out' && Atomics.load(done, 0) === 1 ? (receiveMessageOnPort(port)?.message as MeterReply | undefined) : undefined;
    if (reply && !('error' in reply)) {
      // Ready for the next analysis.
      Atomics.store(done, 0, 0);
      idleWorker = this.thread;
      return { files: new Map(reply.files), scans: new Map(reply.scans), paths: reply.paths };
    }
    endThread(this.thread);
    return undefined;
  }

  /** Ends the job without waiting for it (an analysis that failed before its graph was built): the worker ends with it. */
  stop(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.thread) endThread(this.thread);
  }
}

/** The process's idle worker when it runs `workerModule` (the default one when undefined), or a new one. */
function takeThread(workerModule: URL | undefined): MeterThread | undefined {
  // Under tsx (the tests) this module is TypeScript, and so is the worker's.
  const extension = extname(fileURLToPath(import.meta.url));
  const module = (workerModule ?? new URL(`./installed-file-worker${extension}`, import.meta.url)).href;
  let thread = idleWorker;
  idleWorker = undefined;
  if (thread && thread.module !== module) {
    void thread.worker.terminate();
    thread = undefined;
  }
  return thread ?? startThread(module, extension === '.ts' ? [import.meta.resolve('tsx/esm/api'), import.meta.resolve('tsx/cjs/api')] : []);
}

function startThread(module: string, loaders: string[]): MeterThread | undefined {
  const channel = new MessageChannel();
  const done = new SharedArrayBuffer(4);
  const data: MeterWorkerData = { port: channel.port2, done };
  let worker: Worker;
  try {
    // No flags of the main thread's (`--input-type=module` would make the bootstrap an ES module,
    // `-e` run again). Its output goes to the process's, as Node pipes it: a warning it prints is
    // seen, and a stream of its own that nobody read would hold the process open after the work.
    worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: { ...data, module, loaders }, transferList: [channel.port2] });
  } catch {
    return undefined;
  }
  // It keeps no process alive, and its errors are answered by the graph measuring on its own.
  worker.unref();
  worker.on('error', () => undefined);
  return { worker, port: channel.port1, done: new Int32Array(done), module };
}

function endThread(thread: MeterThread): void {
  thread.port.close();
  void thread.worker.terminate();
}

/** The names in the `dependencies`, `optionalDependencies` and `peerDependencies` of `root`'s package.json. */
function dependenciesOf(root: string): string[] {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const field of [manifest.dependencies, manifest.optionalDependencies, manifest.peerDependencies]) {
    if (field && typeof field === 'object') for (const name of Object.keys(field)) names.add(name);
  }
  return [...names];
}
