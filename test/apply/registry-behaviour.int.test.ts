// Registries whose naive conversion changes behaviour (fixtures/edge/registry-behaviour-js):
// highlight.js's registerLanguage calls the definition at registration, aws-sdk v2's
// clients/all.js is required only for the clients' own registration on core, and a registry
// module exports its API as an object literal (`module.exports = api`). The first two stay
// eager with the true reason; the third converts, with its loader-registering function exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyFixture } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const FIXTURE = 'edge/registry-behaviour-js';

function ownTests(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--test', 'test/'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

function exportNames(dir: string): string[] {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(Object.keys(require(".")).sort()))'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string[];
}

test('registry-behaviour-js: plan refuses the registries a lazy entry would change, with the reason, and converts the object-literal export', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = copyFixture(FIXTURE);
  try {
    const registries = analyze(dir).findings.filter((f) => f.kind === 'registry').map((f) => `${f.file}:${f.symbol}`).sort();
    assert.deepEqual(registries, ['lib/clients/all.js:module.exports', 'lib/languages/index.js:registerLanguage', 'lib/providers/index.js:registry']);

    const planned = await plan(dir);
    const skipped = skippedLines(planned.skipped).join('\n');
    assert.match(skipped, /^stays-eager registry:lib\/languages\/index\.js:registerLanguage: registerLanguage stays eager: registerLanguage calls the registered value \(languageDefinition\) at registration \(lib\/languages\/registry\.js:8\): a lazy entry would change what it stores/m);
    // analyze says the same, so it never calls a registry convertible that plan refuses.
    const found = analyze(dir).findings.filter((f) => f.kind === 'registry');
    for (const finding of found.filter((f) => !f.convertible)) assert.ok(skipped.includes(`stays-eager ${finding.id}: ${finding.symbol} stays eager: ${finding.blockers!.join('; ')}`), finding.id);
    assert.deepEqual(found.filter((f) => f.convertible).map((f) => f.file), ['lib/providers/index.js']);
    assert.match(skipped, /^stays-eager registry:lib\/clients\/all\.js:module\.exports: module\.exports stays eager: index\.js:7 loads lib\/clients\/all\.js only for its side effects/m);
    assert.match(skipped, /its 2 providers each assign themselves on lib\/core\.js's export \(lib\/clients\/s3\.js:7 core\.S3 = \.\.\.\), but lazify writes no getters on another module's export/);
    const registryOps = planned.plan.operations.filter((o) => o.transform === 'registry-to-manifest').map((o) => o.options.file);
    assert.deepEqual(registryOps, ['lib/providers/index.js']);

    const before = exportNames(dir);
    assert.equal(ownTests(dir).status, 0, 'the fixture passes its own tests as it is');
    await apply(dir, { force: true });
    assert.match(readFileSync(join(dir, 'lib/providers/registry.js'), 'utf8'), /registerLoader,?\s*\}/, 'registerLoader is a property of the exported object literal');
    const after = ownTests(dir);
    assert.equal(after.status, 0, after.output);
    assert.deepEqual(exportNames(dir), before);
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), [], 'a second apply changes nothing');
  } finally {
    cleanup();
  }
});
