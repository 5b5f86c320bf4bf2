// `lazify --help`, `lazify <command> --help` and `lazify --version` answered without yargs:
// loading yargs and its dependencies (cliui, y18n, string-width ...) is most of what a bare
// start-up of the CLI costs, and a tool about lazy imports should start as fast as node does.
// The help texts are yargs' own output, stored by `npm run help-text` (src/cli/help-text.ts);
// test/cli/help-text.e2e.test.ts fails when one differs from what yargs prints now.
import { HELP_TEXT } from './help-text.js';
import { ownVersion } from './own-version.js';

/** What decides whether yargs would print exactly the stored text. */
export interface AnswerContext {
  /** The process's environment (locale, YARGS_DISABLE_WRAP). */
  env: Readonly<Record<string, string | undefined>>;
  /** `process.stdout.columns`: set when stdout is a terminal (yargs wraps to it, at most 80). */
  columns: number | undefined;
}

/** The locale yargs would pick (its own lookup, yargs-factory.js kGuessLocale). */
function yargsLocale(env: AnswerContext['env']): string {
  return (env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || 'en_US').replace(/[.:].*/, '');
}

/**
 * The text yargs would print for `args` (process.argv without node and the script), when it
 * is a stored one: `--help` / `-h` alone or after one command, or `--version` alone. Undefined
 * for anything else, and whenever yargs would word or wrap the text differently: another
 * language than English, a terminal narrower than the 80 columns it was stored at, or
 * YARGS_DISABLE_WRAP. Each answer exits with code 0, as yargs does.
 */
export function storedAnswer(args: readonly string[], context: AnswerContext): string | undefined {
  if (args.length === 1 && args[0] === '--version') return `${ownVersion()}\n`;
  const help = args.at(-1) === '--help' || args.at(-1) === '-h';
  if (!help || args.length > 2) return undefined;
  const locale = yargsLocale(context.env);
  if (!(locale === 'C' || locale === 'POSIX' || locale === 'en' || locale.startsWith('en_'))) return undefined;
  if (context.columns !== undefined && context.columns < 80) return undefined;
  if (context.env.YARGS_DISABLE_WRAP) return undefined;
  const command = args.length === 2 ? args[0]! : '';
  return Object.hasOwn(HELP_TEXT, command) ? HELP_TEXT[command] : undefined;
}
