import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import test from 'node:test';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');
const lazify = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('why PACKAGE: shortest chains from the entry with file:line at each import', () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  try {
    const result = lazify('why', 'js-tiktoken', dir);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0], /^js-tiktoken is loaded eagerly from src\/index\.ts/);
    assert.match(lines[1], /^ {2}src\/index\.ts:\d+ -> src\/utils\.ts:\d+ -> js-tiktoken$/);
    const json = JSON.parse(lazify('why', 'src/utils', dir, '--format', 'json').stdout);
    assert.equal(json.target, 'src/utils.ts');
    assert.deepEqual(json.chains[0].modules, ['src/index.ts', 'src/utils.ts']);
  } finally {
    cleanup();
  }
});

test('why a lazily loaded package says so; an unknown module is exit 2', () => {
  const { dir, cleanup } = copyFixture('edge/require-in-function');
  try {
    const lazy = lazify('why', 'openai', dir);
    assert.equal(lazy.status, 0, lazy.stderr);
    assert.match(lazy.stdout, /openai is loaded only lazily/);
    assert.match(lazy.stdout, /src\/index\.js:19 -\(require-in-function\)-> openai/);
    const unknown = lazify('why', 'left-pad', dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^lazify: 'left-pad' is not loaded from the entry/);
  } finally {
    cleanup();
  }
});
