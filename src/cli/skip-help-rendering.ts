// A global middleware of the yargs command line (yargs-cli.ts).

/** What of yargs' internal methods skipHelpRendering reaches (yargs is pinned in package-lock). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } };
}

/**
 * yargs renders the command's whole help text before running its handler (31-60 ms of every run),
 * kept for a failure it would print it with; lazify's fail handler prints one line instead, so
 * this middleware switches that rendering off. Where yargs' internals differ, yargs is left as it is
 * (test/cli/skip-help-rendering.test.ts then fails).
 */
export function skipHelpRendering(_args: unknown, cli?: unknown): void {
  // yargs passes itself to a middleware; its types do not say so.
  const usage = (cli as YargsInternals | undefined)?.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
