// Where lazify keeps what it keeps between runs (kept analyses, scans of installed files,
// TypeScript's compiled code). CommonJS, so that src/project/typescript.cts can ask it before
// requiring TypeScript.
import os = require('node:os');
import path = require('node:path');

/**
 * The cache directory: `LAZIFY_CACHE_DIR`, else `$XDG_CACHE_HOME/lazify`, else
 * `~/.cache/lazify`; none when `LAZIFY_DISABLE_CACHE` is set (to anything but `0` or empty).
 */
export function cacheDirFromEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  if (env.LAZIFY_DISABLE_CACHE && env.LAZIFY_DISABLE_CACHE !== '0') return undefined;
  if (env.LAZIFY_CACHE_DIR) return env.LAZIFY_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'lazify');
}

/** The choice of the first caller that named a cache directory (false: none) before TypeScript loaded. */
let chosenForCompiledCode: { dir: string | undefined } | undefined;

/**
 * Keeps TypeScript's compiled code in `cacheDir` (false: nowhere) rather than where the
 * environment says, when TypeScript has not loaded yet: an API call's `cacheDir` then covers the
 * compiled code too, as the CLI's `--no-cache` does. Undefined changes nothing; once TypeScript has
 * loaded, nothing does.
 */
export function keepCompiledCodeIn(cacheDir: string | false | undefined): void {
  if (cacheDir !== undefined) chosenForCompiledCode ??= { dir: cacheDir === false ? undefined : cacheDir };
}

/** Where TypeScript's compiled code is kept: the API caller's choice ({@link keepCompiledCodeIn}), else the environment's cache directory. */
export function compiledCodeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  return chosenForCompiledCode ? chosenForCompiledCode.dir : cacheDirFromEnvironment(env);
}
