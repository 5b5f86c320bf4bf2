// The TypeScript a project builds with, for the checks whose answer depends on the compiler's
// version: a rewrite is type-checked as the project's own `tsc` would check it. The copy lazify
// parses with (ts-morph's) is TypeScript 6, whose defaults differ from 5's where a project's
// tsconfig is silent: `types` is `[]` (5 included every visible `@types` package, so `require`
// had its Node types), `strict` is on, `module` is `esnext`. Checked with 6, a rewrite of a
// project built with 5 got type errors its compiler would never report, and was refused.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as CacheDirectory from './cache-directory.cjs';
import type * as CodeCache from './code-cache.cjs';
import { ts } from './typescript.cjs';

/** A TypeScript compiler API and where it came from. */
export interface ProjectCompiler {
  ts: typeof ts;
  version: string;
  /** True when it is the project's own `typescript` package, false for lazify's copy. */
  own: boolean;
}

/**
 * Majors of a project's own `typescript` that are used: those whose JavaScript compiler API the
 * checks are written and tested against (TypeScript 7 is the native compiler; a project on 4.x
 * is checked with lazify's copy).
 */
const USABLE_MAJORS = new Set([5, 6]);

/**
 * The `typescript` package the project at `root` resolves (as its build would, from its own
 * folder up), when its major is one the checks can drive; else lazify's copy. A project whose
 * compiler is missing or unusable is checked with lazify's copy, TypeScript 6.
 */
export function projectCompiler(root: string): ProjectCompiler {
  const bundled: ProjectCompiler = { ts, version: ts.version, own: false };
  const requireFromRoot = createRequire(join(root, 'package.json'));
  let main: string;
  try {
    main = requireFromRoot.resolve('typescript');
  } catch {
    return bundled;
  }
  const version = packageVersionAbove(main);
  if (!version || !USABLE_MAJORS.has(Number(version.split('.')[0]))) return bundled;
  const requireHere = createRequire(import.meta.url);
  const { compiledCodeCacheDir } = requireHere('./cache-directory.cjs') as typeof CacheDirectory;
  const { compileWithCodeCache } = requireHere('./code-cache.cjs') as typeof CodeCache;
  compileWithCodeCache(main, compiledCodeCacheDir(process.env));
  try {
    const own = requireFromRoot(main) as typeof ts;
    return typeof own.createProgram === 'function' && own.version === version ? { ts: own, version, own: true } : bundled;
  } catch {
    return bundled;
  }
}

/** The version in the package.json of the `typescript` package that holds `file`. */
function packageVersionAbove(file: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    let manifest: { name?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      continue;
    }
    if (manifest.name === 'typescript') return typeof manifest.version === 'string' ? manifest.version : undefined;
  }
  return undefined;
}
