// The project's own source files, wherever they sit: the modules the entry loads, and the tests,
// scripts and subpath exports it does not. Never dependencies, build output or apply's journal.
import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { projectPathProblem } from './confine-path.js';

/** Folder under the project root that holds an unfinished write of apply (src/edits/write-journal.ts). Never a project file. */
export const JOURNAL_DIR = '.lazify-journal';

/**
 * The project's source files, as paths from `root`, sorted. A file reached through a symlink that
 * leads out of the root is not the project's (the graph does not follow such links either); a file
 * with two names inside it (a symlinked directory or file pointing inside) is listed once, under
 * its real path, so one file set never holds it twice.
 */
export function projectSourceFiles(root: string): string[] {
  const files = globSync(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], {
    cwd: root,
    ignore: ['**/node_modules/**', `${JOURNAL_DIR}/**`, 'dist/**', 'build/**', 'coverage/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'],
  });
  const realRoot = realpathSync.native(root);
  const byRealPath = new Map<string, string>();
  for (const file of files.sort()) {
    if (projectPathProblem(root, file)) continue;
    const real = realpathSync.native(join(root, file));
    const ownName = relative(realRoot, real).split(sep).join('/') === file;
    if (!byRealPath.has(real) || ownName) byRealPath.set(real, file);
  }
  return [...byRealPath.values()].sort();
}
