// The export-star golden cases run: each mini project before and after `git apply
// expected.patch` gives the same export names in the same order, to require and to an ES
// module importer, the same values, and requiring it loads fewer of its files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/copy-fixture.js';
import { multiFileCases } from './multi-file-cases.js';

/** Export names (require, then import), what each is, and the project's files loaded by require. */
const PROBE = `
  const dir = process.cwd() + '/';
  const api = require('./lib/index.js');
  const loaded = Object.keys(require.cache).filter((f) => f.startsWith(dir) && !f.includes('/node_modules/')).length;
  const values = Object.entries(api).map(([k, v]) => [k, typeof v === 'function' ? v.name : v]);
  import(dir + 'lib/index.js').then((ns) => process.stdout.write(JSON.stringify({ names: Object.keys(api), esm: Object.keys(ns), values, loaded })));
`;

function probe(dir: string): { names: string[]; esm: string[]; values: unknown[]; loaded: number } {
  const run = spawnSync(process.execPath, ['-e', PROBE], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

for (const c of multiFileCases(join(repoRoot, 'transforms/registry-to-manifest')).filter((c) => c.name.startsWith('export-star-'))) {
  test(`registry-to-manifest: ${c.name}: the same exports before and after the patch, fewer files loaded at require`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'lazify-export-star-'));
    try {
      cpSync(c.before, dir, { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const before = probe(dir);
      const applied = spawnSync('git', ['apply', c.patchPath], { cwd: dir, encoding: 'utf8' });
      assert.equal(applied.status, 0, applied.stderr);
      const after = probe(dir);
      assert.ok(before.names.length >= 5, before.names.join(', '));
      assert.deepEqual({ ...after, loaded: 0 }, { ...before, loaded: 0 });
      assert.ok(after.loaded < before.loaded, `${after.loaded} of ${before.loaded} files loaded at require`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
