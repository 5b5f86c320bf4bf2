// `--no-cache`: a run that neither reads nor keeps what earlier analyses found (the project's last
// analysis, and what they read of installed files), nor TypeScript's compiled code.

/** The global `--cache` option (on by default, so yargs also takes `--no-cache`). */
export const cacheOption = {
  type: 'boolean',
  global: true,
  describe: 'keep the analysis, and what is read of installed packages, for the next run (used while nothing it read has changed), in LAZIFY_CACHE_DIR or ~/.cache/lazify (--no-cache: read everything, keep nothing)',
} as const;

/**
 * `--no-cache` also for what is kept before a command's options reach the pipeline (TypeScript's
 * compiled code, kept as TypeScript loads): the run is one with `LAZIFY_DISABLE_CACHE=1`.
 */
export function keepNothingUnlessCached(args: { cache?: boolean }): void {
  if (args.cache === false) process.env.LAZIFY_DISABLE_CACHE = '1';
}

/** The `cacheDir` the pipeline takes for a command's `--cache` flag: false for `--no-cache`, else the environment's. */
export function cacheDirOf(args: { cache?: boolean }): false | undefined {
  return args.cache === false ? false : undefined;
}
