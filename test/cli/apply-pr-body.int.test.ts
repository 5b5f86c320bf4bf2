// `apply --verify` on a temp copy of gateway-js (plain JavaScript, its own tests): it ends with a
// pull request body that says what changed per operation, how the checks went and what the
// import costs before and after, measured with lazify's importtime machinery.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { copyFixture } from '../helpers/copy-fixture.js';
import { plannedOperations, runLazify } from '../helpers/run-lazify.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

test('gateway-js: apply --verify --pr-body writes the PR body; the text report ends with it; fewer modules after', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  const out = writeTempProject({});
  try {
    // The heavy-import deferrals only: small, and each saves its SDK.
    const operations = plannedOperations(dir, 'defer-heavy-import');
    assert.ok(operations.length >= 5);
    const planFile = join(out.dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify({ schemaVersion: 1, root: dir, operations }));
    const prBody = join(out.dir, 'pr.md');
    const result = runLazify(['apply', dir, '--plan', planFile, '--verify', '--runs', '1', '--pr-body', prBody]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const body = readFileSync(prBody, 'utf8');
    assert.ok(result.stdout.trimEnd().endsWith(body.trimEnd()), 'the text report ends with the PR body');
    assert.match(body, new RegExp(`^## Load dependencies lazily \\(lazify\\)\\n\\nThis rewrites ${operations.length} file\\(s\\) in ${operations.length} operation\\(s\\)`));
    // Import before/after: real numbers, fewer modules after deferring every SDK.
    const time = /\| Time \(median of 1 runs\) \| ([\d.]+) ms \| ([\d.]+) ms \|/.exec(body);
    const modules = /\| Modules loaded \| (\d+) \| (\d+) \| −(\d+) \|/.exec(body);
    assert.ok(time && modules, body);
    assert.ok(Number(modules[2]) < Number(modules[1]), `fewer modules after: ${modules[0]}`);
    assert.equal(Number(modules[1]) - Number(modules[2]), Number(modules[3]));
    // One row per operation, its file and lines added/removed.
    for (const op of operations) {
      assert.match(body, new RegExp(`\\| \`${op.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\` \\| defer-heavy-import \\| \`${op.files[0]}\` \\| \\+\\d+ −\\d+ \\|`));
    }
    assert.match(body, /- ✅ tests: `npm test --silent` passed\n- ✅ exports: the same \d+ names as before/);
  } finally {
    cleanup();
    out.cleanup();
  }
});

test('apply --pr-body without --verify is a usage error before any work', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const result = runLazify(['apply', dir, '--pr-body', join(dir, 'pr.md')]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'lazify: --pr-body needs --verify: the body reports the build, tests and import before/after\n');
  } finally {
    cleanup();
  }
});
