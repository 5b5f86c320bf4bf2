import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema, FINDING_KINDS } from '../../src/config/config-schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { parseSize } from '../../src/config/parse-size.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { LazifyError } from '../../src/diagnostics/diagnostic.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';
import type { FindingKind } from '../../src/findings/finding.js';

const problem = (value: unknown) => {
  try {
    validateConfig(value, 'lazify.config.json');
  } catch (error) {
    assert.ok(error instanceof LazifyError, String(error));
    assert.equal(error.code, 'bad-config');
    return error.message;
  }
  assert.fail('the config was accepted');
};

test('the committed JSON Schema is the one the zod schema generates (npm run schema)', () => {
  const committed = JSON.parse(readFileSync(join(repoRoot, 'schema/lazify.config.schema.json'), 'utf8'));
  assert.deepEqual(committed, configJsonSchema());
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
  assert.ok(pkg.files.includes('schema'), 'the schema ships in the package');
});

test('the schema knows every finding kind, and no other', () => {
  const kinds: Record<FindingKind, true> = { registry: true, 'eager-init': true, 'global-side-effect': true, 'god-module': true, cycle: true, 'heavy-import': true };
  assert.deepEqual([...FINDING_KINDS].sort(), Object.keys(kinds).sort());
});

test('a full config validates and comes out normalised: sizes in bytes, lists present', () => {
  const config = validateConfig({
    $schema: './node_modules/lazify-imports/schema/lazify.config.schema.json',
    entry: 'src/index.ts',
    apply: { include: ['scripts/build.ts'], exclude: ['src/legacy/**'] },
    findings: { kinds: { cycle: false }, minSaving: '100 KB', failOn: 'medium' },
    ignore: ['registry:src/router.ts:MODEL_PREFIXES', { kind: 'global-side-effect', file: 'src/env.ts', reason: 'sets defaults on purpose' }],
    budgets: { modules: 40, bytes: '2 MB', importRatio: 3 },
  }, 'lazify.config.json');
  assert.equal(config.entry, 'src/index.ts');
  assert.deepEqual(config.include, ['scripts/build.ts']);
  assert.deepEqual(config.exclude, ['src/legacy/**']);
  assert.deepEqual(config.kinds, { cycle: false });
  assert.equal(config.minSaving, 100 * 1024);
  assert.equal(config.failOn, 'medium');
  assert.equal(config.ignore.length, 2);
  assert.deepEqual(config.budgets, { modules: 40, bytes: 2 * 1024 * 1024, importRatio: 3, importMs: undefined });
  assert.deepEqual(validateConfig({}, 'x').ignore, []);
});

test('sizes: numbers of bytes and 1024-based units, anything else refused', () => {
  assert.equal(parseSize(1000), 1000);
  assert.equal(parseSize('500KB'), 512_000);
  assert.equal(parseSize('1.5 mb'), 1_572_864);
  assert.equal(parseSize('3 potatoes'), undefined);
  assert.match(problem({ budgets: { bytes: '3 potatoes' } }), /^lazify\.config\.json: "budgets\.bytes": a size such as 2 MB/);
});

test('an unknown key is one line naming the file and the key, with the closest known key', () => {
  assert.equal(problem({ entyr: 'src/index.ts' }), 'lazify.config.json: unknown key "entyr" (did you mean "entry"?)');
  assert.equal(problem({ budgets: { modul: 3 } }), 'lazify.config.json: unknown key "budgets.modul" (did you mean "modules"?)');
  assert.equal(problem({ findings: { kinds: { cycles: false } } }), 'lazify.config.json: unknown key "findings.kinds.cycles" (did you mean "cycle"?)');
  assert.equal(problem({ ignore: [{ kind: 'cycle', files: 'x' }] }), 'lazify.config.json: unknown key "ignore[0].files" (did you mean "file"?)');
  // Nothing close: the known keys instead of a far-fetched guess.
  assert.match(problem({ zzz: 1 }), /unknown key "zzz" \(known keys: \$schema, entry, apply, findings, ignore, budgets\)$/);
});

test('a wrong type is one line naming the key, what it must be and what it was', () => {
  assert.equal(problem({ entry: 3 }), 'lazify.config.json: "entry" must be a string, not 3');
  assert.equal(problem({ budgets: { modules: 1.5 } }), 'lazify.config.json: "budgets.modules" must be a whole number, not 1.5');
  assert.equal(problem({ apply: { include: 'src/**' } }), 'lazify.config.json: "apply.include" must be a list, not "src/**"');
  assert.equal(problem({ findings: { failOn: 'hihg' } }), 'lazify.config.json: "findings.failOn" must be one of "high", "medium", "low" (did you mean "high"?)');
  assert.equal(problem({ ignore: [{ reason: 'no rule' }] }), 'lazify.config.json: "ignore[0]": an ignore rule needs id, kind or file');
  assert.equal(problem({ entry: 3, budgets: { modules: -1 } }), 'lazify.config.json: "entry" must be a string, not 3 (and 1 more problem)');
  assert.equal(problem([]), 'lazify.config.json: the config must be an object, not []');
});

test('loadConfig finds lazify.config.json, .mjs, .cjs and package.json "lazify" in the project root', async () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ 'lazify.config.json': '{ "entry": "a.js" }' }, 'lazify.config.json'],
    [{ 'lazify.config.mjs': 'export default { entry: "a.js" };' }, 'lazify.config.mjs'],
    [{ 'lazify.config.cjs': 'module.exports = { entry: "a.js" };' }, 'lazify.config.cjs'],
    [{ 'lazify.config.js': 'module.exports = { entry: "a.js" };' }, 'lazify.config.js'],
  ];
  for (const [files, label] of cases) {
    const { dir, cleanup } = writeTempProject({ 'package.json': '{ "name": "p" }', ...files });
    try {
      const config = await loadConfig(dir);
      assert.equal(config.entry, 'a.js', label);
      assert.equal(config.label, label);
    } finally {
      cleanup();
    }
  }
  const { dir, cleanup } = writeTempProject({ 'package.json': '{ "name": "p", "lazify": { "entry": "b.js" } }' });
  try {
    const config = await loadConfig(dir);
    assert.equal(config.entry, 'b.js');
    assert.equal(config.label, 'package.json "lazify"');
  } finally {
    cleanup();
  }
});

test('loadConfig: no config gives the defaults; two configs, a missing --config file or bad JSON are one line', async () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': '{ "name": "p", "lazify": {} }',
    'lazify.config.json': '{ "entry": 1,',
    'other.json': '{ "budgets": { "modules": 3 } }',
  });
  try {
    await assert.rejects(loadConfig(dir), { message: 'package.json "lazify" and lazify.config.json both configure lazify: keep one' });
    await assert.rejects(loadConfig(dir, { configFile: 'nope.json', cwd: dir }), { message: 'nope.json: config file not found' });
    await assert.rejects(loadConfig(dir, { configFile: 'lazify.config.json', cwd: dir }), { message: /^lazify\.config\.json: not valid JSON: / });
    // --config names one file: the others in the root are not read.
    assert.equal((await loadConfig(dir, { configFile: 'other.json', cwd: dir })).budgets.modules, 3);
  } finally {
    cleanup();
  }
  const empty = writeTempProject({ 'package.json': '{ "name": "p" }' });
  try {
    const config = await loadConfig(empty.dir);
    assert.equal(config.file, undefined);
    assert.deepEqual(config.ignore, []);
  } finally {
    empty.cleanup();
  }
});
