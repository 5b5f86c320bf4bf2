// A failed `apply --verify` puts every file back byte for byte and names the check that failed;
// with --keep-on-failure it leaves them and prints commands that revert them.
// The project: gateway-js plus one test of its own that relies on the openai SDK being loaded
// when the gateway is required, which deferring the SDK imports breaks (as a real suite might).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../helpers/copy-fixture.js';
import { childEnv, plannedOperations, runLazify } from '../helpers/run-lazify.js';
import { snapshotTree, treeDifferences, type Tree } from '../helpers/tree-snapshot.js';

const EAGER_TEST = `'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');

test('requiring the gateway loads the openai SDK right away', () => {
  require('..');
  assert.ok(Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]openai[\\\\/]/.test(file)));
});
`;

/** The tree without git's own files, which the revert commands themselves change. */
const withoutGit = (tree: Tree): Tree => new Map([...tree].filter(([path]) => !path.startsWith('.git/')));

function prepare(): { dir: string; planFile: string; cleanup: () => void; fileCount: number } {
  const { dir, cleanup } = copyFixture('gateway-js');
  writeFileSync(join(dir, 'test/eager-sdk.test.js'), EAGER_TEST);
  const operations = plannedOperations(dir, 'defer-heavy-import');
  assert.ok(operations.length >= 5);
  const planFile = join(dir, '..', `${dir.split('/').pop()}.plan.json`);
  writeFileSync(planFile, JSON.stringify({ schemaVersion: 1, root: dir, operations }));
  const tests = spawnSync('npm', ['test', '--silent'], { cwd: dir, encoding: 'utf8', env: childEnv() });
  assert.equal(tests.status, 0, `the project's tests pass before apply: ${tests.stdout}${tests.stderr}`);
  return { dir, planFile, cleanup, fileCount: new Set(operations.flatMap((op) => op.files)).size };
}

test('gateway-js: tests fail after apply --verify: every file is put back byte for byte and "tests" is named', () => {
  const { dir, planFile, cleanup, fileCount } = prepare();
  try {
    const before = snapshotTree(dir);
    // --runs 0: the import is not timed; what counts here is the verdict and the restore.
    const result = runLazify(['apply', dir, '--plan', planFile, '--verify', '--runs', '0']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^ {2}tests: FAILED \(npm test/m);
    assert.match(result.stdout, new RegExp(`^Verification failed \\(tests\\): put all ${fileCount} file\\(s\\) back as they were before apply\\.$`, 'm'));
    assert.deepEqual(treeDifferences(snapshotTree(dir), before), []);
  } finally {
    cleanup();
  }
});

test('gateway-js: with --keep-on-failure the files stay, and the printed git commands revert them exactly', () => {
  const { dir, planFile, cleanup, fileCount } = prepare();
  try {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    const before = withoutGit(snapshotTree(dir));
    const result = runLazify(['apply', dir, '--plan', planFile, '--verify', '--runs', '0', '--keep-on-failure']);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`^Verification failed \\(tests\\): the ${fileCount} written file\\(s\\) were kept \\(--keep-on-failure\\)\\. To revert:$`, 'm'));
    const changed = treeDifferences(withoutGit(snapshotTree(dir)), before);
    assert.equal(changed.length, fileCount, changed.join(', '));
    const commands = result.stdout.split('\n').filter((line) => /^ {2}(git checkout|rm) -- /.test(line));
    assert.ok(commands.length > 0);
    for (const command of commands) assert.equal(spawnSync('sh', ['-c', command], { cwd: dir }).status, 0, command);
    assert.deepEqual(treeDifferences(withoutGit(snapshotTree(dir)), before), []);
  } finally {
    cleanup();
  }
});
