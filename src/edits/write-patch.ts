import { lstatSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { absolutePathProblem } from '../project/confine-path.js';

/** What {@link writePatch} must not overwrite: the project and the files the patch changes. */
export interface PatchTargetContext {
  /** Absolute project root. */
  root: string;
  /** Root-relative paths the patch creates or changes. */
  changed: string[];
}

/**
 * Writes a patch file (the project itself is not touched); returns its absolute path. The patch
 * may go anywhere, in the project or outside it, but it never replaces a file that is not an
 * earlier patch (a source file, a config, anything a user wrote), never a file the patch itself
 * changes, and never lands in the project's .git/ or node_modules/ (symlinks resolved).
 */
export function writePatch(path: string, diff: string, context?: PatchTargetContext): string {
  const absolute = refuseBadPatchTarget(path, context);
  try {
    writeFileSync(absolute, diff);
  } catch (error) {
    throw new LazifyError('write-failed', `could not write the patch to ${absolute}: ${(error as Error).message}`, absolute);
  }
  return absolute;
}

/**
 * Refuses a patch path {@link writePatch} would refuse; returns it absolute. apply asks this
 * before it plans too (with no changed files yet), so that a path that is wrong whatever the
 * plan holds fails at once, not after the analysis and the rewrite.
 */
export function refuseBadPatchTarget(path: string, context?: PatchTargetContext): string {
  const absolute = resolve(path);
  const problem = patchTargetProblem(absolute, context);
  if (problem) throw new LazifyError('invalid-patch-path', `refusing to write the patch to ${absolute}: ${problem}`, absolute);
  return absolute;
}

function patchTargetProblem(absolute: string, context: PatchTargetContext | undefined): string | undefined {
  const real = realTarget(absolute);
  if (real === undefined) return 'it goes through a broken symlink';
  let existing: string | undefined;
  try {
    if (!statSync(real).isFile()) return 'it is a directory or special file';
    existing = readFileSync(real, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing !== undefined && existing.length > 0 && !/^diff --git /.test(existing)) {
    return 'that file exists and is not a patch (lazify only overwrites an earlier patch); choose another path';
  }
  if (!context) return undefined;
  const realRoot = realpathOrSelf(context.root);
  const rel = relative(realRoot, real);
  const inside = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  if (!inside) return undefined;
  // In the project: the patch is one more file of the tree, so it follows the tree's rules.
  const confined = absolutePathProblem(realRoot, real, rel.split(sep).join('/'));
  if (confined) return confined;
  if (context.changed.includes(rel.split(sep).join('/'))) return 'the patch itself creates or changes that file';
  return undefined;
}

/**
 * `absolute` with every symlink on the way resolved (its nearest existing part, then the rest as
 * written); undefined when that part is a broken symlink, which writing would follow anywhere.
 */
function realTarget(absolute: string): string | undefined {
  const rest: string[] = [];
  for (let current = absolute; ; current = dirname(current)) {
    try {
      lstatSync(current);
    } catch {
      if (dirname(current) === current) return absolute;
      rest.unshift(basename(current));
      continue;
    }
    try {
      return join(realpathSync.native(current), ...rest);
    } catch {
      return undefined;
    }
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
