#!/usr/bin/env node
// The lazify command line. Commands only parse argv, call the public API (a slice of it in
// src/api/, loaded with import() inside the command's handler so that start-up, --help and
// --version load none of the pipeline), print what a reporter returns and set the exit code.
// A new command: a module in commands/ whose builder needs only yargs, registered below.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { analyzeCommand } from './commands/analyze.js';
import { whyCommand } from './commands/why.js';
import { importtimeCommand } from './commands/importtime.js';
import { planCommand } from './commands/plan.js';
import { applyCommand } from './commands/apply.js';
import { handleError } from './handle-error.js';
import { ownVersion } from './own-version.js';

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
  .demandCommand(1, 'Name a command: analyze, why, importtime, plan or apply.')
  .strict()
  .version(ownVersion())
  .help()
  .alias('h', 'help')
  .fail((message, error) => handleError(error ?? message))
  .parseAsync();
} catch (error) {
  handleError(error);
}
