// Registries as tsc compiles them to CommonJS (fixtures/edge/registry-tsc-cjs): each value is read
// off a required module (`openai_1.OpenAIProvider` after `const openai_1 = require("./openai")`),
// and `x_1.default` after tsc's `__importDefault(require("./x"))`, in register calls (`(0, registry_1.registerProvider)(...)` and `registry_1.registerProvider(...)`)
// and in an object map. analyze calls both convertible, plan gives each an operation, apply
// converts every entry (no call left eager), the fixture's own tests pass afterwards in a child
// process, and `require('.')` loads none of the providers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyFixture } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';
import { oneLineEntries } from '../helpers/manifest-entries.js';

function loadedAtRequire(dir: string): string[] {
  const run = spawnSync(process.execPath, ['-e', `require('.'); process.stdout.write(JSON.stringify(Object.keys(require.cache).map((k) => k.slice(process.cwd().length + 1))))`], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as string[]).sort();
}

function ownTests(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--test', 'test/'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

test('registry-tsc-cjs: values read off required modules convert, in register calls and in a map', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = copyFixture('edge/registry-tsc-cjs');
  try {
    const findings = analyze(dir).findings.filter((f) => f.kind === 'registry' && f.file !== 'lib/index.js');
    const byFile = Object.fromEntries(findings.map((f) => [f.file, f]));
    assert.deepEqual(Object.keys(byFile).sort(), ['lib/handlers/index.js', 'lib/providers/index.js']);
    assert.deepEqual(byFile['lib/providers/index.js']!.entries!.map((e) => e.key), ['openai', 'anthropic', 'mistral', 'cohere', 'legacy']);
    assert.deepEqual(byFile['lib/handlers/index.js']!.entries!.map((e) => e.key), ['echo', 'upper']);
    for (const finding of findings) assert.equal(finding.convertible, true, finding.message);

    const planned = await plan(dir);
    const operationIds = new Set(planned.plan.operations.map((o) => o.id));
    for (const finding of findings) assert.ok(operationIds.has(finding.id), `${finding.id} has no operation: ${skippedLines(planned.skipped).join('\n')}`);

    assert.equal(ownTests(dir).status, 0, 'the fixture passes its own tests as it is');
    const before = loadedAtRequire(dir);
    const result = await apply(dir, { force: true });
    assert.deepEqual(result.operations.filter((o) => o.failed || o.changed.length === 0), [], 'every planned operation changes its files');
    const notes = result.operations.flatMap((o) => o.reports);
    assert.deepEqual(notes.filter((n) => /stays eager/.test(n.message)), [], 'no entry stays eager');
    // Every call became a loader: no top-level require of a provider is left.
    const calls = readFileSync(join(dir, 'lib/providers/index.js'), 'utf8');
    assert.doesNotMatch(calls, /require\("\.\/(openai|anthropic|mistral|cohere|legacy)"\)/);
    assert.doesNotMatch(calls, /registerProvider\)?\('/);
    assert.match(oneLineEntries(readFileSync(join(dir, 'lib/providers/index.manifest.js'), 'utf8')), /openai: \{ module: "\.\/openai", export: "OpenAIProvider", load: once\(\(\) => require\("\.\/openai"\)\.OpenAIProvider\) \}/);

    const after = ownTests(dir);
    assert.equal(after.status, 0, after.output);
    const loaded = loadedAtRequire(dir);
    console.log(`registry-tsc-cjs: require('.') loads ${before.length} files before apply, ${loaded.length} after`);
    for (const provider of ['lib/providers/openai.js', 'lib/providers/anthropic.js', 'lib/providers/mistral.js', 'lib/providers/cohere.js', 'lib/providers/legacy.js', 'lib/handlers/echo.js', 'lib/handlers/upper.js']) {
      assert.ok(before.includes(provider));
      assert.ok(!loaded.includes(provider), `${provider} still loads at require('.')`);
    }
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), [], 'a second apply changes nothing');
  } finally {
    cleanup();
  }
});
