import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixture, repoRoot } from '../helpers/copy-fixture.js';

const lazify = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/index.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });

test('lazify plan prints the split (what moves where, importers, shim) and --format json is the editable plan', () => {
  const text = lazify(['plan', fixture('gateway-cjs')]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /god-module-to-focused-modules \(god-module:src\/utils\.ts\)/);
  assert.match(text.stdout, /src\/utils\.ts stays as a re-export shim/);
  assert.match(text.stdout, /src\/utils\/tokenization\.ts: encoder, countTokens/);
  assert.match(text.stdout, /importers rewritten \(\d+\): src\/index\.ts, src\/main\.ts, src\/providers\/anthropic\.ts/);

  const json = lazify(['plan', fixture('gateway-cjs'), '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  const plan = JSON.parse(json.stdout);
  assert.equal(plan.schemaVersion, 1);
  const split = plan.operations.find((op: { transform: string }) => op.transform === 'god-module-to-focused-modules');
  assert.equal(split.options.module, 'src/utils.ts');
  assert.ok(split.options.clusters.length >= 2);
  assert.equal(split.files.at(-1), 'src/utils.ts', 'the module runs after its importers');
  assert.equal(plan.operations[0], split, 'splits come first');
});
