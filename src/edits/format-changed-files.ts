// Runs the project's own formatter over the files a plan changed, in memory, before the diff
// is made: a maintainer whose pre-commit hook runs prettier (or biome, dprint) gets a diff that
// hook accepts. Only a formatter the project configures *and* installs is used, only on the
// changed files, and only on files that were clean before: reformatting a file the project
// never formatted would bury lazify's change in unrelated lines.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileChange } from './file-set.js';

/** A formatter lazify knows how to drive: how to find it and how to check and format one file. */
interface FormatterDriver {
  name: 'prettier' | 'biome' | 'dprint';
  configFiles: string[];
  /** package.json key that also configures it. */
  packageKey?: string;
  /** Arguments that exit 0 when the file on disk is formatted. */
  checkArgs(path: string): string[];
  /**
   * Arguments that print, one a line as given, those of the files on disk that are not
   * formatted (exit 0 or 1, nothing on stderr), for drivers that can check many files in one run.
   */
  listUnformattedArgs?(paths: string[]): string[];
  /** Arguments that read the source on stdin and print it formatted for `path`. */
  formatArgs(path: string): string[];
}

const DRIVERS: FormatterDriver[] = [
  {
    name: 'prettier',
    configFiles: ['.prettierrc', '.prettierrc.json', '.prettierrc.yaml', '.prettierrc.yml', '.prettierrc.json5', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.ts', '.prettierrc.toml', 'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts'],
    packageKey: 'prettier',
    checkArgs: (path) => ['--check', path],
    listUnformattedArgs: (paths) => ['--list-different', '--', ...paths],
    formatArgs: (path) => ['--stdin-filepath', path],
  },
  {
    name: 'biome',
    configFiles: ['biome.json', 'biome.jsonc'],
    checkArgs: (path) => ['format', path],
    formatArgs: (path) => ['format', `--stdin-file-path=${path}`],
  },
  {
    name: 'dprint',
    configFiles: ['dprint.json', '.dprint.json', 'dprint.jsonc', '.dprint.jsonc'],
    checkArgs: (path) => ['check', path],
    formatArgs: (path) => ['fmt', '--stdin', path],
  },
];

/** The formatter a project uses: configured at its root and installed in its node_modules. */
export interface ProjectFormatter {
  name: FormatterDriver['name'];
  /** Absolute path of the installed binary. */
  bin: string;
}

/** What formatting the changed files did. */
export interface FormatResult {
  /** The formatter used; undefined when the project has none configured and installed. */
  formatter?: FormatterDriver['name'];
  /** Files formatted after the rewrite (relative paths). */
  formatted: string[];
  /**
   * Files left as lazify printed them, each with why: `not-formatted-before` (info: the
   * formatter's check failed on the file before the rewrite) or `formatter-failed` (warning).
   */
  left: Diagnostic[];
}

/** Finds the project's formatter, if one is both configured and installed. */
export function findProjectFormatter(root: string): ProjectFormatter | undefined {
  let packageJson: Record<string, unknown> = {};
  try {
    packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    // No readable package.json: only config files can name a formatter.
  }
  for (const driver of DRIVERS) {
    const configured = driver.configFiles.some((file) => existsSync(join(root, file))) || (driver.packageKey !== undefined && driver.packageKey in packageJson);
    const bin = join(root, 'node_modules', '.bin', driver.name);
    if (configured && existsSync(bin)) return { name: driver.name, bin };
  }
  return undefined;
}

/**
 * Formats the changed files with the project's formatter. A file that existed is formatted
 * only when the formatter's check passed on it before (on disk: nothing is written yet); a
 * new file always is. Returns the changes with formatted contents, and what was done.
 */
export function formatChangedFiles(root: string, changes: FileChange[], formatter = findProjectFormatter(root)): { changes: FileChange[]; result: FormatResult } {
  const result: FormatResult = { formatter: formatter?.name, formatted: [], left: [] };
  if (!formatter) return { changes, result };
  const driver = DRIVERS.find((d) => d.name === formatter.name)!;
  const run = (args: string[], input?: string) => spawnSync(formatter.bin, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const unformatted = unformattedBefore(driver, run, changes.filter((c) => c.before !== undefined).map((c) => c.path));
  const cleanBefore = (path: string) => {
    if (unformatted) return !unformatted.has(path);
    const check = run(driver.checkArgs(path));
    return !check.error && check.status === 0;
  };
  const out = changes.map((change) => {
    if (change.before !== undefined) {
      if (!cleanBefore(change.path)) {
        result.left.push({ code: 'not-formatted-before', severity: 'info', message: `not ${formatter.name}-clean before`, file: change.path });
        return change;
      }
    }
    const formatted = run(driver.formatArgs(change.path), change.after);
    if (formatted.error || formatted.status !== 0 || formatted.stdout === '') {
      const why = (formatted.error?.message ?? formatted.stderr ?? '').split('\n')[0]!.trim();
      result.left.push({ code: 'formatter-failed', severity: 'warning', message: `${formatter.name} failed${why ? `: ${why}` : ''}`, file: change.path });
      return change;
    }
    result.formatted.push(change.path);
    return { ...change, after: formatted.stdout };
  });
  // Formatting may undo a change entirely (the rewrite only moved whitespace): no longer a change.
  return { changes: out.filter((c) => c.before !== c.after), result };
}

/** Files a run of the formatter checks at most (a command line has a length limit). */
const CHECKED_PER_RUN = 200;

/**
 * The files among `paths` (on disk, before the rewrite) the formatter does not find formatted,
 * checked in one run per {@link CHECKED_PER_RUN} files (a formatter's start is most of what a
 * check of one file costs); undefined when the driver has no such run or a run fails, and each
 * file is then checked alone.
 */
function unformattedBefore(
  driver: FormatterDriver,
  run: (args: string[]) => ReturnType<typeof spawnSync>,
  paths: string[],
): Set<string> | undefined {
  if (!driver.listUnformattedArgs || paths.length < 2) return undefined;
  const unformatted = new Set<string>();
  for (let i = 0; i < paths.length; i += CHECKED_PER_RUN) {
    const listed = run(driver.listUnformattedArgs(paths.slice(i, i + CHECKED_PER_RUN)));
    // An error about one file (no parser for it) may still exit 0: then each file is checked alone.
    if (listed.error || (listed.status !== 0 && listed.status !== 1) || String(listed.stderr).trim() !== '') return undefined;
    for (const line of String(listed.stdout).split(/\r?\n/)) if (line) unformatted.add(line.replaceAll('\\', '/'));
  }
  return unformatted;
}
