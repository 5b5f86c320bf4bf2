// The worker of measure-installed-files-in-parallel.ts: for each analysis (a job), measures
// installed files (their bytes and the files each loads) from the entry files the graph sends
// while it parses the project, and from the root's dependencies while none is waiting. One job
// at a time, each with its own listings and caches. It loads no TypeScript.
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { keepCompiledCodeIn } from '../project/cache-directory.cjs';
import { ModuleFormatDetector } from '../project/detect-module-format.js';
import { startRecordingFileReads, type FileReadRecording } from '../project/record-file-reads.js';
import { DirectoryListingCache } from './directory-listing-cache.js';
import type { StampedScan } from './installed-file-scans.js';
import { LoadedBytesMeter } from './measure-package-size.js';
import { RuntimeFileResolver } from './resolve-runtime-file.js';
import type { MeterJob, MeterReply, MeterRequest, MeterWorkerData } from './measure-installed-files-in-parallel.js';

const { port, done } = workerData as MeterWorkerData;
const signal = new Int32Array(done);

/** One analysis's measuring. */
class Job {
  /** Every path the job looks up, for the kept analysis of the graph's (src/pipeline/kept-analyses.ts). */
  private readonly reads: FileReadRecording = startRecordingFileReads();
  private readonly meter: LoadedBytesMeter;
  private readonly scans = new Map<string, StampedScan>();
  /** Entry files the graph found, measured first. */
  private readonly sent: string[] = [];
  /** The entries of the root's dependencies, measured whenever no entry the graph sent is waiting. */
  private readonly guessed: string[];
  private finishing = false;

  constructor({ root, dependencies, keepsScans, cacheDir }: MeterJob) {
    // Where TypeScript's compiled code may be kept, should a file need its scanner: as the analysis
    // chose (as on the main thread, the first choice made before TypeScript loads holds).
    keepCompiledCodeIn(cacheDir);
    const listings = new DirectoryListingCache(root);
    const resolver = new RuntimeFileResolver(listings);
    const formats = new ModuleFormatDetector();
    this.meter = new LoadedBytesMeter(
      { resolve: (specifier, fromFile, format) => resolver.resolve(specifier, fromFile, format), formatOf: (file) => formats.formatOf(file) },
      listings,
      // Records each file's scan with its stamp for the graph's kept scans; keeps nothing itself.
      {
        keeps: keepsScans,
        get: () => undefined,
        keep: () => undefined,
        set: (file, stats, scan) => this.scans.set(file, [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, scan.bytes, scan.specifiers]),
      },
    );
    // As the root's own format loads them.
    const from = join(root, 'package.json');
    const format = formats.formatOf(join(root, 'index.js'));
    this.guessed = dependencies.map((name) => resolver.resolve(name, from, format)).filter((file) => file !== undefined);
  }

  /** Stops recording (the job failed). */
  stop(): void {
    this.reads.stop();
  }

  take(request: MeterRequest): void {
    if (request.entry !== undefined) this.sent.push(request.entry);
    else this.finishing = true;
  }

  /** Measures one entry; returns whether there is more to do (or the reply to send, when the walk has ended). */
  step(): boolean | MeterReply {
    const next = this.sent.shift() ?? (this.finishing ? undefined : this.guessed.shift());
    if (next !== undefined) this.meter.add(next, next);
    if (this.finishing && this.sent.length === 0) {
      this.reads.stop();
      return { files: [...this.meter.loadedFiles()], scans: [...this.scans], paths: [...this.reads.paths] };
    }
    return next !== undefined || this.guessed.length > 0;
  }
}

let job: Job | undefined;
let scheduled = false;

port.on('message', (request: MeterRequest) => {
  if (request.job) {
    job?.stop();
    job = new Job(request.job);
  }
  else job?.take(request);
  schedule();
});

/** One entry per turn of the event loop, so that the graph's messages come in between. */
function schedule(): void {
  if (scheduled || !job) return;
  scheduled = true;
  setImmediate(step);
}

function step(): void {
  scheduled = false;
  if (!job) return;
  let outcome: boolean | MeterReply;
  try {
    outcome = job.step();
  } catch (error) {
    job.stop();
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  if (outcome === true) schedule();
  else if (outcome !== false) {
    job = undefined;
    port.postMessage(outcome);
    if (Atomics.compareExchange(signal, 0, 0, 1) === 0) Atomics.notify(signal, 0);
  }
}
