// The plans lazify writes follow the plan's JSON Schema: `lazify plan --format json` and
// `--output-file` on the fixtures, checked with the zod schema the committed JSON Schema is
// generated from (test/plan/plan-schema.test.ts keeps the two the same).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSchema } from '../../src/plan/plan-schema.js';
import { transforms } from '../../transforms/index.js';
import { fixture, repoRoot } from '../helpers/copy-fixture.js';
import { childEnv } from '../helpers/run-lazify.js';

const lazify = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/index.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', env: childEnv() });

const FIXTURES = ['gateway-cjs', 'gateway-esm', 'gateway-js', 'edge/gateway-shapes', 'edge/esm-sync-registry'];

test('every plan lazify writes for the fixtures (--format json, --output-file) follows the plan schema, and together they use every transform', () => {
  const out = mkdtempSync(join(tmpdir(), 'lazify-plan-schema-'));
  const seen = new Set<string>();
  const shapes = new Set<string>();
  try {
    for (const name of FIXTURES) {
      const file = join(out, `${name.replace('/', '-')}.json`);
      const run = lazify(['plan', fixture(name), '--format', 'json', '--output-file', file]);
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      const plan = JSON.parse(readFileSync(file, 'utf8')) as { operations: Array<{ transform: string; options: { shape?: string } }> };
      const parsed = planSchema().safeParse(plan);
      assert.ok(parsed.success, `${name}: ${parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      assert.ok(plan.operations.length > 0, `${name} has operations`);
      for (const op of plan.operations) {
        seen.add(op.transform);
        if (op.options.shape) shapes.add(op.options.shape);
      }
    }
    // stdout is the same document as the file.
    const printed = lazify(['plan', fixture('gateway-esm'), '--format', 'json']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.ok(planSchema().safeParse(JSON.parse(printed.stdout)).success);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  assert.deepEqual([...seen].sort(), Object.keys(transforms).sort());
  assert.ok(shapes.size >= 3, `registry shapes planned: ${[...shapes].join(', ')}`);
});
