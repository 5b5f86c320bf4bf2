// A package written in ES5 for old engines (fixtures/edge/registry-es5, engines.node >=0.10):
// its registries convert, and everything lazify writes or creates is still ES5 (`var`,
// `function`; no arrow, `const`, destructuring, shorthand property, spread or `Object.entries`),
// checked by parsing with ecmaVersion 5. The fixture's own tests pass afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apply, plan } from '../../src/index.js';
import { copyFixture } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const { Linter } = createRequire(import.meta.url)('eslint') as typeof import('eslint');

/** Parse errors of `source` read as ES5 (eslint's espree parser, `ecmaVersion: 5`). */
function es5Problems(source: string): string[] {
  const linter = new Linter();
  return linter.verify(source, { parserOptions: { ecmaVersion: 5 }, rules: {} }).filter((m) => m.fatal).map((m) => `${m.line}:${m.column} ${m.message}`);
}

function ownTests(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--test', 'test/'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

test('registry-es5: both registries convert, and what apply writes parses as ES5', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = copyFixture('edge/registry-es5');
  try {
    const planned = await plan(dir);
    const registries = planned.plan.operations.filter((o) => o.transform === 'registry-to-manifest');
    assert.deepEqual(registries.map((o) => o.options.file).sort(), ['lib/models.js', 'lib/providers/index.js'], skippedLines(planned.skipped).join('\n'));
    for (const operation of registries) assert.equal(operation.options.syntaxLevel, 5, 'engines.node >=0.10 limits the output to ES5');
    assert.equal(ownTests(dir).status, 0, 'the fixture passes its own tests as it is');

    const result = await apply(dir, { force: true });
    const written = result.changes.map((c) => c.path).filter((p) => p.endsWith('.js')).sort();
    assert.deepEqual(written, ['lib/models.js', 'lib/models.manifest.js', 'lib/providers/index.js', 'lib/providers/index.manifest.js', 'lib/registry.js']);
    for (const path of written) assert.deepEqual(es5Problems(readFileSync(join(dir, path), 'utf8')), [], `${path} is not ES5`);
    const after = ownTests(dir);
    assert.equal(after.status, 0, after.output);
  } finally {
    cleanup();
  }
});
