import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
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
