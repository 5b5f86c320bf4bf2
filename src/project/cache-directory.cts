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
