import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ts } from 'ts-morph';

/** Output extension -> the source extensions tsc compiles to it, most likely first. */
const SOURCE_EXTENSIONS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
};

/**
 * Maps a build output file (`dist/index.js`) back to the source tsc compiled it from
 * (`src/index.ts`), using tsconfig `outDir` and `rootDir`: lazify analyses and rewrites
 * sources, not build output. Returns undefined when the file is not under `outDir` or no
 * source exists for it.
 */
export function mapOutputToSource(file: string, options: ts.CompilerOptions, projectDir: string): string | undefined {
  return sourceCandidates(file, options, projectDir).find((candidate) => existsSync(candidate));
}

/** The source files tsc could have compiled `file` from, most likely first (empty when not under outDir). */
export function sourceCandidates(file: string, options: ts.CompilerOptions, projectDir: string): string[] {
  const outDir = options.outDir;
  if (!outDir) return [];
  const rel = relative(outDir, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return [];
  const match = /(\.d)?(\.[cm]?jsx?)$/.exec(rel);
  if (!match || match[1]) return [];
  const stem = rel.slice(0, -match[2].length);
  // Without an explicit rootDir tsc uses the common source dir; `src` is the usual one, then the project.
  const rootDirs = options.rootDir ? [options.rootDir] : [join(projectDir, 'src'), projectDir];
  return rootDirs.flatMap((rootDir) => (SOURCE_EXTENSIONS[match[2]] ?? []).map((ext) => join(rootDir, stem + ext)));
}

/** Folders bundlers write to by default (tsup, tsdown, rollup, esbuild scripts, unbuild). */
const OUTPUT_DIRS = new Set(['dist', 'build', 'out']);
const BUNDLERS = ['tsup', 'tsdown', 'rollup', 'esbuild', 'unbuild', 'vite', 'rolldown', 'webpack', 'parcel'];

/** What {@link mapBundleToSource} found out about an entry that is build output. */
export type BundleMapping =
  | { kind: 'mapped'; source: string; map: string }
  | { kind: 'unmapped'; bundler?: string; likelySource?: string };

/**
 * An entry that a bundler built without a tsconfig `outDir` (tsup and tsdown need none): maps it
 * back through its source map (`dist/index.js.map`, or the file's `sourceMappingURL`) to the
 * source of the same name among the map's sources (a bundle lists every file it inlined), or to
 * the only project source it lists. Undefined when the entry does not look like build output
 * (not under dist/, build/ or out/); `unmapped` when it does but no source map leads back.
 */
export function mapBundleToSource(file: string, root: string, devDependencies: Record<string, unknown> = {}): BundleMapping | undefined {
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel) || !OUTPUT_DIRS.has(rel.split(/[\\/]/)[0]!)) return undefined;
  const bundler = BUNDLERS.find((name) => name in devDependencies);
  const stem = basename(file).replace(/\.[cm]?jsx?$/, '');
  const likelySource = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs']
    .map((ext) => join(root, 'src', stem + ext))
    .find((candidate) => existsSync(candidate));
  const map = readSourceMap(file);
  if (!map) return { kind: 'unmapped', bundler, likelySource };
  const sources = map.sources
    .map((source) => resolve(dirname(map.path), map.sourceRoot ?? '', source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^file:\/\//, '')))
    .filter((source) => {
      const inside = relative(root, source);
      return !inside.startsWith('..') && !isAbsolute(inside) && !inside.split(/[\\/]/).includes('node_modules') && existsSync(source);
    });
  const sameName = sources.find((source) => basename(source).replace(/\.[cm]?[jt]sx?$/, '') === stem);
  const source = sameName ?? (sources.length === 1 ? sources[0] : undefined);
  return source ? { kind: 'mapped', source, map: map.path } : { kind: 'unmapped', bundler, likelySource };
}

/** The source map of a built file: `<file>.map`, or the file named by its last `sourceMappingURL` comment. */
function readSourceMap(file: string): { path: string; sources: string[]; sourceRoot?: string } | undefined {
  const candidates = [`${file}.map`];
  try {
    const text = readFileSync(file, 'utf8');
    const url = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(text.slice(-4096))?.[1];
    if (url?.startsWith('data:')) {
      const payload = url.slice(url.indexOf(',') + 1);
      const json = /;base64,/.test(url) ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
      return parseMap(file, json);
    }
    if (url) candidates.unshift(resolve(dirname(file), decodeURIComponent(url)));
  } catch {
    // An unreadable entry has no map; the caller reports the entry as it is.
  }
  for (const candidate of candidates) {
    try {
      return parseMap(candidate, readFileSync(candidate, 'utf8'));
    } catch {
      // Not there or not JSON: try the next.
    }
  }
  return undefined;
}

function parseMap(path: string, json: string): { path: string; sources: string[]; sourceRoot?: string } | undefined {
  const parsed = JSON.parse(json) as { sources?: unknown; sourceRoot?: unknown };
  if (!Array.isArray(parsed.sources)) return undefined;
  return { path, sources: parsed.sources.filter((s): s is string => typeof s === 'string'), ...(typeof parsed.sourceRoot === 'string' ? { sourceRoot: parsed.sourceRoot } : {}) };
}
