// apply keeps each file's permission bits: an executable (755) stays executable, a read-only
// file (444) stays read-only (it is rewritten, as a user who asked for the plan expects, but its
// mode is not widened), and the project still passes its own tests afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../helpers/copy-fixture.js';
import { childEnv, plannedOperations, runLazify } from '../helpers/run-lazify.js';

const mode = (path: string) => statSync(path).mode & 0o7777;

test('gateway-js: 755 and 444 (and 600) files keep their modes through apply, and its tests still pass', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const operations = plannedOperations(dir, 'defer-heavy-import');
    const wanted: Record<string, number> = { 'lib/providers/openai.js': 0o755, 'lib/providers/anthropic.js': 0o444, 'lib/providers/groq.js': 0o600 };
    for (const [file, bits] of Object.entries(wanted)) {
      assert.ok(operations.some((op) => op.files.includes(file)), `the plan rewrites ${file}`);
      chmodSync(join(dir, file), bits);
    }
    const before = Object.fromEntries(Object.keys(wanted).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const planFile = join(dir, '..', `${dir.split('/').pop()}.plan.json`);
    writeFileSync(planFile, JSON.stringify({ schemaVersion: 1, root: dir, operations }));
    const result = runLazify(['apply', dir, '--plan', planFile]);
    assert.equal(result.status, 0, result.stderr);
    for (const [file, bits] of Object.entries(wanted)) {
      assert.notEqual(readFileSync(join(dir, file), 'utf8'), before[file], `${file} was rewritten`);
      assert.equal(mode(join(dir, file)).toString(8), bits.toString(8), `${file} keeps its mode`);
    }
    const tests = spawnSync('npm', ['test', '--silent'], { cwd: dir, encoding: 'utf8', env: childEnv() });
    assert.equal(tests.status, 0, tests.stdout + tests.stderr);
  } finally {
    cleanup();
  }
});
