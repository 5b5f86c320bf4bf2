import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readFileSync, rmdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';
import type { FileChange } from './file-set.js';

/**
 * Writes every change or none. Each new content first goes to a temp file beside its target;
 * only when all temp files are written are they renamed over the targets. If anything fails,
 * renamed targets get their old content back, new files and new directories are removed, and
 * a LazifyError says which file failed. A target that changed on disk since it was read is
 * refused up front, so a concurrent edit is never overwritten.
 */
export function writeChanges(root: string, changes: FileChange[]): void {
  for (const change of changes) {
    const absolute = join(root, change.path);
    const onDisk = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
    if (onDisk !== change.before) {
      throw new LazifyError('changed-on-disk', `${change.path} changed on disk while lazify was planning; run apply again`, change.path);
    }
  }
  const createdDirs: string[] = [];
  const temps: Array<{ temp: string; target: string; change: FileChange }> = [];
  const renamed: Array<{ target: string; change: FileChange }> = [];
  let current = '';
  try {
    for (const change of changes) {
      current = change.path;
      const target = join(root, change.path);
      createdDirs.push(...makeDirs(dirname(target)));
      const temp = `${target}.lazify-${process.pid}.tmp`;
      writeFileSync(temp, change.after);
      temps.push({ temp, target, change });
    }
    for (const { temp, target, change } of temps) {
      current = change.path;
      renameSync(temp, target);
      renamed.push({ target, change });
    }
  } catch (error) {
    for (const { target, change } of renamed.reverse()) {
      if (change.before === undefined) rmSync(target, { force: true });
      else writeFileSync(target, change.before);
    }
    for (const { temp } of temps) rmSync(temp, { force: true });
    for (const dir of createdDirs.reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    const reason = error instanceof Error ? error.message : String(error);
    throw new LazifyError('write-failed', `could not write ${current} (${reason}); no file was changed`, current);
  }
}

/** Creates missing directories up to `dir`, returning the ones it created, outermost first. */
function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
  return missing;
}
