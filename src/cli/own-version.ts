import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * lazify's own version, from its own package.json: the nearest one above this file (the
 * package root, whether running from dist/src/cli or src/cli). yargs' default would read the
 * package.json nearest the working directory, which is the host project's.
 */
export function ownVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      // no package.json here (or not JSON): keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
