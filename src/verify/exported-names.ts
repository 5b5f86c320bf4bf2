import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';

/**
 * The runtime entry Node loads for the package in `root`: package.json `exports['.']`
 * (import, then require, then default condition), else `main`, else index.js.
 */
export function runtimeEntry(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports?: unknown; main?: string };
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if ('.' in v) return pick(v['.']);
      return pick(v.import) ?? pick(v.require) ?? pick(v.node) ?? pick(v.default);
    }
    return undefined;
  };
  const entry = pick(pkg.exports) ?? pkg.main ?? 'index.js';
  const candidates = [entry, `${entry}.js`, join(entry, 'index.js')];
  const found = candidates.find((c) => existsSync(join(root, c)) && !c.endsWith('/'));
  return join(root, found ?? entry);
}

// Loaded in a fresh Node so the names reflect the files on disk now, not a module cache.
const listNames = `
const file = process.argv[1];
const load = file.endsWith('.mjs') || (!file.endsWith('.cjs') && process.argv[2] === 'module')
  ? import(require('node:url').pathToFileURL(file).href)
  : Promise.resolve(require(file));
load.then((m) => process.stdout.write(JSON.stringify(Object.keys(m).sort())), (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

/** Export names of the package's runtime entry, read by loading it in a child process. */
export function exportedNames(root: string): string[] {
  const entry = runtimeEntry(root);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { type?: string };
  const result = spawnSync(process.execPath, ['-e', listNames, entry, pkg.type ?? 'commonjs'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new LazifyError('entry-load-failed', `could not load ${entry} to list its exports: ${(result.stderr ?? '').split('\n')[0]}`, entry);
  }
  return JSON.parse(result.stdout) as string[];
}

/** Names present before but not after, and the other way round. */
export function compareExports(before: string[], after: string[]): { missing: string[]; added: string[] } {
  return { missing: before.filter((n) => !after.includes(n)), added: after.filter((n) => !before.includes(n)) };
}
