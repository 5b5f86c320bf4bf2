// Temp copies of an installed npm package as a project of its own, for apply() to rewrite: the
// package's files (its nested node_modules left out) and a node_modules of links to the
// repository's packages, overridden by the package's own nested ones, so every require resolves
// to the same files as in place. Shared by the hot-path benchmark and the real-package tests.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies `node_modules/<name>` of `repoRoot` to a fresh temp dir; returns the copy's path. */
export function copyInstalledPackage(repoRoot: string, name: string, label = name): string {
  const source = join(repoRoot, 'node_modules', name);
  if (!existsSync(join(source, 'package.json'))) throw new Error(`${name} is not installed in ${repoRoot}/node_modules`);
  const dir = mkdtempSync(join(tmpdir(), `lazify-${label.replace(/\W+/g, '-')}-`));
  cpSync(source, dir, { recursive: true, filter: (src) => !src.slice(source.length).split(/[\\/]/).includes('node_modules') });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const from of [join(repoRoot, 'node_modules'), join(source, 'node_modules')]) {
    if (!existsSync(from)) continue;
    for (const entry of readdirSync(from)) {
      if (entry.startsWith('.')) continue;
      const inner = entry.startsWith('@') ? readdirSync(join(from, entry)).map((scoped) => `${entry}/${scoped}`) : [entry];
      if (entry.startsWith('@')) mkdirSync(join(modules, entry), { recursive: true });
      for (const linked of inner) {
        rmSync(join(modules, linked), { force: true, recursive: true });
        symlinkSync(join(from, linked), join(modules, linked));
      }
    }
  }
  // The package itself resolves to the copy, never to the installed original.
  const own = (JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { name?: string }).name ?? name;
  rmSync(join(modules, own), { force: true, recursive: true });
  return dir;
}

export function removePackageCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
