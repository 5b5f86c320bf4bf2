// The lazify command line, through yargs. Commands only parse argv, call the public API (a slice
// of it in src/api/, loaded with import() inside the command's handler so that start-up, --help
// and --version load none of the pipeline), print what a reporter returns and set the exit code.
// A new command: a module in commands/ whose builder needs only yargs, registered below (then
// `npm run help-text`, which stores its --help for the bin's answer without yargs).
// The bin (index.ts) loads this module for everything but the plain --help and --version.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { cacheOption, keepNothingUnlessCached } from './cache-option.js';
import { analyzeCommand } from './commands/analyze.js';
import { whyCommand } from './commands/why.js';
import { importtimeCommand } from './commands/importtime.js';
import { planCommand } from './commands/plan.js';
import { applyCommand } from './commands/apply.js';
import { transformsCommand } from './commands/transforms.js';
import { checkCommand } from './commands/check.js';
import { handleError } from './handle-error.js';
import { ownVersion } from './own-version.js';
import { UsageError } from './usage-error.js';
import { skipHelpRendering } from './skip-help-rendering.js';

// With a fail handler, yargs throws a synchronous handler error straight out of
// parseAsync instead of rejecting, so both paths go through one try/catch.
try {
  await yargs(hideBin(process.argv))
    .scriptName('lazify')
    .command(analyzeCommand)
    .command(whyCommand)
    .command(importtimeCommand)
    .command(planCommand)
    .command(applyCommand)
    .command(checkCommand)
    .command(transformsCommand)
    .completion('completion', 'Print a bash/zsh completion script (lazify completion >> ~/.bashrc)')
    .option('color', { type: 'boolean', global: true, describe: 'colour the output (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured)' })
    .option('quiet', { alias: 'q', type: 'boolean', global: true, describe: 'no progress on stderr (it shows only on a terminal, never with CI set)' })
    .option('cache', cacheOption)
    .middleware(keepNothingUnlessCached)
    .middleware(skipHelpRendering)
    .demandCommand(1, 'Name a command: analyze, why, importtime, plan, apply, check or transforms (lazify --help lists them).')
    .recommendCommands()
    .strict()
    .version(ownVersion())
    .help()
    .alias('h', 'help')
    // A yargs message (unknown option, missing value, "Did you mean ...?") or an error a coerce
    // function threw: either way a usage error, one line and exit code 2.
    .fail((message, error) => handleError(error ?? new UsageError(message)))
    .parseAsync();
} catch (error) {
  handleError(error);
}
