// On the demo gateway with a test, a script and a co-located spec that import the same SDK
// as a provider (as real repositories have them): the plan rewrites the provider only, and
// `include` brings a script back in when the user asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan } from '../../src/index.js';
import { copyFixture } from '../helpers/copy-fixture.js';

const SDK_USER = `import OpenAI from 'openai';\n\nexport function client(): OpenAI {\n  return new OpenAI({ apiKey: 'test' });\n}\n`;
const OUTSIDE = ['test/openai-client.test.ts', 'scripts/smoke.ts', 'examples/chat.ts', 'src/providers/openai.spec.ts'];

test('plan rewrites the package, not the tests, scripts and examples beside it; include adds them back', async () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  try {
    for (const file of OUTSIDE) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), SDK_USER);
    }
    const files = (result: Awaited<ReturnType<typeof plan>>) => new Set(result.plan.operations.flatMap((op) => op.files));
    const scoped = files(await plan(dir));
    assert.ok(scoped.has('src/providers/openai.ts'), 'the provider is rewritten');
    assert.deepEqual(OUTSIDE.filter((f) => scoped.has(f)), []);
    const included = files(await plan(dir, { include: ['scripts/**'] }));
    assert.ok(included.has('scripts/smoke.ts'));
    assert.deepEqual(OUTSIDE.filter((f) => f !== 'scripts/smoke.ts' && included.has(f)), []);
  } finally {
    cleanup();
  }
});
