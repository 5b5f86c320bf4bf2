// The test that matters most: after apply on each demo gateway (a temp copy), it still builds,
// its own tests pass, and its entry exports exactly the same names as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyFixture } from '../helpers/copy-fixture.js';

const gateways = [
  // gateway, a provider that needs request helpers, how it imports them after, how it imported utils before
  { gateway: 'gateway-cjs', provider: 'src/providers/anthropic.ts', after: /from '\.\.\/utils\/request-transform'/, before: /from '\.\.\/utils'/, build: true },
  { gateway: 'gateway-esm', provider: 'src/providers/anthropic.ts', after: /from '\.\.\/utils\/request-transform\.js'/, before: /from '\.\.\/utils\.js'/, build: true },
  { gateway: 'gateway-js', provider: 'lib/providers/groq.js', after: /require\('\.\.\/utils\/request-transform'\)/, before: /require\('\.\.\/utils'\)/, build: false },
];

for (const g of gateways) {
  test(`${g.gateway}: the god-module split builds, passes its tests, keeps the entry's exports, and applies once`, async () => {
    const { dir, cleanup } = copyFixture(g.gateway);
    try {
      const planned = await plan(dir);
      const split = planned.plan.operations.filter((op) => op.transform === 'god-module-to-focused-modules');
      assert.equal(split.length, 1, 'the gateway has one god-module (its utils)');
      const onlySplit = { ...planned.plan, operations: split };

      // importRuns 0: the import's timing (some 40 s of fresh processes on gateway-esm's SDKs)
      // is not what this test checks; test/cli/apply-pr-body.int.test.ts checks it.
      const result = await apply(dir, { plan: onlySplit, verify: true, force: true, importRuns: 0 });
      const v = result.verification!;
      assert.equal(v.build.ran, g.build);
      assert.ok(v.build.ok, v.build.output);
      assert.ok(v.tests.ran && v.tests.ok, v.tests.output);
      assert.ok(v.exports.before.length >= 10);
      assert.deepEqual(v.exports.after, v.exports.before, 'the entry exports exactly the same names');

      // A provider that needed request helpers no longer loads the god-module (nor, through it, the router).
      const provider = readFileSync(join(dir, g.provider), 'utf8');
      assert.match(provider, g.after);
      assert.doesNotMatch(provider, g.before);
      // ... so no import cycle runs through the old utils module any more.
      const utils = (split[0]!.options as { module: string }).module.replace(/\.[jt]s$/, '');
      const cycles = analyze(dir).findings.filter((f) => f.kind === 'cycle' && (f.files ?? [f.file]).some((file) => file.startsWith(utils)));
      assert.deepEqual(cycles.map((c) => c.id), []);

      const again = await apply(dir, { plan: onlySplit, force: true });
      assert.deepEqual(again.changes.map((c) => c.path), [], 'a second apply changes nothing');
    } finally {
      cleanup();
    }
  });
}

test('gateway-cjs: the whole plan (split, registries, deferrals) applies, builds, passes its tests and loses no export', async () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  try {
    const result = await apply(dir, { verify: true, force: true, importRuns: 0 });
    assert.ok(result.plan.operations.length > 3);
    const v = result.verification!;
    assert.ok(v.build.ok, v.build.output);
    assert.ok(v.tests.ran && v.tests.ok, v.tests.output);
    assert.deepEqual(v.exports.missing, []);
  } finally {
    cleanup();
  }
});
