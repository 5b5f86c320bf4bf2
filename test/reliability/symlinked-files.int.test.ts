// A source file that is a symlink: apply writes through it to its target when the target is in
// the project (the link stays a link), and refuses in one line, writing nothing, when it is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture } from '../helpers/copy-fixture.js';
import { childEnv, plannedOperations, runLazify } from '../helpers/run-lazify.js';
import { snapshotTree, treeDifferences } from '../helpers/tree-snapshot.js';

const LINK = 'lib/providers/openai.js';

function planFor(dir: string, file: string): string {
  const op = plannedOperations(dir, 'defer-heavy-import').find((o) => o.files.includes(file));
  assert.ok(op, `the plan defers the SDK import of ${file}`);
  const planFile = join(dir, '..', `${dir.split('/').pop()}.plan.json`);
  writeFileSync(planFile, JSON.stringify({ schemaVersion: 1, root: dir, operations: [op] }));
  return planFile;
}

test('gateway-js: a symlinked provider pointing inside the project is written through; the link stays a link and the tests pass', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const planFile = planFor(dir, LINK);
    renameSync(join(dir, LINK), join(dir, 'lib/providers/openai.real.js'));
    symlinkSync('openai.real.js', join(dir, LINK));
    const before = readFileSync(join(dir, 'lib/providers/openai.real.js'), 'utf8');
    const result = runLazify(['apply', dir, '--plan', planFile]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(lstatSync(join(dir, LINK)).isSymbolicLink(), `${LINK} is still a symlink`);
    assert.equal(readlinkSync(join(dir, LINK)), 'openai.real.js');
    const after = readFileSync(join(dir, 'lib/providers/openai.real.js'), 'utf8');
    assert.notEqual(after, before, 'the target got the change');
    assert.doesNotMatch(after, /^const \{ OpenAI \} = require\('openai'\);$/m, 'the SDK is no longer required at the top');
    const tests = spawnSync('npm', ['test', '--silent'], { cwd: dir, encoding: 'utf8', env: childEnv() });
    assert.equal(tests.status, 0, tests.stdout + tests.stderr);
  } finally {
    cleanup();
  }
});

test('gateway-js: a symlinked provider pointing outside the project is refused in one line; nothing is written, inside or out', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  const outside = mkdtempSync(join(tmpdir(), 'lazify-outside-'));
  try {
    const planFile = planFor(dir, LINK);
    cpSync(join(dir, LINK), join(outside, 'openai.js'));
    rmSync(join(dir, LINK));
    symlinkSync(join(outside, 'openai.js'), join(dir, LINK));
    const inside = snapshotTree(dir);
    const outsideBefore = readFileSync(join(outside, 'openai.js'));
    const result = runLazify(['apply', dir, '--plan', planFile]);
    assert.equal(result.status, 2, result.stdout);
    assert.match(result.stderr, /^lazify: .*lib\/providers\/openai\.js.*outside the project/);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, 'one line');
    assert.deepEqual(treeDifferences(snapshotTree(dir), inside), []);
    assert.ok(readFileSync(join(outside, 'openai.js')).equals(outsideBefore), 'the file outside is untouched');
  } finally {
    cleanup();
    rmSync(outside, { recursive: true, force: true });
  }
});
