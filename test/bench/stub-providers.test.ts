import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../helpers/copy-fixture.js';
import { stubProviderModules } from '../../bench/stub-providers.js';
import { median } from '../../bench/child-process-timing.js';

const exportedClasses = (text: string) => [...text.matchAll(/^export (?:abstract )?class (\w+)/gm)].map((m) => m[1]).sort();

test('the floor stubs every provider of gateway-cjs, keeps their class names, and leaves base and register-all alone', (t) => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  t.after(cleanup);
  const providersDir = join(dir, 'src', 'providers');
  const before = new Map(readdirSync(providersDir).map((f) => [f, readFileSync(join(providersDir, f), 'utf8')]));

  const stubbed = stubProviderModules(dir);

  const providerFiles = [...before].filter(([f, text]) => f !== 'base.ts' && exportedClasses(text).length > 0).map(([f]) => `src/providers/${f}`);
  assert.ok(providerFiles.length >= 12);
  assert.deepEqual(stubbed.map((s) => s.file).sort(), providerFiles.sort());
  for (const { file, exports } of stubbed) {
    const name = file.replace('src/providers/', '');
    const after = readFileSync(join(providersDir, name), 'utf8');
    assert.deepEqual(exportedClasses(after), exportedClasses(before.get(name)!), file);
    assert.deepEqual([...exports].sort(), exportedClasses(before.get(name)!), file);
    assert.doesNotMatch(after, /^import /m, `${file} still imports something`);
  }
  for (const kept of ['base.ts', 'register-all.ts']) {
    assert.equal(readFileSync(join(providersDir, kept), 'utf8'), before.get(kept), kept);
  }
});

test('median of odd and even counts, and of nothing', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), RangeError);
});
