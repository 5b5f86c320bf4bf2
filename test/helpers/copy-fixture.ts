import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, existsSync, writeFileSync } from 'node:fs';
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

/**
 * Removes `engines` from a project copy's package.json: for gateway-esm this takes away the
 * guarantee that Node can `require()` ES modules, so registries load with `import()` instead.
 */
export function dropEngines(dir: string): void {
  const file = join(dir, 'package.json');
  const { engines: _dropped, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify(rest, null, 2)}\n`);
}
