import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as godModule from '../../transforms/god-module-to-focused-modules/index.js';
import { writeChanges } from '../../src/edits/write-files.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { defineTransformCases } from './transform-cases.js';
import { multiFileCases, runMultiFileCase } from './multi-file-cases.js';

const folder = join(repoRoot, 'transforms/god-module-to-focused-modules');

defineTransformCases(folder, godModule);

for (const c of multiFileCases(folder)) {
  test(`god-module-to-focused-modules: ${c.name} produces expected.patch`, () => {
    const { patch } = runMultiFileCase('god-module-to-focused-modules', c);
    assert.equal(patch, readFileSync(c.patchPath, 'utf8'), 'run `npm run golden` and review the diff');
  });

  test(`god-module-to-focused-modules: ${c.name} applied twice changes nothing the second time`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lazify-split-'));
    try {
      cpSync(c.before, dir, { recursive: true });
      await writeChanges(dir, runMultiFileCase('god-module-to-focused-modules', c, dir).changes);
      assert.deepEqual(runMultiFileCase('god-module-to-focused-modules', c, dir).changes, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('god-module-to-focused-modules: a case folder exists for every multi-file scenario', () => {
  assert.ok(multiFileCases(folder).length >= 1);
});
