// The last analysis of each project, kept between runs in the user's cache directory (never in
// the project), with every path the analysis looked up and what the file system said of it then.
// `lazify analyze` run again on a project nobody touched, or `why`, `plan` and `apply` after
// `analyze`, answer from it without parsing a module (analyze and why without loading TypeScript).
//
// A kept analysis is used only while every one of those paths stats as it did: same size,
// modification and change times and inode for a file or directory (a directory's times move
// when an entry is added, removed or renamed), still missing for one that was missing, the same
// target for a symlink. Files changed in the two seconds before the analysis started are not
// trusted to show a later change in their times (git's "racy" entries): such an analysis does not
// answer a later run. Another lazify build, another Node, another working directory or entry is
// another key. When the project has changed, the next analysis still reuses what the kept one read
// of each module whose text is unchanged (./module-reuse.ts).
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirFromEnvironment } from '../project/cache-directory.cjs';
import { finishAnalysis, whyFromGraph, type StaticAnalysis } from './finish-analysis.js';
import type { KeptEntryFiles, KeptInstalledFiles, KeptModules, PreviousAnalysis, Reusable } from './module-reuse.js';
import { recordFileReads } from '../project/record-file-reads.js';
import type { AnalysisResult, AnalyzeOptions, WhyOptions, WhyResult } from './results.js';

/** What one path stat'ed as: undefined when missing; a symlink adds its target's stamp (or null when dangling). */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number, target?: Stamp | null];

interface KeptFile {
  format: typeof FORMAT;
  /** lazify's code and Node, see {@link lazifyIdentity}. */
  identity: string;
  /** Each looked-up path with its stamp, `null` for a path that did not exist. */
  paths: Array<[path: string, stamp: Stamp | null]>;
  /**
   * The paths that changed too close to the analysis for their stamps to tell a later change:
   * with any, the analysis answers no run (what it read of modules and installed files is still reused).
   */
  racy: string[];
  analysis: StaticAnalysis;
  modules: KeptModules;
  installedFiles: KeptInstalledFiles;
  entryFiles: KeptEntryFiles;
  /** The files read for the facts of files the entry does not load (src/facts/unreached-files.ts), when read. */
  unreachedRead?: string[];
  /**
   * The entries of each directory holding a module, as {@link listingOf} reads them: an editor
   * that saves by writing a new file and renaming it over the old one changes the directory's
   * times but not its entries.
   */
  listings: Record<string, string>;
}

const FORMAT = 6;
const RACY_MS = 2_000;

/** lazify's cache directory for `cacheDir` as the pipeline takes it (false: none). */
function cacheRoot(cacheDir: string | false | undefined): string | undefined {
  return cacheDir === false ? undefined : (cacheDir ?? cacheDirFromEnvironment(process.env));
}

function analysesDir(cacheDir: string | false | undefined): string | undefined {
  const root = cacheRoot(cacheDir);
  return root === undefined ? undefined : join(root, 'analyses');
}

/**
 * Runs the static stages (`analyse`) of the project in `dir`, recording what they look up, and
 * keeps what they found for the next run with the same options. `analyse` is given the kept
 * analysis of the project, if any, to reuse what is unchanged. With no cache directory it only
 * runs them.
 */
export function analyseAndKeep(
  dir: string,
  options: Pick<AnalyzeOptions, 'entry' | 'cacheDir'>,
  analyse: (previous: PreviousAnalysis | undefined) => { analysis: StaticAnalysis; reusable: () => Reusable },
): StaticAnalysis {
  const cache = cacheRoot(options.cacheDir);
  if (cache === undefined) return analyse(undefined).analysis;
  const root = resolve(dir);
  const kept = join(cache, 'analyses');
  const previous = readKeptFile(kept, root, options.entry);
  const startedAt = Date.now();
  // Its stamps are kept for those paths: taken before the analysis reads them, a later change still shows.
  const stamps = previous && onlyModulesChanged(previous);
  const reused: PreviousAnalysis | undefined = previous && {
    analysis: previous.analysis,
    modules: previous.modules,
    installedFiles: stamps ? previous.installedFiles : undefined,
    entryFiles: stamps ? previous.entryFiles : undefined,
    // Those files are no module: with only modules' texts changed, they are as they were read.
    unreachedRead: stamps ? previous.unreachedRead : undefined,
  };
  // What the run reads of lazify's own cache (the kept scans) is not the project's: left out. Only
  // that folder, so a project inside the cache directory is still recorded.
  const { value, paths } = recordFileReads(() => analyse(reused), join(cache, 'installed-files'));
  // What this run took from the kept analysis of installed files and of the files the entry does
  // not load was looked up by that one: its paths stay watched (they stat as they did,
  // onlyModulesChanged saw to it).
  if (reused?.installedFiles || reused?.unreachedRead) for (const [path] of previous!.paths) paths.add(path);
  keepAnalysis(kept, root, options.entry, value.analysis, value.reusable(), paths, startedAt, stamps || undefined);
  return value.analysis;
}

/**
 * Whether, of what the kept analysis looked up, only the texts of its modules can have changed:
 * every other path stats the same (no directory gained or lost an entry, no package.json,
 * tsconfig or installed file changed), and each changed path is a module's file, still a plain
 * file. Then whatever was resolved from installed files resolves the same, and so does a package
 * specifier from a module's directory. If so, the stamp of each of those paths now; else false.
 */
function onlyModulesChanged(kept: KeptFile): Map<string, Stamp | undefined> | false {
  const moduleFiles = new Set<string>();
  for (const node of Object.values(kept.analysis.graph.modules)) if (node.kind === 'local' && node.file) moduleFiles.add(node.file);
  const racy = new Set(kept.racy);
  const stamps = new Map<string, Stamp | undefined>();
  for (const entry of kept.paths) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return false;
    const [path, then] = entry;
    const now = stampOf(path);
    stamps.set(path, now);
    if (!racy.has(path) && sameStamp(now, then)) continue;
    // A directory of modules may have new times for the same entries (a module saved by rename).
    if (!racy.has(path) && kept.listings[path] !== undefined && kept.listings[path] === listingOf(path)) continue;
    // A module's text may change; a module that became a symlink or went missing may not.
    if (!moduleFiles.has(path) || !now || now.length > 4 || !Array.isArray(then) || then.length > 4) return false;
  }
  return stamps;
}

/** The directories holding `analysis`'s modules, each with its entries (see {@link listingOf}). */
function moduleListings(analysis: StaticAnalysis): Record<string, string> {
  const listings: Record<string, string> = {};
  for (const node of Object.values(analysis.graph.modules)) {
    if (node.kind !== 'local' || !node.file) continue;
    const dir = dirname(node.file);
    if (listings[dir] !== undefined) continue;
    const listing = listingOf(dir);
    if (listing !== undefined) listings[dir] = listing;
  }
  return listings;
}

/** A directory's entries with their types, sorted, as one string; undefined when it cannot be listed. */
function listingOf(dir: string): string | undefined {
  try {
    const entries = readdirSync(dir, { withFileTypes: true }).map((entry) => `${entry.isFile() ? 'f' : entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : 'o'}${entry.name}`);
    return entries.sort().join('\0');
  } catch {
    return undefined;
  }
}

/** The last file read by {@link readKeptFile}: a run that reads it to answer and then analyses reads it once. */
let lastRead: { path: string; file: KeptFile | undefined } | undefined;

/** The kept file of the project at `root` from `entry` when it was made by this lazify, fresh or not. */
function readKeptFile(dir: string, root: string, entry: string | undefined): KeptFile | undefined {
  const path = keptPath(dir, root, entry);
  if (lastRead?.path === path) {
    const { file } = lastRead;
    lastRead = undefined;
    return file;
  }
  let kept: Partial<KeptFile>;
  try {
    kept = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeptFile>;
  } catch {
    return undefined; // none yet, or unreadable: analyse
  }
  const valid =
    kept.format === FORMAT &&
    kept.identity === lazifyIdentity() &&
    Array.isArray(kept.paths) &&
    Array.isArray(kept.racy) &&
    kept.analysis &&
    kept.modules &&
    Array.isArray(kept.installedFiles) &&
    Array.isArray(kept.entryFiles) &&
    kept.listings &&
    typeof kept.listings === 'object';
  return valid ? (kept as KeptFile) : undefined;
}

/** The kept file of the project at `root` from `entry`, and its analysis when nothing it looked up has changed since. */
function readKeptAnalysis(dir: string | undefined, root: string, entry: string | undefined): { analysis?: StaticAnalysis; file?: KeptFile } {
  const file = dir === undefined ? undefined : readKeptFile(dir, root, entry);
  return { file, analysis: file && file.racy.length === 0 && unchanged(file.paths) ? file.analysis : undefined };
}

function unchanged(paths: KeptFile['paths']): boolean {
  for (const entryOfPaths of paths) {
    if (!Array.isArray(entryOfPaths) || typeof entryOfPaths[0] !== 'string') return false;
    if (!sameStamp(stampOf(entryOfPaths[0]), entryOfPaths[1])) return false;
  }
  return true;
}

/**
 * Keeps `analysis` of `root`, what the next analysis may reuse of it, and the stamps of `paths`
 * (what it looked up), telling those that changed too close to `startedAt` to be trusted. A path
 * in `stampedBefore` keeps the stamp it had there, taken before the analysis read it.
 * Nothing is an error: a cache that cannot be written means the next run analyses again.
 */
function keepAnalysis(
  dir: string,
  root: string,
  entry: string | undefined,
  analysis: StaticAnalysis,
  reusable: Reusable,
  paths: Iterable<string>,
  startedAt: number,
  stampedBefore?: Map<string, Stamp | undefined>,
): void {
  const stamped: KeptFile['paths'] = [];
  const racy: string[] = [];
  for (const path of paths) {
    const stamp = (stampedBefore?.has(path) ? stampedBefore.get(path) : stampOf(path)) ?? null;
    if (stamp && isRacy(stamp, startedAt)) racy.push(path);
    stamped.push([path, stamp]);
  }
  const file: KeptFile = { format: FORMAT, identity: lazifyIdentity(), paths: stamped, racy, analysis, ...reusable, listings: moduleListings(analysis) };
  const path = keptPath(dir, root, entry);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, JSON.stringify(file));
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function keptPath(dir: string, root: string, entry: string | undefined): string {
  const key = createHash('sha256').update(JSON.stringify([resolve(root), entry ?? null, process.cwd()])).digest('hex').slice(0, 32);
  return join(dir, `${key}.json`);
}

function stampOf(path: string): Stamp | undefined {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // not reachable (a file where a directory should be): as missing
  }
  if (!stats) return undefined;
  const stamp: Stamp = [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
  if (stats.isSymbolicLink()) {
    let target: Stats | undefined;
    try {
      target = statSync(path, { throwIfNoEntry: false });
    } catch {
      target = undefined;
    }
    stamp.push(target ? [target.size, target.mtimeMs, target.ctimeMs, target.ino] : null);
  }
  return stamp;
}

function sameStamp(now: Stamp | undefined, then: unknown): boolean {
  if (now === undefined) return then === null;
  return JSON.stringify(now) === JSON.stringify(then);
}

function isRacy(stamp: Stamp, startedAt: number): boolean {
  if (Math.max(stamp[1], stamp[2]) > startedAt - RACY_MS) return true;
  const target = stamp[4];
  return Boolean(target && isRacy(target, startedAt));
}

let identity: string | undefined;

/**
 * What the kept analyses of this lazify depend on besides the project: its own code (every
 * script of its `src/` tree, by stamp: the built JavaScript, or the TypeScript sources tsx runs;
 * not the source maps and declarations beside them, which run nothing), the packages the
 * analysis runs on (TypeScript, enhanced-resolve, by their package.json) and Node's version (its
 * list of built-in modules).
 */
function lazifyIdentity(): string {
  if (identity) return identity;
  const hash = createHash('sha256').update(process.version);
  const sourceRoot = dirname(dirname(fileURLToPath(import.meta.url)));
  const files = readdirSync(sourceRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  const require = createRequire(import.meta.url);
  for (const dependency of ['@ts-morph/common/package.json', 'enhanced-resolve/package.json']) files.push(require.resolve(dependency));
  for (const file of files) hash.update(`${file}\0${JSON.stringify(stampOf(file) ?? null)}\0`);
  identity = hash.digest('hex');
  return identity;
}

/**
 * The result {@link analyze} would give now, from the kept analysis of the project in `dir`, or
 * undefined when there is none or something it read has changed (then analyse). Loads no parser.
 */
export function keptAnalysis(dir: string, options: Pick<AnalyzeOptions, 'entry' | 'suppressions' | 'cacheDir'> = {}): AnalysisResult | undefined {
  const analyses = analysesDir(options.cacheDir);
  const { analysis, file } = readKeptAnalysis(analyses, resolve(dir), options.entry);
  if (analysis) return finishAnalysis(analysis, options);
  // The analysis that follows reuses the modules of the stale one.
  if (analyses !== undefined) lastRead = { path: keptPath(analyses, resolve(dir), options.entry), file };
  return undefined;
}

/** The answer {@link why} would give now, from the graph of the project's kept analysis, or undefined (then build the graph). */
export function keptWhy(module: string, dir: string, options: WhyOptions = {}): WhyResult | undefined {
  const { analysis } = readKeptAnalysis(analysesDir(options.cacheDir), resolve(dir), options.entry);
  return analysis && whyFromGraph(module, analysis.root, analysis.graph, analysis.projectDiagnostics, options);
}
