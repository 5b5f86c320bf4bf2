// Generated code is valid for any key: on a temp copy of the plain-JS demo gateway whose
// providers register under hostile names (quotes, line breaks, backslashes, U+2028,
// `__proto__`, `constructor`, very long names), apply writes a manifest that loads, and the
// registry lists, has and gets every name exactly as before, without loading a provider early.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { copyFixture } from '../helpers/copy-fixture.js';
import { stringLiteral } from '../../transforms/shared-lazy-loading/js-literal.js';

/** Hostile names, each registered to one of the fixture's providers. */
const KEYS: Array<[string, string]> = [
  [`it's "quoted"`, 'openai'],
  ['a\nb', 'anthropic'],
  ['cr\rlf\r\n', 'anthropic'],
  ['back\\slash', 'google'],
  ['line\u2028sep\u2029para', 'mistral'],
  ['__proto__', 'groq'],
  ['constructor', 'cohere'],
  ['toString', 'ollama'],
  ['hasOwnProperty', 'replicate'],
  ['${injected}`', 'huggingface'],
  ['*/ end of comment /*', 'bedrock'],
  ['tab\there\u0000nul', 'openai'],
  ['x'.repeat(5000), 'bedrock'],
  ['ключ-юникод-😀', 'google'],
];

/** For every key: listed, has, and which provider get() returns (by its name); plus what loaded. */
function probe(dir: string): { list: string[]; rows: Array<{ has: boolean; provider: string }>; providersLoadedAtImport: number } {
  const script = `
    const path = require('node:path');
    const keys = JSON.parse(process.argv[1]);
    const gateway = require(${JSON.stringify(join(dir, 'index.js'))});
    const registry = require(${JSON.stringify(join(dir, 'lib/registry.js'))});
    const providersLoadedAtImport = Object.keys(require.cache).filter((f) => /lib[\\\\/]providers[\\\\/](?!index)/.test(path.relative(${JSON.stringify(dir)}, f))).length;
    const rows = keys.map(([key]) => {
      const has = registry.has(key);
      const provider = gateway.getProvider(key);
      return { has, provider: path.basename(Object.keys(require.cache).find((f) => require.cache[f].exports === provider) ?? '?') };
    });
    process.stdout.write(JSON.stringify({ list: gateway.listProviders(), rows, providersLoadedAtImport }));
  `;
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify(KEYS)], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

test('hostile registry keys: the manifest loads and list/has/get answer as before apply', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const lines = KEYS.map(([key, provider]) => `registry.register(${stringLiteral(key)}, require('./${provider}'));\n`);
    appendFileSync(join(dir, 'lib/providers/index.js'), lines.join(''));
    const before = probe(dir);
    assert.equal(before.list.length, 10 + KEYS.length, 'every hostile key is registered before apply');
    assert.ok(before.providersLoadedAtImport >= 10);

    const result = await apply(dir, { force: true });
    assert.ok(result.changes.some((c) => c.path === 'lib/providers/index.manifest.js'), 'the registry is converted');
    const manifest = readFileSync(join(dir, 'lib/providers/index.manifest.js'), 'utf8');
    assert.doesNotMatch(manifest, /[\u2028\u2029\u0000]/, 'no raw line separator or control character in the manifest');

    const after = probe(dir);
    assert.deepEqual(after.list, before.list, 'the registry lists the same names');
    assert.deepEqual(after.rows, before.rows, 'has() and get() give the same for every key');
    assert.equal(after.providersLoadedAtImport, 0, 'no provider loads at import');
    const tests = spawnSync('npm', ['test', '--silent'], { cwd: dir, encoding: 'utf8' });
    assert.equal(tests.status, 0, tests.stdout + tests.stderr);
  } finally {
    cleanup();
  }
});
