// Every path an analysis asks the file system about, so that a later run can tell whether the
// answers would still be the same (src/pipeline/kept-analyses.ts). The analysis reads through
// many hands: its own stages, TypeScript's module resolution host, enhanced-resolve's cached file
// system. All of them call `node:fs`, so the reads are recorded there: for the length of one
// synchronous call (no other code runs meanwhile, and the functions are put back when it ends),
// or from start to stop in a thread where nothing else reads meanwhile (the worker measuring
// installed files); that worker's paths reach the main thread's recording as a list.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `node:fs` functions that look a path up without changing anything. */
const LOOKUPS = ['readFileSync', 'statSync', 'lstatSync', 'existsSync', 'readdirSync', 'readlinkSync', 'realpathSync', 'accessSync', 'openSync', 'opendirSync'] as const;

type Lookup = (path: unknown, ...rest: unknown[]) => unknown;

/** Paths being recorded, until {@link FileReadRecording.stop}. */
export interface FileReadRecording {
  paths: Set<string>;
  stop(): void;
}

/** The recordings in progress, for {@link noteFileReads}. */
const recording = new Set<(path: unknown) => void>();

/**
 * Runs `run` and returns its value with the absolute paths it looked up through `node:fs`
 * (read, listed, stat'ed or tested for existence, found or not). Paths under `ignoreUnder`
 * (the kept scans lazify reads) are left out. Reads through a file descriptor are covered by
 * the `openSync` that gave it.
 */
export function recordFileReads<T>(run: () => T, ignoreUnder?: string): { value: T; paths: Set<string> } {
  const reads = startRecordingFileReads(ignoreUnder);
  try {
    return { value: run(), paths: reads.paths };
  } finally {
    reads.stop();
  }
}

/**
 * Records as {@link recordFileReads} does, until `stop()`: for code that runs across turns of the
 * event loop while nothing else does (the worker measuring installed files, whose `node:fs` is
 * its own).
 */
export function startRecordingFileReads(ignoreUnder?: string): FileReadRecording {
  const paths = new Set<string>();
  const ignored = ignoreUnder ? resolve(ignoreUnder) : undefined;
  const note = (path: unknown) => {
    const absolute = pathOf(path);
    if (absolute === undefined) return;
    if (ignored && (absolute === ignored || absolute.startsWith(`${ignored}/`))) return;
    paths.add(absolute);
  };
  const target = fs as unknown as Record<string, Lookup>;
  const originals = new Map<string, Lookup>();
  for (const name of LOOKUPS) {
    const original = target[name];
    originals.set(name, original);
    const wrapped: Lookup = function (this: unknown, path, ...rest) {
      note(path);
      return original.call(this, path, ...rest);
    };
    // realpathSync.native is a property of realpathSync: keep it reachable, recorded too.
    const native = (original as Lookup & { native?: Lookup }).native;
    if (native) {
      (wrapped as Lookup & { native?: Lookup }).native = function (this: unknown, path, ...rest) {
        note(path);
        return native.call(this, path, ...rest);
      };
    }
    target[name] = wrapped;
  }
  // ES modules that imported these by name see the wrappers too.
  syncBuiltinESMExports();
  recording.add(note);
  return {
    paths,
    stop() {
      if (!recording.delete(note)) return;
      for (const [name, original] of originals) target[name] = original;
      syncBuiltinESMExports();
    },
  };
}

/** Adds paths another thread looked up for the analysis (absolute) to the recordings in progress. */
export function noteFileReads(paths: Iterable<string>): void {
  for (const note of recording) for (const path of paths) note(path);
}

function pathOf(path: unknown): string | undefined {
  if (typeof path === 'string') return resolve(path);
  if (path instanceof URL) return path.protocol === 'file:' ? fileURLToPath(path) : undefined;
  if (Buffer.isBuffer(path)) return resolve(path.toString('utf8'));
  return undefined; // a file descriptor
}
