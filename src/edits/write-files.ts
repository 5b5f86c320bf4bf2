import * as nodeFs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { assertConfinedWrites } from '../project/confine-path.js';
import type { FileChange } from './file-set.js';
import { JOURNAL_DIR, runJournal, type JournalFileSystem, type JournalWrite } from './write-journal.js';

/** Options of {@link writeChanges} and {@link restoreFiles}. */
export interface WriteOptions {
  /** File-system calls to use; tests pass one that fails on purpose (ENOSPC, EIO). */
  fs?: JournalFileSystem;
}

/** What {@link writeChanges} wrote, exactly enough to put it all back with {@link restoreFiles}. */
export interface WrittenFiles {
  writes: JournalWrite[];
  /** Folders the write created, outermost first. */
  createdDirs: string[];
}

/**
 * Writes every change or none, through the journal in write-journal.ts: whatever stops the
 * write (an error, a full disk, kill -9, a signal), the tree ends as it was or completely
 * written. A target that changed on disk since it was read is refused up front, so a concurrent
 * edit is never overwritten. A target that is a symlink is written through (its link stays)
 * when it points inside the root and refused otherwise; each file keeps its permission bits.
 */
export async function writeChanges(root: string, changes: FileChange[], options: WriteOptions = {}): Promise<WrittenFiles> {
  const fs = options.fs ?? nodeFs;
  const realRoot = nodeFs.realpathSync(root);
  const writes: JournalWrite[] = [];
  for (const change of changes) {
    const { target, mode } = physicalTarget(root, realRoot, change.path);
    const before = readBytes(join(realRoot, target));
    // Compared the way FileSet read the file, so an untouched file always passes.
    if ((before === undefined ? undefined : before.toString('utf8')) !== change.before) {
      throw new LazifyError('changed-on-disk', `${change.path} changed on disk while lazify was planning; run apply again`, change.path);
    }
    writes.push({ path: change.path, target, before, after: Buffer.from(change.after, 'utf8'), mode });
  }
  // Last line of defence: whoever built `changes`, nothing is written outside the root or into
  // .git/ or node_modules/ (after the per-file checks above, which say more about a symlink).
  assertConfinedWrites(root, changes.map((change) => change.path));
  refuseSharedTargets(writes);
  const createdDirs = missingDirs(realRoot, writes.filter((w) => w.before === undefined).map((w) => w.target));
  await runJournal(realRoot, { writes, createDirs: createdDirs, removeDirs: [] }, fs);
  return { writes, createdDirs };
}

/**
 * Puts back what {@link writeChanges} wrote: old bytes into changed files, new files and the
 * folders created for them removed. Journaled like the write itself. Refuses, restoring
 * nothing, when one of the files changed again since it was written.
 */
export async function restoreFiles(root: string, written: WrittenFiles, options: WriteOptions = {}): Promise<void> {
  const realRoot = nodeFs.realpathSync(root);
  const writes: JournalWrite[] = written.writes.map((w) => {
    const now = readBytes(join(realRoot, w.target));
    if (!(now !== undefined && w.after !== undefined && now.equals(w.after))) {
      throw new LazifyError('changed-on-disk', `${w.path} changed on disk after apply wrote it; nothing was restored`, w.path);
    }
    return { path: w.path, target: w.target, before: now, after: w.before, mode: w.mode };
  });
  await runJournal(realRoot, { writes, createDirs: [], removeDirs: [...written.createdDirs].reverse() }, options.fs);
}

/**
 * Where a change really lands, relative to the real root, and the mode to keep. A symlink is
 * followed (so the link is not replaced by a regular file) only to a file inside the root.
 */
function physicalTarget(root: string, realRoot: string, path: string): { target: string; mode?: number } {
  const absolute = join(root, path);
  const stat = lstatOrUndefined(absolute);
  let real: string;
  if (stat?.isSymbolicLink()) {
    try {
      real = nodeFs.realpathSync(absolute);
    } catch {
      throw new LazifyError('dangling-symlink', `${path} is a symlink to a file that does not exist (${nodeFs.readlinkSync(absolute)}); lazify will not replace the link`, path);
    }
    if (!inside(realRoot, real)) {
      throw new LazifyError('symlink-outside-root', `${path} is a symlink to ${real}, outside the project root; lazify does not write through it`, path);
    }
  } else {
    // The nearest existing folder, resolved: a symlinked folder must not carry the write out.
    let dir = dirname(absolute);
    const rest = [basename(absolute)];
    while (!nodeFs.existsSync(dir)) {
      rest.unshift(basename(dir));
      dir = dirname(dir);
    }
    real = join(nodeFs.realpathSync(dir), ...rest);
    if (!inside(realRoot, real)) throw new LazifyError('path-outside-root', `${path} resolves to ${real}, outside the project root; nothing was written`, path);
  }
  const target = relative(realRoot, real).split(sep).join('/');
  const first = target.split('/')[0];
  if (first === '.git' || first === 'node_modules' || first === JOURNAL_DIR) {
    throw new LazifyError('path-not-writable', `${path} resolves to ${target}; lazify never writes into ${first}/`, path);
  }
  const targetStat = stat?.isSymbolicLink() ? nodeFs.statSync(real) : stat;
  if (targetStat && !targetStat.isFile()) throw new LazifyError('not-a-file', `${path} is not a regular file; nothing was written`, path);
  return { target, mode: targetStat ? targetStat.mode & 0o7777 : undefined };
}

/** Two paths that land on one file (a symlink and its target) cannot both be written. */
function refuseSharedTargets(writes: JournalWrite[]): void {
  const seen = new Map<string, string>();
  for (const w of writes) {
    const other = seen.get(w.target);
    if (other !== undefined) throw new LazifyError('same-file', `${other} and ${w.path} are the same file (${w.target}); lazify cannot write both`, w.path);
    seen.set(w.target, w.path);
  }
}

/** Folders to create for new files, relative to the root, outermost first. */
function missingDirs(realRoot: string, targets: string[]): string[] {
  const missing = new Set<string>();
  for (const target of targets) {
    const chain: string[] = [];
    for (let d = dirname(target); d !== '.' && d !== '' && !nodeFs.existsSync(join(realRoot, d)); d = dirname(d)) chain.unshift(d);
    for (const d of chain) missing.add(d);
  }
  return [...missing].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
}

function inside(realRoot: string, path: string): boolean {
  const rel = relative(realRoot, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function lstatOrUndefined(path: string): nodeFs.Stats | undefined {
  try {
    return nodeFs.lstatSync(path);
  } catch {
    return undefined;
  }
}

function readBytes(path: string): Buffer | undefined {
  try {
    return nodeFs.readFileSync(path);
  } catch (error) {
    // ENOTDIR: a parent is a file, so this one does not exist (writing it will fail, cleanly).
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}
