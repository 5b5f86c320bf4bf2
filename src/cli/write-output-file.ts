import { writeFileSync } from 'node:fs';
import { LazifyError } from '../api/errors.js';

/**
 * Writes a file the user named on the command line (a baseline, a report): a file of their
 * choosing, not a project file, so the CLI writes it. A path that cannot be written is one
 * line naming it, exit code 2.
 */
export function writeOutputFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new LazifyError('cannot-write-output', `${file}: cannot write it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, file);
  }
}
