import { isLazifyError } from '../api/errors.js';
import { UsageError } from './usage-error.js';

/**
 * Known errors (and yargs usage errors) become one line on stderr with exit code 2;
 * anything else is a bug and keeps its stack.
 */
export function handleError(error: unknown): never {
  if (typeof error === 'string') {
    process.stderr.write(`lazify: ${error}\n`);
    process.exit(2);
  }
  if (isLazifyError(error)) {
    process.stderr.write(`lazify: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof UsageError || (error instanceof Error && error.name === 'YError')) {
    process.stderr.write(`lazify: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
