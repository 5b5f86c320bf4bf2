/**
 * A command line the CLI cannot run (a number that is not one, an option without its value):
 * one line on stderr and exit code 2, before any work, like yargs' own usage errors.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
