// The journal that makes a write all or nothing even across kill -9, a full disk or a signal,
// the way git's lock files do. Layout, under the project root:
//
//   .lazify-journal/lock          created exclusively ('wx'): one writer at a time; holds its pid
//   .lazify-journal/<i>.old       the target's exact bytes before the write (absent files have none)
//   .lazify-journal/<i>.new       the bytes it gets (none when the write removes the file)
//   .lazify-journal/intent.json   the list of entries; renamed into place once every blob is fsynced
//   .lazify-journal/committed     the commit point: written once every temp file is fsynced
//   <target>.lazify-tmp           the new content beside each target, renamed over it after the commit
//
// Before `committed` exists no target has been touched, so an interrupted write rolls back
// (temp files and journal removed). Once it exists, the write rolls forward: every target gets
// its new bytes from the journal. The journal is removed last.
import * as nodeFs from 'node:fs';
import { dirname, join } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { JOURNAL_DIR } from '../project/project-source-files.js';

// The journal's folder under the project root: project/ names it, as the project's file listing leaves it out.
export { JOURNAL_DIR };

/** Suffix of the temp file written beside each target before it is renamed over it. */
export const TEMP_SUFFIX = '.lazify-tmp';

/**
 * The file-system calls the journal makes, so that tests can make any one of them fail
 * (ENOSPC, EIO) without a full disk. Defaults to node:fs.
 */
export type JournalFileSystem = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'mkdirSync'
  | 'rmdirSync'
  | 'chmodSync'
  | 'readFileSync'
  | 'readdirSync'
  | 'existsSync'
>;

/** One file the journal writes: `target` gets `after` (or is removed when `after` is undefined). */
export interface JournalWrite {
  /** Path as the user knows it (relative to the root), for messages. */
  path: string;
  /** Path actually written, relative to the root: differs from `path` when `path` is a symlink. */
  target: string;
  /** Exact bytes on disk before the write; undefined when the file does not exist. */
  before: Buffer | undefined;
  /** Bytes after the write; undefined to remove the file. */
  after: Buffer | undefined;
  /** Permission bits to give the new content (the old file's, so 755 and 444 stay). */
  mode?: number;
}

/** A whole write: its files, plus folders to create first and folders to remove after (when empty). */
export interface JournalTransaction {
  writes: JournalWrite[];
  /** Folders (relative) that do not exist yet, outermost first. */
  createDirs: string[];
  /** Folders (relative) to remove once empty, innermost first. */
  removeDirs: string[];
}

interface IntentEntry {
  path: string;
  target: string;
  before: boolean;
  after: boolean;
  mode?: number;
}

interface Intent {
  version: 1;
  entries: IntentEntry[];
  createDirs: string[];
  removeDirs: string[];
}

/** What recovery did with a journal left by an interrupted run. */
export interface Recovery {
  action: 'rolled-back' | 'rolled-forward';
  /** Files the interrupted write was about (relative paths). */
  files: string[];
  /** One line saying what happened, for the user. */
  message: string;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/**
 * Runs a transaction through the journal. Throws a LazifyError when the write cannot be done;
 * the tree is then as it was (or, if even undoing failed, the journal stays and the next run
 * finishes the write). SIGINT, SIGTERM and SIGHUP during the write are held: before the commit
 * point the write is undone, after it the write is finished; then a LazifyError says so.
 */
export async function runJournal(root: string, tx: JournalTransaction, fs: JournalFileSystem = nodeFs): Promise<void> {
  const journal = join(root, JOURNAL_DIR);
  let signal: NodeJS.Signals | undefined;
  const onSignal = (received: NodeJS.Signals) => {
    signal ??= received;
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  // A signal's listener runs only when the event loop turns; each checkpoint gives it that turn.
  const checkpoint = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal) throw new Interrupted(signal);
  };
  let committed = false;
  let ownsJournal = false;
  let current = '';
  try {
    // Checked before anything is written, so undoing may remove every temp name without
    // ever deleting a file of the user's that happens to be called like one.
    const taken = tx.writes.find((w) => w.after && fs.existsSync(`${join(root, w.target)}${TEMP_SUFFIX}`));
    if (taken) throw new LazifyError('temp-exists', `${taken.target}${TEMP_SUFFIX} exists; lazify needs that name for a temp file: move it away and run apply again`, taken.path);
    try {
      fs.mkdirSync(journal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw lockedError(root, fs);
      throw error;
    }
    ownsJournal = true;
    writeDurably(fs, join(journal, 'lock'), Buffer.from(`${process.pid}\n`));
    await checkpoint();
    const entries: IntentEntry[] = [];
    for (const [i, w] of tx.writes.entries()) {
      current = w.path;
      if (w.before) writeDurably(fs, join(journal, `${i}.old`), w.before);
      if (w.after) writeDurably(fs, join(journal, `${i}.new`), w.after);
      entries.push({ path: w.path, target: w.target, before: w.before !== undefined, after: w.after !== undefined, ...(w.mode === undefined ? {} : { mode: w.mode }) });
      await checkpoint();
    }
    current = `${JOURNAL_DIR}/intent.json`;
    const intent: Intent = { version: 1, entries, createDirs: tx.createDirs, removeDirs: tx.removeDirs };
    writeDurably(fs, join(journal, 'intent.json.tmp'), Buffer.from(JSON.stringify(intent)));
    fs.renameSync(join(journal, 'intent.json.tmp'), join(journal, 'intent.json'));
    syncDir(fs, journal);
    await checkpoint();
    for (const dir of tx.createDirs) {
      current = dir;
      fs.mkdirSync(join(root, dir));
    }
    for (const w of tx.writes) {
      current = w.path;
      if (w.after) writeTemp(fs, join(root, w.target), w.after, w.mode);
      await checkpoint();
    }
    current = `${JOURNAL_DIR}/committed`;
    writeDurably(fs, join(journal, 'committed'), Buffer.from('committed\n'));
    syncDir(fs, journal);
    committed = true;
    // From here on a signal no longer stops the write: it is finished first.
    for (const w of tx.writes) {
      current = w.path;
      putInPlace(fs, root, w.target, w.after !== undefined);
      await new Promise((resolve) => setImmediate(resolve));
    }
    finish(fs, root, tx.removeDirs, tx.writes.map((w) => w.target));
    removeJournal(fs, journal);
  } catch (error) {
    const reason = error instanceof Interrupted ? `interrupted by ${error.signal}` : errorText(error);
    if (isLazifyErrorLike(error)) throw error;
    if (!committed) {
      try {
        if (ownsJournal) rollBack(fs, root, tx);
      } catch (cleanupError) {
        throw new LazifyError(
          'write-failed',
          `could not write ${current} (${reason}) nor clean up (${errorText(cleanupError)}); no file was changed: the next lazify apply removes ${JOURNAL_DIR}/ and the temp files`,
          current,
        );
      }
      throw error instanceof Interrupted
        ? new LazifyError('interrupted', `${reason} before any file was changed; nothing was written`)
        : new LazifyError('write-failed', `could not write ${current} (${reason}); no file was changed`, current);
    }
    try {
      undoAfterCommit(fs, root, tx);
    } catch (undoError) {
      throw new LazifyError(
        'write-failed',
        `could not write ${current} (${reason}) nor undo the write (${errorText(undoError)}); ${JOURNAL_DIR}/ keeps it: run lazify apply again to finish it`,
        current,
      );
    }
    throw new LazifyError('write-failed', `could not write ${current} (${reason}); no file was changed`, current);
  } finally {
    // One more turn of the event loop, so a signal that came during the last steps is seen.
    await new Promise((resolve) => setImmediate(resolve));
    for (const s of SIGNALS) process.off(s, onSignal);
  }
  if (signal) {
    throw new LazifyError('interrupted', `interrupted by ${signal} after the write was committed: finished writing all ${tx.writes.length} file(s) first, then stopped`);
  }
}

/** True when `root` holds a journal: a write is running there or was interrupted. */
export function hasJournal(root: string, fs: JournalFileSystem = nodeFs): boolean {
  return fs.existsSync(join(root, JOURNAL_DIR));
}

/**
 * Finishes or undoes a write a previous run left unfinished (killed, power lost), so the tree
 * is either as it was or completely written, and removes the journal. Returns undefined when
 * there was none. Refuses (LazifyError) while the process that holds the lock still runs, or
 * when a file the journal would write was changed by someone else since.
 */
export function recoverJournal(root: string, fs: JournalFileSystem = nodeFs): Recovery | undefined {
  const journal = join(root, JOURNAL_DIR);
  if (!fs.existsSync(journal)) return undefined;
  const holder = lockHolder(journal, fs);
  if (holder !== undefined && holder !== process.pid && isRunning(holder)) throw lockedError(root, fs);
  const intentFile = join(journal, 'intent.json');
  const intent = fs.existsSync(intentFile) ? readIntent(fs, intentFile) : undefined;
  const committed = fs.existsSync(join(journal, 'committed'));
  const files = intent?.entries.map((e) => e.path) ?? [];
  if (intent && committed) {
    const blob = (i: number, kind: 'old' | 'new', present: boolean) => (present ? fs.readFileSync(join(journal, `${i}.${kind}`)) : undefined);
    const conflicts = intent.entries.filter((e, i) => {
      const now = readIfExists(fs, join(root, e.target));
      return !sameBytes(now, blob(i, 'new', e.after)) && !sameBytes(now, blob(i, 'old', e.before));
    });
    if (conflicts.length > 0) {
      throw new LazifyError(
        'journal-conflict',
        `${conflicts[0].path} changed after an interrupted apply that had committed; ${JOURNAL_DIR}/ holds its old and new content (<n>.old, <n>.new): put back the one you want and remove ${JOURNAL_DIR}/`,
        conflicts[0].path,
      );
    }
    for (const dir of intent.createDirs) if (!fs.existsSync(join(root, dir))) fs.mkdirSync(join(root, dir));
    for (const [i, e] of intent.entries.entries()) {
      const target = join(root, e.target);
      const wanted = blob(i, 'new', e.after);
      if (!sameBytes(readIfExists(fs, target), wanted)) {
        if (wanted) writeTemp(fs, target, wanted, e.mode, true);
        putInPlace(fs, root, e.target, wanted !== undefined);
      } else removeIfExists(fs, `${target}${TEMP_SUFFIX}`);
    }
    finish(fs, root, intent.removeDirs, intent.entries.map((e) => e.target));
    removeJournal(fs, journal);
    return {
      action: 'rolled-forward',
      files,
      message: `an earlier apply was interrupted after its commit point; finished writing its ${files.length} file(s) and removed ${JOURNAL_DIR}/`,
    };
  }
  let temps = 0;
  if (intent) {
    temps = rollBack(fs, root, { writes: intent.entries.map((e) => ({ path: e.path, target: e.target, before: undefined, after: undefined })), createDirs: intent.createDirs, removeDirs: [] });
  } else removeJournal(fs, journal);
  return {
    action: 'rolled-back',
    files,
    // No entry list: the journal was being written (no file touched yet) or being removed after
    // the write had finished (intent.json goes first); either way there is nothing to undo.
    message: intent
      ? `an earlier apply was interrupted before it changed any file; removed ${temps > 0 ? `its ${temps} temp file(s) and ` : ''}${JOURNAL_DIR}/, nothing was changed`
      : `an earlier apply was interrupted while its journal held no list of files (being written, or being removed after the write); nothing to undo or finish; removed ${JOURNAL_DIR}/`,
  };
}

/** Removes every temp file (all of them: before the commit point the targets are untouched), new folders, the journal. */
function rollBack(fs: JournalFileSystem, root: string, tx: JournalTransaction): number {
  let removed = 0;
  for (const w of tx.writes) if (removeIfExists(fs, `${join(root, w.target)}${TEMP_SUFFIX}`)) removed++;
  for (const dir of [...tx.createDirs].reverse()) removeDirIfEmpty(fs, join(root, dir));
  removeJournal(fs, join(root, JOURNAL_DIR));
  return removed;
}

/**
 * An error after the commit point, in this process: put every target back to its old bytes
 * (held in memory), then drop the journal. If this fails too the journal stays committed and
 * the next run rolls forward, so the tree still ends complete.
 */
function undoAfterCommit(fs: JournalFileSystem, root: string, tx: JournalTransaction): void {
  for (const w of tx.writes) {
    const target = join(root, w.target);
    removeIfExists(fs, `${target}${TEMP_SUFFIX}`);
    if (sameBytes(readIfExists(fs, target), w.before)) continue;
    if (w.before) writeTemp(fs, target, w.before, w.mode);
    putInPlace(fs, root, w.target, w.before !== undefined);
  }
  for (const dir of [...tx.createDirs].reverse()) removeDirIfEmpty(fs, join(root, dir));
  syncDirs(fs, root, tx.writes.map((w) => w.target));
  removeJournal(fs, join(root, JOURNAL_DIR));
}

/** Renames the temp file over the target, or removes the target when the write deletes it. */
function putInPlace(fs: JournalFileSystem, root: string, target: string, hasContent: boolean): void {
  const absolute = join(root, target);
  if (hasContent) fs.renameSync(`${absolute}${TEMP_SUFFIX}`, absolute);
  else removeIfExists(fs, absolute);
}

/** After the renames: drop emptied folders and make the renames durable before the journal goes. */
function finish(fs: JournalFileSystem, root: string, removeDirs: string[], targets: string[]): void {
  for (const dir of removeDirs) removeDirIfEmpty(fs, join(root, dir));
  syncDirs(fs, root, targets);
}

function writeTemp(fs: JournalFileSystem, target: string, bytes: Buffer, mode: number | undefined, replace = false): void {
  const temp = `${target}${TEMP_SUFFIX}`;
  if (replace) removeIfExists(fs, temp);
  // 'wx': a file of the user's that happens to have this name is never overwritten.
  writeDurably(fs, temp, bytes, mode);
}

/** Writes a new file exclusively and fsyncs it; `mode` is set explicitly (open's mode goes through the umask). */
function writeDurably(fs: JournalFileSystem, path: string, bytes: Buffer, mode?: number): void {
  const fd = fs.openSync(path, 'wx');
  try {
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (mode !== undefined) fs.chmodSync(path, mode);
}

function syncDirs(fs: JournalFileSystem, root: string, targets: string[]): void {
  for (const dir of new Set(targets.map((t) => dirname(join(root, t))))) if (fs.existsSync(dir)) syncDir(fs, dir);
}

/** Makes a folder's entries (new names, renames) durable. Not every platform can open a folder. */
function syncDir(fs: JournalFileSystem, dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes the journal: the intent first, so a crash halfway leaves nothing that could be replayed. */
function removeJournal(fs: JournalFileSystem, journal: string): void {
  if (!fs.existsSync(journal)) return;
  removeIfExists(fs, join(journal, 'intent.json'));
  for (const name of fs.readdirSync(journal)) if (name !== 'lock') fs.unlinkSync(join(journal, name));
  removeIfExists(fs, join(journal, 'lock'));
  fs.rmdirSync(journal);
  syncDir(fs, dirname(journal));
}

function removeIfExists(fs: JournalFileSystem, path: string): boolean {
  try {
    fs.unlinkSync(path);
    return true;
  } catch (error) {
    if (isAbsent(error)) return false;
    throw error;
  }
}

function removeDirIfEmpty(fs: JournalFileSystem, dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

function readIfExists(fs: JournalFileSystem, path: string): Buffer | undefined {
  try {
    return fs.readFileSync(path);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

function readIntent(fs: JournalFileSystem, file: string): Intent {
  try {
    const intent = JSON.parse(fs.readFileSync(file, 'utf8')) as Intent;
    if (intent.version === 1 && Array.isArray(intent.entries)) return intent;
  } catch {
    // fall through: intent.json is only ever renamed into place whole, so this is not lazify's
  }
  throw new LazifyError('journal-unreadable', `${file} is not a journal lazify wrote; remove ${JOURNAL_DIR}/ if no lazify is running`, file);
}

function lockHolder(journal: string, fs: JournalFileSystem): number | undefined {
  const text = readIfExists(fs, join(journal, 'lock'))?.toString('utf8').trim();
  const pid = text ? Number(text) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(root: string, fs: JournalFileSystem): LazifyError {
  const holder = lockHolder(join(root, JOURNAL_DIR), fs);
  return new LazifyError(
    'journal-locked',
    `another lazify${holder ? ` (pid ${holder})` : ''} is writing to ${root} (${JOURNAL_DIR}/ exists); wait for it, or remove ${JOURNAL_DIR}/ if none is running`,
  );
}

function isLazifyErrorLike(error: unknown): error is LazifyError {
  return error instanceof LazifyError;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && typeof code === 'string') return error.message.startsWith(code) ? error.message : `${code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** ENOENT, or ENOTDIR when a parent is a file: either way the path names nothing. */
function isAbsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
