import { cpSync, mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the lazify repository. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a fixture, e.g. `fixture('gateway-cjs')` or `fixture('edge/circular')`. */
export function fixture(name: string): string {
  return join(repoRoot, 'fixtures', name);
}

/**
 * Copies a fixture project to a fresh temp dir (tests that write never touch fixtures/),
 * without its build output, and links the repository's node_modules into it so its
 * dependencies and tsc resolve as they do in place. Returns the copy and a cleanup.
 */
export function copyFixture(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `lazify-${name.replace(/\W+/g, '-')}-`));
  cpSync(fixture(name), dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src.slice(fixture(name).length)),
  });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
