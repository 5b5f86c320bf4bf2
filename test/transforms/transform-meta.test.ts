// Like typescript-eslint's rule meta-test: every transform is registered under its folder's
// name, documents itself, and has fixture cases and a test file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transforms } from '../../transforms/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const folders = readdirSync(join(repoRoot, 'transforms'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'transforms', d.name, 'index.ts')))
  .map((d) => d.name);

test('every transform folder is registered under its own name, and only those', () => {
  assert.deepEqual(Object.keys(transforms).sort(), [...folders].sort());
  for (const [name, module] of Object.entries(transforms)) {
    assert.equal(module.meta.name, name);
    assert.ok(module.meta.description.length > 20, `${name}: describe what it does`);
    assert.match(name, /^[a-z]+(-[a-z]+)*-to-[a-z]+(-[a-z]+)*$|^defer-[a-z-]+$/, `${name}: <old>-to-<new> or defer-<what>`);
    assert.equal(typeof module.default, 'function');
  }
});

for (const name of folders) {
  test(`${name} has a README, fixture cases and a test file`, () => {
    assert.ok(existsSync(join(repoRoot, 'transforms', name, 'README.md')), 'README.md');
    const fixtures = join(repoRoot, 'transforms', name, '__testfixtures__');
    assert.ok(existsSync(fixtures) && readdirSync(fixtures).some((f) => /\.input\.[jt]sx?$/.test(f)), 'at least one <case>.input.* in __testfixtures__');
    assert.ok(existsSync(join(repoRoot, 'test/transforms', `${name}.test.ts`)), `test/transforms/${name}.test.ts`);
  });
}
