import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';

/** The fields of package.json lazify reads. */
export interface PackageJson {
  name?: string;
  version?: string;
  type?: string;
  main?: string;
  module?: string;
  /** Node's `exports` field: a string, a conditions object, a subpath map or an array of those. */
  exports?: unknown;
  [key: string]: unknown;
}

/**
 * Reads `dir/package.json`. A missing or unreadable one is a user error: lazify needs it
 * to find the entry and the module format.
 */
export function readPackageJson(dir: string): PackageJson {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) {
    throw new LazifyError('no-package-json', `no package.json in ${dir}: run lazify on a package directory`, file);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LazifyError(
      'bad-package-json',
      `${file} is not valid JSON (${(error as Error).message.split('\n')[0]})`,
      file,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new LazifyError('bad-package-json', `${file} must contain a JSON object`, file);
  }
  return parsed as PackageJson;
}
