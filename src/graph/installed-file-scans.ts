// What the package meter learnt about installed files (their bytes and the specifiers their top-level
// code loads), kept between analyses outside the project, in the user's cache directory.
// Reading and scanning the files of the SDKs a gateway imports (thousands of files, megabytes)
// is the largest part of analysing a small project, and those files rarely change. An entry is
// used only while the file's size, modification and change times and inode are the ones it was
// scanned with (as git trusts its index): a reinstall gives a file a new inode and change time,
// even when npm sets every modification time to the same date. What a specifier resolves to
// is not kept: it depends on the other installed files and is worked out on every run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { cacheDirFromEnvironment } from '../project/cache-directory.cjs';

/** The cache directory of an analysis's `cacheDir` option: false none, undefined the environment's ({@link cacheDirFromEnvironment}). */
export function scansDirectory(cacheDir: string | false | undefined): string | undefined {
  return cacheDir === false ? undefined : (cacheDir ?? cacheDirFromEnvironment(process.env));
}

/** One installed file as the meter read it. */
export interface InstalledFileScan {
  /** UTF-8 bytes of its text. */
  bytes: number;
  /** The specifiers its top-level code loads, as written (builtins too). */
  specifiers: string[];
}

/** What identifies one version of a file on disk. */
export type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** A file's scan with the stamp of the file it was read from. */
export type StampedScan = [...Stamp, bytes: number, specifiers: string[]];

/** Where the package meter finds and keeps the scans of installed files. */
export type ScanStore = Pick<InstalledFileScans, 'keeps' | 'get' | 'keep' | 'set'>;

interface CacheFile {
  format: typeof FORMAT;
  scanner: string;
  files: Record<string, StampedScan>;
}

const FORMAT = 1;
/**
 * A file changed this close to the analysis may change again within the same clock tick
 * without its times moving: it is scanned, not kept (git's "racy" entries).
 */
const RACY_MS = 2_000;

/**
 * The scans kept for one project (one file per project root, holding the files its last
 * analysis read: it does not grow beyond what the project loads). `scanner` names the code
 * that scanned them: entries from another version of lazify are not used.
 */
export class InstalledFileScans {
  private readonly kept: CacheFile['files'];
  private readonly used: CacheFile['files'] = {};
  private changed = false;

  private constructor(
    private readonly path: string | undefined,
    private readonly scanner: string,
    kept: CacheFile['files'],
    private readonly startedAt: number,
  ) {
    this.kept = kept;
  }

  /**
   * Opens the scans of project `root` in `dir`; no directory keeps none (every file is read).
   * `startedAt` is when the analysis began (files changed in the two seconds before are not kept).
   */
  static open(root: string, dir: string | undefined, scanner: string, startedAt = Date.now()): InstalledFileScans {
    if (!dir) return new InstalledFileScans(undefined, scanner, {}, startedAt);
    const path = scansPath(root, dir);
    let kept: CacheFile['files'] = {};
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (file.format === FORMAT && file.scanner === scanner && file.files && typeof file.files === 'object') kept = file.files;
    } catch {
      // Missing, unreadable or broken: start empty, the files are read.
    }
    return new InstalledFileScans(path, scanner, kept, startedAt);
  }

  /** Whether `dir` holds scans of project `root` (of any version of lazify). */
  static keptFor(root: string, dir: string | undefined): boolean {
    return dir !== undefined && existsSync(scansPath(root, dir));
  }

  /** Whether scans are kept at all (false when no cache directory was given). */
  get keeps(): boolean {
    return this.path !== undefined;
  }

  /** The kept scan of `file` when the file is still the one scanned. */
  get(file: string, stats: Stats): InstalledFileScan | undefined {
    const entry = this.kept[file];
    if (!Array.isArray(entry) || entry.length !== 6) return undefined;
    const [size, mtimeMs, ctimeMs, ino, bytes, specifiers] = entry;
    if (size !== stats.size || mtimeMs !== stats.mtimeMs || ctimeMs !== stats.ctimeMs || ino !== stats.ino) return undefined;
    if (typeof bytes !== 'number' || !Array.isArray(specifiers) || !specifiers.every((s) => typeof s === 'string')) return undefined;
    this.used[file] = entry;
    return { bytes, specifiers };
  }

  /** Keeps the kept scan of `file` for the next analysis, unread: the caller knows the file unchanged. */
  keep(file: string): void {
    if (this.kept[file]) this.used[file] = this.kept[file];
  }

  /** Keeps the scan of `file` (read with `stats`) for the next analysis. */
  set(file: string, stats: Stats, scan: InstalledFileScan): void {
    if (!this.path || Math.max(stats.mtimeMs, stats.ctimeMs) > this.startedAt - RACY_MS) return;
    this.used[file] = [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, scan.bytes, scan.specifiers];
    this.changed = true;
  }

  /**
   * Takes the scans another reader made of files this analysis has not read (a worker's, see
   * measure-installed-files-in-parallel.ts) as if kept: {@link keep} then keeps those of the
   * files the analysis reaches. Files changed just before the analysis began are left out, as
   * {@link set} leaves them out.
   */
  adopt(scans: ReadonlyMap<string, StampedScan>): void {
    if (!this.path) return;
    for (const [file, scan] of scans) {
      if (this.kept[file] || Math.max(scan[1], scan[2]) > this.startedAt - RACY_MS) continue;
      this.kept[file] = scan;
      this.changed = true;
    }
  }

  /**
   * Writes the scans this analysis used, when they differ from those kept. A cache that cannot
   * be written is no error: the next analysis reads the files again.
   */
  save(): void {
    if (!this.path) return;
    if (!this.changed && Object.keys(this.used).length === Object.keys(this.kept).length) return;
    const file: CacheFile = { format: FORMAT, scanner: this.scanner, files: this.used };
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      writeFileSync(temporary, JSON.stringify(file));
      renameSync(temporary, this.path);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // left for the next save to overwrite
      }
    }
  }
}

function scansPath(root: string, dir: string): string {
  return join(dir, 'installed-files', `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
}
