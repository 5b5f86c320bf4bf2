// The config file, suppressions and baselines through the built CLI (`npm run build` first), on
// temp copies of gateway-js: what a user sees, with the exit codes CI acts on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../helpers/copy-fixture.js';
import { runLazify } from '../helpers/run-lazify.js';
import { snapshotTree, treeDifferences } from '../helpers/tree-snapshot.js';

interface Report { findings: Array<{ id: string; kind: string; file: string; line: number }>; suppressed: Array<{ id: string; by: string; reason?: string }>; diagnostics: Array<{ code: string }> }
const ids = (stdout: string) => (JSON.parse(stdout) as Report).findings.map((f) => f.id);
const withCopy = (body: (dir: string) => void) => () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    body(dir);
  } finally {
    cleanup();
  }
};

test('a config with an unknown key or a wrong type: one line naming the file and key, exit 2, nothing written, no stack', withCopy((dir) => {
  const cases: Array<[string, string]> = [
    ['{ "entyr": "index.js" }', 'lazify: lazify.config.json: unknown key "entyr" (did you mean "entry"?)\n'],
    ['{ "budgets": { "modules": "many" } }', 'lazify: lazify.config.json: "budgets.modules" must be a number, not "many"\n'],
    ['{ "findings": { "kinds": { "cycles": false } } }', 'lazify: lazify.config.json: unknown key "findings.kinds.cycles" (did you mean "cycle"?)\n'],
  ];
  for (const [config, message] of cases) {
    writeFileSync(join(dir, 'lazify.config.json'), config);
    const before = snapshotTree(dir);
    for (const command of ['analyze', 'plan', 'apply', 'check', 'why openai']) {
      const run = runLazify([...command.split(' '), dir]);
      assert.equal(run.status, 2, `${command}: ${run.stderr}`);
      assert.equal(run.stderr, message, command);
      assert.equal(run.stdout, '', command);
      assert.deepEqual(treeDifferences(snapshotTree(dir), before), [], `${command} wrote nothing`);
    }
  }
  // The same problem in package.json "lazify" and in a --config file names those.
  writeFileSync(join(dir, 'lazify.config.json'), '{}');
  writeFileSync(join(dir, 'ci.json'), '{ "ignore": [{ "kind": "registy" }] }');
  const named = runLazify(['analyze', dir, '--config', join(dir, 'ci.json')]);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /^lazify: .*ci\.json: "ignore\[0\]\.kind" must be one of "registry", .* \(did you mean "registry"\?\)\n$/);
  assert.equal(runLazify(['analyze', dir, '--config', join(dir, 'missing.json')]).status, 2);
}));

test('config entry, ignore rules and failOn apply; CLI flags override the config', withCopy((dir) => {
  const all = runLazify(['analyze', dir, '--format', 'json']);
  assert.equal(all.status, 0, all.stderr);
  assert.ok(ids(all.stdout).includes('cycle:lib/registry.js'));
  writeFileSync(join(dir, 'lazify.config.json'), JSON.stringify({
    $schema: './node_modules/lazify-imports/schema/lazify.config.schema.json',
    findings: { failOn: 'high', kinds: { cycle: false } },
    ignore: [{ kind: 'heavy-import', file: 'lib/providers/*.js', reason: 'each provider loads its SDK' }],
  }));
  const configured = runLazify(['analyze', dir, '--format', 'json']);
  assert.equal(configured.status, 1, 'findings.failOn: high, and high findings remain');
  assert.deepEqual(ids(configured.stdout).sort(), ['eager-init:lib/utils.js:encoder', 'god-module:lib/utils.js', 'registry:lib/providers/index.js:registry']);
  const report = JSON.parse(configured.stdout) as Report;
  assert.equal(report.suppressed.filter((s) => s.by === 'ignore-rule' && s.reason === 'each provider loads its SDK').length, 10);
  assert.deepEqual(report.suppressed.filter((s) => s.by === 'kind-off').map((s) => s.id), ['cycle:lib/registry.js']);
  const text = runLazify(['analyze', dir]);
  assert.match(text.stdout, /11 findings not listed: 10 ignored by config rules, 1 of kinds turned off/);
  // --fail-on on the command line wins over findings.failOn.
  assert.equal(runLazify(['analyze', dir, '--fail-on', 'high', '--format', 'json']).status, 1);
  writeFileSync(join(dir, 'lazify.config.json'), JSON.stringify({ findings: { failOn: 'low' }, entry: 'lib/errors.js' }));
  const entry = runLazify(['analyze', dir, '--format', 'json']);
  assert.equal(JSON.parse(entry.stdout).entry, 'lib/errors.js', 'the config entry');
  assert.equal(JSON.parse(runLazify(['analyze', dir, '--entry', 'index.js', '--format', 'json']).stdout).entry, 'index.js', '--entry wins');
}));

test('an inline // lazify-ignore comment silences its finding, and plan leaves that finding alone', withCopy((dir) => {
  const file = join(dir, 'lib/utils.js');
  const source = readFileSync(file, 'utf8');
  assert.ok(ids(runLazify(['analyze', dir, '--format', 'json']).stdout).includes('eager-init:lib/utils.js:encoder'));
  writeFileSync(file, source.replace("const encoder = getEncoding('cl100k_base');", "const encoder = getEncoding('cl100k_base'); // lazify-ignore eager-init -- needed at start-up"));
  const run = runLazify(['analyze', dir, '--format', 'json']);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as Report;
  assert.ok(!report.findings.some((f) => f.id === 'eager-init:lib/utils.js:encoder'));
  assert.deepEqual(report.suppressed.map((s) => [s.id, s.by, s.reason]), [['eager-init:lib/utils.js:encoder', 'inline-comment', 'needed at start-up']]);
  const plan = runLazify(['plan', dir, '--format', 'json']);
  assert.equal(plan.status, 0, plan.stderr);
  assert.ok(!plan.stdout.includes('eager-init:lib/utils.js:encoder'), 'no operation for the silenced finding');
  // A comment with a mistyped kind silences nothing and says so.
  writeFileSync(file, source.replace("const encoder = getEncoding('cl100k_base');", "// lazify-ignore eagerinit\nconst encoder = getEncoding('cl100k_base');"));
  const typo = JSON.parse(runLazify(['analyze', dir, '--format', 'json']).stdout) as Report;
  assert.ok(typo.findings.some((f) => f.id === 'eager-init:lib/utils.js:encoder'));
  assert.ok(typo.diagnostics.some((d) => d.code === 'unknown-ignore-kind'));
}));

test('--baseline: written when missing (exit 0), then only new findings count; --update-baseline rewrites it', withCopy((dir) => {
  const baseline = join(dir, 'lazify-baseline.json');
  const first = runLazify(['analyze', dir, '--baseline', baseline, '--fail-on', 'low']);
  assert.equal(first.status, 0, first.stdout);
  assert.match(first.stderr, /^lazify: wrote 14 findings to .*lazify-baseline\.json; later runs with --baseline report only new ones\n$/);
  assert.match(first.stdout, /No findings\.[\s\S]*14 findings not listed: 14 already in the baseline/);
  const written = JSON.parse(readFileSync(baseline, 'utf8')) as { schemaVersion: number; kind: string; findings: Array<{ id: string }> };
  assert.equal(written.schemaVersion, 1);
  assert.equal(written.kind, 'lazify-findings-baseline');
  assert.equal(written.findings.length, 14);

  // A new eager initialisation in a new line of code: the one finding reported, and it fails.
  const errors = join(dir, 'lib/errors.js');
  writeFileSync(errors, `${readFileSync(errors, 'utf8')}\nconst { getEncoding: lateEncoding } = require('js-tiktoken');\nconst late = lateEncoding('p50k_base');\nmodule.exports.late = late;\n`);
  const second = runLazify(['analyze', dir, '--baseline', baseline, '--fail-on', 'low', '--format', 'json']);
  assert.equal(second.status, 1);
  assert.deepEqual(ids(second.stdout), ['eager-init:lib/errors.js:late']);
  assert.equal(JSON.parse(readFileSync(baseline, 'utf8')).findings.length, 14, 'an existing baseline is not rewritten');

  const updated = runLazify(['analyze', dir, '--baseline', baseline, '--update-baseline', '--fail-on', 'low']);
  assert.equal(updated.status, 0);
  assert.equal(JSON.parse(readFileSync(baseline, 'utf8')).findings.length, 15);

  writeFileSync(baseline, '{ "not": "a baseline" }');
  const bad = runLazify(['analyze', dir, '--baseline', baseline]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^lazify: .*lazify-baseline\.json: not a lazify findings baseline/);
  const usage = runLazify(['analyze', dir, '--update-baseline']);
  assert.equal(usage.status, 2);
  assert.equal(usage.stderr, 'lazify: --update-baseline needs --baseline FILE\n');
  assert.ok(!existsSync(join(dir, '.lazify-journal')));
}));

test('apply.exclude in the config: plan leaves out every operation that would touch an excluded file, and keeps the rest', withCopy((dir) => {
  const files = (stdout: string) => new Set((JSON.parse(stdout) as { operations: Array<{ files: string[] }> }).operations.flatMap((op) => op.files));
  const all = runLazify(['plan', dir, '--format', 'json']);
  assert.equal(all.status, 0, all.stderr);
  assert.ok(files(all.stdout).has('lib/utils.js'), 'the default plan rewrites lib/utils.js');
  writeFileSync(join(dir, 'lazify.config.json'), JSON.stringify({ apply: { exclude: ['lib/utils.js'] } }));
  const excluded = runLazify(['plan', dir, '--format', 'json']);
  assert.equal(excluded.status, 0, excluded.stderr);
  assert.ok(!files(excluded.stdout).has('lib/utils.js'), [...files(excluded.stdout)].join(', '));
  assert.ok(files(excluded.stdout).size > 0, 'the rest is still planned');
}));

test('--config is on every command that takes a project, and a usage error without its file', () => {
  for (const command of ['analyze', 'why', 'importtime', 'plan', 'apply', 'check']) {
    const help = runLazify([command, '--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--config\s+config file to use instead of\s+lazify\.config\.\{json,js,mjs,cjs\}/, command);
    const bare = runLazify([command, '.', '--config']);
    assert.equal(bare.status, 2, command);
    assert.match(bare.stderr, /^lazify: Not enough arguments following: config\n$/, command);
  }
});
