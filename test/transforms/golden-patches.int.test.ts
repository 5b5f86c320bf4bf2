// Every golden patch of the lazy-loading transforms is code a project can merge: the case's
// mini project typechecks before, `git apply expected.patch` applies cleanly, and it still
// typechecks after (the god-module split checks its own cases the same way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/copy-fixture.js';
import { multiFileCases } from './multi-file-cases.js';

const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

for (const transform of ['defer-eager-init', 'defer-heavy-import', 'registry-to-manifest']) {
  for (const c of multiFileCases(join(repoRoot, 'transforms', transform))) {
    test(`${transform}: ${c.name}: typechecks before and after \`git apply expected.patch\``, () => {
      const dir = mkdtempSync(join(tmpdir(), 'lazify-golden-'));
      try {
        cpSync(c.before, dir, { recursive: true });
        symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
        const check = () => spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
        const before = check();
        assert.equal(before.status, 0, before.stdout + before.stderr);
        const applied = spawnSync('git', ['apply', '--verbose', c.patchPath], { cwd: dir, encoding: 'utf8' });
        assert.equal(applied.status, 0, applied.stderr);
        const after = check();
        assert.equal(after.status, 0, after.stdout + after.stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

test('every lazy-loading transform has at least one golden patch case', () => {
  for (const transform of ['defer-eager-init', 'defer-heavy-import', 'registry-to-manifest']) {
    assert.ok(multiFileCases(join(repoRoot, 'transforms', transform)).length >= 1, transform);
  }
});
