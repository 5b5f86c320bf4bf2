import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';

/** Writes a patch file (the project itself is not touched); returns its absolute path. */
export function writePatch(path: string, diff: string): string {
  const absolute = resolve(path);
  try {
    writeFileSync(absolute, diff);
  } catch (error) {
    throw new LazifyError('write-failed', `could not write the patch to ${absolute}: ${(error as Error).message}`, absolute);
  }
  return absolute;
}
