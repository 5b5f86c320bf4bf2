// Every path lazify reads from a plan or writes to is checked here, so a plan (or a symlink in
// the tree) can never make apply read or write outside the project root, or inside its .git/
// or node_modules/. One module for every stage: plan validation, the default plan, the entry,
// the patch file and the last check before writing all ask the same questions.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';

/** Extensions of the source modules a plan may name (what apply lists and transforms parse). */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/** Directories apply never writes into, at any depth: git's store and installed dependencies. */
const PROTECTED_DIR = /^(?:\.git|node_modules)$/i;

/**
 * Why `path`, as written in a plan (relative to `root`, forward slashes), may not be read or
 * written by apply; undefined when it may. Refuses absolute paths (they are not moved under the
 * root: the user meant something else), `..` leading out, paths not written in normal form,
 * anything in `.git/` or `node_modules/`, and paths that lead out of the root once symlinks are
 * resolved (the real path of the nearest part of the path that exists).
 */
export function projectPathProblem(root: string, path: string): string | undefined {
  const lexical = lexicalPathProblem(path);
  if (lexical) return lexical;
  return realPathProblem(root, join(root, path), path);
}

/**
 * Throws a LazifyError (`outside-project`) naming the first of `paths` (root-relative) that
 * {@link projectPathProblem} refuses: the last check before anything is written or diffed.
 */
export function assertConfinedWrites(root: string, paths: Iterable<string>): void {
  for (const path of paths) {
    const problem = projectPathProblem(root, path);
    if (problem) throw new LazifyError('outside-project', `refusing to write ${path}: ${problem}; nothing was written`, path);
  }
}

/**
 * {@link projectPathProblem} for a path that must name a source module (a plan's `files`, a
 * transform's module or manifest option): also refuses other files (`.git/config`, `.env`,
 * package.json), declaration files and directories.
 */
export function sourcePathProblem(root: string, path: string): string | undefined {
  const problem = projectPathProblem(root, path);
  if (problem) return problem;
  if (!SOURCE_FILE.test(path) || DECLARATION_FILE.test(path)) return `${path} is not a JavaScript or TypeScript source file`;
  const kind = fileKind(join(root, path));
  if (kind === 'other') return `${path} is a directory or special file, not a source file`;
  return undefined;
}

/**
 * The checks of {@link projectPathProblem} that need no file system: fast enough for every read
 * of the in-memory file set.
 */
export function lexicalPathProblem(path: string): string | undefined {
  if (path === '') return 'an empty path';
  if (path.includes('\0')) return `${JSON.stringify(path)} contains a NUL byte`;
  if (isAbsolute(path) || posix.isAbsolute(path) || /^[A-Za-z]:/.test(path) || path.startsWith('\\')) {
    return `${path} is absolute; plan paths are relative to the project root`;
  }
  if (path.includes('\\')) return `${path} contains a backslash; write paths with forward slashes`;
  const normal = posix.normalize(path);
  if (normal === '..' || normal.startsWith('../')) return `${path} leads outside the project root`;
  if (normal !== path || path.startsWith('./')) return `${path} is not in normal form; write it as ${normal.replace(/^\.\//, '')}`;
  if (path.split('/').some((segment) => PROTECTED_DIR.test(segment))) return `${path} is inside ${protectedDirOf(path)}/, which lazify never writes`;
  return undefined;
}

/**
 * Why the absolute path `file` is not inside `root` once symlinks are resolved; undefined when
 * it is. `label` names the path in the message (as the user wrote it).
 */
export function absolutePathProblem(root: string, file: string, label = file): string | undefined {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return `${label} is outside the project root ${root}`;
  const segments = rel.split(sep);
  if (segments.some((segment) => PROTECTED_DIR.test(segment))) return `${label} is inside ${protectedDirOf(segments.join('/'))}/, which lazify never writes`;
  return realPathProblem(root, file, label);
}

/** True when `file` (absolute) resolves, through any symlinks, to a place under `root`. */
export function isInsideRoot(root: string, file: string): boolean {
  return absolutePathProblem(root, file) === undefined;
}

function realPathProblem(root: string, absolute: string, label: string): string | undefined {
  const realRoot = realpathOrSelf(root);
  const existing = nearestExisting(absolute);
  if (existing === undefined) return `${label}: no part of it exists`;
  let real: string;
  try {
    real = realpathSync.native(existing);
  } catch {
    // lstat saw it but realpath cannot follow it: a dangling or looping symlink.
    return `${label} goes through a broken symlink (${existing})`;
  }
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) return `${label} leads outside the project root through a symlink (to ${real})`;
  const segments = rel === '' ? [] : rel.split(sep);
  if (segments.some((segment) => PROTECTED_DIR.test(segment))) return `${label} leads into ${protectedDirOf(segments.join('/'))}/ through a symlink, which lazify never writes`;
  return undefined;
}

/** The path itself when something (even a dangling symlink) is there, else its nearest existing parent. */
function nearestExisting(absolute: string): string | undefined {
  for (let current = absolute; ; current = dirname(current)) {
    try {
      lstatSync(current);
      return current;
    } catch {
      if (dirname(current) === current) return undefined;
    }
  }
}

function fileKind(absolute: string): 'missing' | 'file' | 'other' {
  try {
    return statSync(absolute).isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function protectedDirOf(path: string): string {
  const segments = path.split('/');
  const index = segments.findIndex((segment) => PROTECTED_DIR.test(segment));
  return segments.slice(0, index + 1).join('/');
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
