// Real on real: registries in published packages (devDependencies, pinned exactly), applied on
// temp copies of the installed package and compared with the original in child processes.
// - winston@3.19.0: the same log lines for a sample of log calls, the same export names;
// - eslint-plugin-react@7.37.5: every rule and its meta the same, the same lint messages on a sample;
// - eslint-plugin-jsx-a11y@6.10.2 (Babel's ES5 output): the same; its rules map stays, its entry copying it at import;
// - eslint-plugin-promise@7.2.1: the same; its rules map, a property of the plugin object, loads no rule at import;
// - eslint-plugin-import@2.31.0 (Babel, retainLines): the same; its rules and configs maps, a manifest each;
// - eslint-plugin-vue@9.33.0: the same, on a .vue file; three maps in its plugin object, a manifest each;
// - date-fns@2.30.0 (Babel's CommonJS barrel: an export getter per function): the same results and
//   export names, for require and for ES module importers; requiring it loads the index alone;
// - date-fns@3.6.0 (as date-fns-3; Babel's CommonJS `export *` of each function's module, a
//   loop over the module's keys): the same keys in the same order, results and ES module names;
//   requiring it loads the index alone;
// - @sinclair/typebox@0.34.52 (tsc: barrels of barrels of `__exportStar(require("./x"), exports)`):
//   the same keys in order, kinds, ES module names and results for its index, value and compiler
//   entries; requiring the index loads a few files, not its 200;
// - validator@13.12.0 (Babel: one object of ~110 validators, each a module's default, beside a few
//   other exports of the same or other modules, `isAlphaLocales: _isAlpha.locales`): the same results, keys and
//   values; requiring it loads no validator;
// - es-abstract@1.24.2 (ES5, tabs; maps such as `var TypeToAO = {...}` between requires, 1,600
//   files requiring small helpers): the same keys, kinds and results, far fewer files at require;
// - js-yaml@4.3.2: its `types` map saves nothing (its schemas require every type) and stays;
// - highlight.js@11.12.0: the same highlighting and alias lookups (its registerLanguage calls each
//   definition at registration, so its registry must not be converted).
// - webpack@5.113.0: already lazy (its entry's exports are getters requiring on first read, its
//   modules memoize(() => require(...))): no finding in a module the entry loads, zero operations.
// Require times before / after apply and at the floor (providers stubbed) are printed, never asserted,
// and so is how long plan takes on webpack.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { apply, plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyInstalledPackage, removePackageCopy } from '../../bench/installed-package-copy.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const hotPathChild = join(repoRoot, 'bench/hot-path-child.ts');
const eslintDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('eslint/package.json'));
const copies: string[] = [];
after(() => copies.forEach(removePackageCopy));

function copy(name: string, label: string): string {
  const dir = copyInstalledPackage(repoRoot, name, label);
  copies.push(dir);
  return dir;
}

function node(args: string[], cwd?: string): string {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr.split('\n').slice(0, 12).join('\n'));
  return run.stdout;
}

/** The workload's output (bench/hot-path-child.ts `output` mode) on one copy. */
function workloadOutput(workload: string, dir: string): unknown {
  const out = node(['--import', 'tsx', hotPathChild, workload, dir, 'output', '1', eslintDir], repoRoot);
  return JSON.parse(out.trim().split('\n').pop()!);
}

/**
 * What `script` writes (JSON) when run in a fresh process on the copy `dir`, where it finds `dir`
 * and `files()`, the copy's files loaded so far, root-relative and sorted.
 */
function probeCopy<T>(dir: string, script: string): T {
  const prelude = `const dir = ${JSON.stringify(dir + '/')};
    const files = () => Object.keys(require.cache).filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length)).sort();`;
  return JSON.parse(node(['-e', `${prelude}\n${script}`])) as T;
}

/** Median wall time of a cold require of `dir` over 3 fresh processes. */
function requireMs(dir: string): number {
  const times = [0, 1, 2].map(() => Number(node(['-e', `const s = performance.now(); require(${JSON.stringify(dir)}); process.stdout.write(String(performance.now() - s))`])));
  return times.sort((a, b) => a - b)[1]!;
}

function report(name: string, figures: Record<string, number | undefined>, operations: string[]): void {
  const text = Object.entries(figures).map(([k, v]) => `${k} ${v === undefined ? 'n/a' : `${v.toFixed(1)} ms`}`).join(', ');
  console.log(`${name}: require ${text}; ${operations.length} operations (${[...new Set(operations)].join(', ') || 'none'})`);
}

/** A copy whose files under `folder` are replaced by `stub`: the package without its providers' cost. */
function floorCopy(name: string, folder: string, stub: string): string {
  const dir = copy(name, `${name}-floor`);
  for (const file of readdirSync(join(dir, folder))) if (file.endsWith('.js') && file !== 'index.js') writeFileSync(join(dir, folder, file), stub);
  return dir;
}

test('winston@3.19.0: after apply, the same log output and export names', { timeout: 900_000 }, async () => {
  const original = copy('winston', 'winston-original');
  const applied = copy('winston', 'winston-applied');
  const result = await apply(applied, { force: true });
  assert.deepEqual(workloadOutput('winston', applied), workloadOutput('winston', original));
  report('winston', { before: requireMs(original), after: requireMs(applied), floor: undefined }, result.plan.operations.map((o) => o.transform));
});

/**
 * Applies lazify to a copy of an installed ESLint plugin and checks that every rule, its meta and
 * the lint messages on the workload's JSX sample are those of the original (the sample must make
 * at least `minimum.messages` of them speak, from more than `minimum.rules` rules); prints the
 * require times with its rules stubbed as the floor.
 */
async function applyToEslintPlugin(name: string, minimum: { messages: number; rules: number }, rulesFolder = 'lib/rules') {
  const original = copy(name, `${name}-original`);
  const applied = copy(name, `${name}-applied`);
  const result = await apply(applied, { force: true });
  const before = workloadOutput(name, original) as { messages: unknown[]; ruleNames: string[] };
  // The comparison means something only if the sample makes the rules speak.
  assert.ok(before.messages.length > minimum.messages, `the sample gets ${before.messages.length} messages`);
  assert.ok(before.ruleNames.length > minimum.rules);
  assert.deepEqual(workloadOutput(name, applied), before);
  const floor = floorCopy(name, rulesFolder, `'use strict';\nmodule.exports = { meta: {}, create() { return {}; } };\n`);
  report(name, { before: requireMs(original), after: requireMs(applied), floor: requireMs(floor) }, result.plan.operations.map((o) => o.transform));
  return { original, applied, result };
}

test('eslint-plugin-react@7.37.5: after apply, every rule and its meta the same, the same lint messages', { timeout: 900_000 }, async () => {
  await applyToEslintPlugin('eslint-plugin-react', { messages: 10, rules: 90 });
});

test('eslint-plugin-jsx-a11y@6.10.2: after apply, every rule and its meta the same, the same lint messages; its rules map, copied at import, stays', { timeout: 900_000 }, async () => {
  const { original, applied, result } = await applyToEslintPlugin('eslint-plugin-jsx-a11y', { messages: 5, rules: 30 });
  // `rules: _objectSpread({}, allRules)` reads every rule at import: lazy getters would all run then.
  const reason = 'allRules is read whole at import (line 174: `_objectSpread({}, allRules)`), which would load every provider then';
  assert.ok(skippedLines(result.skipped).includes(`stays-eager registry:lib/index.js:allRules: allRules stays eager: ${reason}`), skippedLines(result.skipped).join('\n'));
  assert.equal(readFileSync(join(applied, 'lib/index.js'), 'utf8'), readFileSync(join(original, 'lib/index.js'), 'utf8'));
  assert.ok(result.plan.operations.length > 0, 'its rules still defer their heavy imports');
});

test('eslint-plugin-promise@7.2.1: its rules map, nested in the plugin object, becomes a manifest; the same rules, meta and lint messages', { timeout: 900_000 }, async () => {
  const { applied, result } = await applyToEslintPlugin('eslint-plugin-promise', { messages: 20, rules: 15 }, 'rules');
  assert.deepEqual(result.plan.operations.filter((o) => o.transform === 'registry-to-manifest').map((o) => o.id), ['registry:index.js:pluginPromise.rules']);
  // Requiring the plugin loads no rule now; reading one loads that rule alone.
  const loadedRules = node(['-e', `const plugin = require(${JSON.stringify(applied)});
    const rules = () => Object.keys(require.cache).filter((f) => /[/]rules[/][^/]+[.]js$/.test(f)).length;
    const atImport = rules(); plugin.rules['no-nesting'].create; process.stdout.write(JSON.stringify([atImport, rules()]));`]);
  assert.deepEqual(JSON.parse(loadedRules), [0, 1]);
  // The file is written without semicolons (prettier `semi: false`); so are the new lines.
  const index = readFileSync(join(applied, 'index.js'), 'utf8');
  assert.match(index, /^const \{ rulesManifest, withFastProperties \} = require\('\.\/index\.manifest\.js'\)$/m);
  assert.match(index, /^  rules: withFastProperties\(rulesManifest, \{$/m);
  assert.doesNotMatch(readFileSync(join(applied, 'index.manifest.js'), 'utf8'), /^(?!\s*\/\/).*;$/m);
});

test('eslint-plugin-vue@9.33.0: its configs, rules and processors maps, nested in the plugin object, each get a manifest; the same rules, meta and lint messages on a .vue file', { timeout: 900_000 }, async () => {
  const { applied, result } = await applyToEslintPlugin('eslint-plugin-vue', { messages: 40, rules: 200 });
  const manifests = result.plan.operations.filter((o) => o.transform === 'registry-to-manifest' && o.files.includes('lib/index.js')).map((o) => [o.id, o.options.manifest]).sort();
  assert.deepEqual(manifests, [
    ['registry:lib/index.js:plugin.configs', 'lib/index.configs.manifest.js'],
    ['registry:lib/index.js:plugin.processors', 'lib/index.processors.manifest.js'],
    ['registry:lib/index.js:plugin.rules', 'lib/index.rules.manifest.js'],
  ]);
  const loaded = node(['-e', `const plugin = require(${JSON.stringify(applied)});
    const count = (folder) => Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(join(applied, 'lib'))} + '/' + folder + '/')).length;
    const atImport = [count('rules'), count('configs')]; plugin.rules['html-self-closing'].create;
    process.stdout.write(JSON.stringify([atImport, count('rules')]));`]);
  assert.deepEqual(JSON.parse(loaded), [[0, 0], 1]);
});

test('eslint-plugin-import@2.31.0 (Babel, retainLines): its rules and configs maps get a manifest each, the directive line stays whole; the same rules, meta and lint messages', { timeout: 900_000 }, async () => {
  const { original, applied, result } = await applyToEslintPlugin('eslint-plugin-import', { messages: 10, rules: 40 });
  const manifests = result.plan.operations.filter((o) => o.transform === 'registry-to-manifest').map((o) => [o.id, o.options.manifest]).sort();
  assert.deepEqual(manifests, [
    ['registry:lib/index.js:configs', 'lib/index.configs.manifest.js'],
    ['registry:lib/index.js:rules', 'lib/index.rules.manifest.js'],
  ]);
  // `'use strict';Object.defineProperty(exports, ...` is one line, before and after.
  const firstLine = (dir: string) => readFileSync(join(dir, 'lib/index.js'), 'utf8').split('\n')[0];
  assert.equal(firstLine(applied), firstLine(original));
  const loaded = node(['-e', `require(${JSON.stringify(applied)});
    process.stdout.write(String(Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(join(applied, 'lib/rules'))})).length));`]);
  assert.equal(loaded, '0');
});

test('date-fns@2.30.0: its export getters and English locale load on first read; the same results and export names for require and import', { timeout: 900_000 }, async () => {
  const original = copy('date-fns', 'date-fns-original');
  const applied = copy('date-fns', 'date-fns-applied');
  const result = await apply(applied, { force: true });
  assert.deepEqual(result.plan.operations.map((o) => o.id).sort(), ['registry:index.js:exports', 'registry:locale/en-US/index.js:locale']);
  // Results of the workload (formatting reads the locale) and the CommonJS export names.
  assert.deepEqual(workloadOutput('date-fns', applied), workloadOutput('date-fns', original));
  // What an ES module importer sees comes from Node reading the file's text, not from running it.
  const esmNames = (dir: string) =>
    JSON.parse(node(['--input-type=module', '-e', `const ns = await import(${JSON.stringify(join(dir, 'index.js'))}); process.stdout.write(JSON.stringify(Object.keys(ns).sort()));`])) as string[];
  const names = esmNames(original);
  assert.ok(names.length > 250 && names.includes('format'), `${names.length} names`);
  assert.deepEqual(esmNames(applied), names);
  // Requiring the index loads the index alone (its `export *` of constants is read on first use
  // too); reading `format` loads its own modules and the locale's, never an unrelated function's.
  const unrelated = ['addBusinessDays/index.js', 'eachDayOfInterval/index.js', 'formatDistance/index.js', 'parse/index.js'];
  const loaded = (dir: string) =>
    probeCopy<{ atRequire: string[]; unrelated: string[] }>(
      dir,
      `const dateFns = require(dir); const atRequire = files(); dateFns.format(0, 'PP');
       process.stdout.write(JSON.stringify({ atRequire, unrelated: files().filter((f) => ${JSON.stringify(unrelated)}.includes(f)) }));`,
    );
  assert.deepEqual(loaded(original).unrelated, unrelated, 'the original loads every function at require');
  assert.deepEqual(loaded(applied), { atRequire: ['index.js'], unrelated: [] });
  // The locale's requires all moved to its manifest: so did its use of @babel/runtime's helper.
  assert.match(readFileSync(join(original, 'locale/en-US/index.js'), 'utf8'), /require\("@babel\/runtime\/helpers\/interopRequireDefault"\)/);
  assert.doesNotMatch(readFileSync(join(applied, 'locale/en-US/index.js'), 'utf8'), /@babel\/runtime|_interopRequireDefault/);
  report('date-fns', { before: requireMs(original), after: requireMs(applied), floor: undefined }, result.plan.operations.map((o) => o.transform));
});

test('date-fns@3.6.0: each `export *` of its index becomes a getter per name, requiring on first read; the same keys, results and export names for require and import', { timeout: 900_000 }, async () => {
  const original = copy('date-fns-3', 'date-fns-3-original');
  const applied = copy('date-fns-3', 'date-fns-3-applied');
  const analysis = analyze(applied);
  const index = analysis.findings.find((f) => f.id === 'registry:index.js:exports');
  assert.ok(index?.convertible, index?.message ?? 'no finding for index.js');
  // format.js and parse.js both re-export longFormatters: the first `export *` keeps it, as Babel's guard does.
  assert.equal(index.entries!.find((e) => e.key === 'longFormatters')?.module, 'format.js');
  const result = await apply(applied, { force: true });
  assert.ok(result.plan.operations.some((o) => o.id === 'registry:index.js:exports'), skippedLines(result.skipped).join('\n'));
  const unrelated = ['addBusinessDays.js', 'eachDayOfInterval.js', 'formatDistance.js', 'parse.js'];
  const probe = (dir: string) =>
    probeCopy<{ atRequire: string[]; keys: string[]; results: unknown[]; afterFormat: string[] }>(
      dir,
      `const d = require(dir); const atRequire = files(); const keys = Object.keys(d);
         const day = new Date(2024, 0, 31, 13, 5);
         const results = [d.format(day, 'PPpp'), d.addMonths(day, 1).toISOString(), d.differenceInDays(d.addDays(day, 40), day), d.isValid(day), d.formatISO(day), d.startOfWeek(day).toISOString()];
         const afterFormat = files().filter((f) => ${JSON.stringify(unrelated)}.includes(f));
         results.push(d.parse('2024-02-03', 'yyyy-MM-dd', day).toISOString(), d.formatDistance(day, d.addHours(day, 30)), d.longFormatters === require(dir + 'parse.js').longFormatters);
         process.stdout.write(JSON.stringify({ atRequire, keys, results, afterFormat }));`,
    );
  const before = probe(original);
  const after = probe(applied);
  assert.ok(before.keys.length === 250 && before.atRequire.length > 300, `${before.keys.length} keys, ${before.atRequire.length} files at require`);
  assert.deepEqual(after.keys, before.keys, 'the same keys in the same order');
  assert.deepEqual(after.results, before.results);
  assert.deepEqual(before.afterFormat, unrelated, 'the original loads every function at require');
  // Requiring it loads the index alone; the calls above load no function they do not call.
  assert.deepEqual(after.atRequire, ['index.js']);
  assert.deepEqual(after.afterFormat, []);
  const esmNames = (dir: string) =>
    JSON.parse(node(['--input-type=module', '-e', `const ns = await import(${JSON.stringify(join(dir, 'index.js'))}); process.stdout.write(JSON.stringify(Object.keys(ns)));`])) as string[];
  const names = esmNames(original);
  assert.ok(names.length > 250 && names.includes('format'), `${names.length} names`);
  assert.deepEqual(esmNames(applied), names);
  report('date-fns@3', { before: requireMs(original), after: requireMs(applied), floor: undefined }, result.plan.operations.map((o) => o.transform));
});

test('@sinclair/typebox@0.34.52: its `__exportStar` barrels become getters per name, requiring on first read; the same keys, kinds, results and export names for require and import', { timeout: 900_000 }, async () => {
  const original = copy('@sinclair/typebox', 'typebox-original');
  const applied = copy('@sinclair/typebox', 'typebox-applied');
  const result = await apply(applied, { force: true });
  assert.ok(result.plan.operations.some((o) => o.id === 'registry:build/cjs/index.js:exports'), skippedLines(result.skipped).join('\n'));
  const entries = ['build/cjs/index.js', 'build/cjs/value/index.js', 'build/cjs/compiler/index.js'];
  const probe = (dir: string) =>
    probeCopy<{ atRequire: string[]; surfaces: string[][]; results: unknown[] }>(
      dir,
      `require(dir + 'build/cjs/index.js'); const atRequire = files();
       const surfaces = ${JSON.stringify(entries)}.map((file) => { const m = require(dir + file); return Object.keys(m).map((k) => k + ':' + typeof m[k]); });
       const { Type } = require(dir + 'build/cjs/index.js');
       const { Value } = require(dir + 'build/cjs/value/index.js');
       const { TypeCompiler } = require(dir + 'build/cjs/compiler/index.js');
       const T = Type.Object({ id: Type.Integer(), name: Type.String({ minLength: 1 }), tags: Type.Array(Type.Union([Type.Literal('a'), Type.Literal('b')])), when: Type.Optional(Type.Date()) });
       const good = { id: 1, name: 'x', tags: ['a'] }, bad = { id: 1.5, name: '', tags: ['c'] };
       const results = [T, Value.Check(T, good), Value.Check(T, bad), [...Value.Errors(T, bad)].map((e) => e.path + ' ' + e.message), TypeCompiler.Compile(T).Check(bad),
         Value.Create(T), Value.Cast(T, { id: '3' }), Object.keys(Type.Pick(T, ['id']).properties), Type.Partial(T).required ?? null];
       process.stdout.write(JSON.stringify({ atRequire, surfaces, results }));`,
    );
  const before = probe(original);
  const after = probe(applied);
  assert.ok(before.atRequire.length >= 200 && before.surfaces[0]!.length > 150, `${before.atRequire.length} files at require, ${before.surfaces[0]!.length} keys`);
  assert.deepEqual(after.surfaces, before.surfaces, 'the same keys in the same order, each of the same kind');
  assert.deepEqual(after.results, before.results);
  assert.ok(after.atRequire.length <= 10, `${after.atRequire.length} files at require: ${after.atRequire.join(', ')}`);
  const esmNames = (dir: string) =>
    JSON.parse(node(['--input-type=module', '-e', `const out = []; for (const file of ${JSON.stringify(entries)}) out.push(Object.keys(await import(${JSON.stringify(dir + '/')} + file))); process.stdout.write(JSON.stringify(out));`])) as string[][];
  const names = esmNames(original);
  assert.ok(names[0]!.includes('Type') && names[1]!.includes('Value'), names.map((n) => n.length).join(', '));
  assert.deepEqual(esmNames(applied), names);
  // A barrel whose every star became getters keeps no tsc helper: none is called any more.
  assert.match(readFileSync(join(original, 'build/cjs/type/clone/index.js'), 'utf8'), /^var __exportStar = /m);
  assert.doesNotMatch(readFileSync(join(applied, 'build/cjs/type/clone/index.js'), 'utf8'), /__exportStar|__createBinding/);
  report('@sinclair/typebox', { before: requireMs(original), after: requireMs(applied), floor: undefined }, result.plan.operations.map((o) => o.transform));
});

test('validator@13.12.0: its map of validators becomes a manifest, the locales and named helpers beside them too; the same results and keys', { timeout: 900_000 }, async () => {
  const original = copy('validator', 'validator-original');
  const applied = copy('validator', 'validator-applied');
  const result = await apply(applied, { force: true });
  assert.deepEqual(result.plan.operations.map((o) => o.id), ['registry:index.js:validator']);
  const probe = (dir: string) =>
    probeCopy<{ atRequire: string[]; keys: string[]; loaded: number }>(
      dir,
      `const v = require(dir); const atRequire = files();
         const results = [v.isEmail('a@b.co'), v.isEmail('a@'), v.isURL('https://example.com/x?y=1'), v.isAlpha('abc', 'en-US'), v.isAlpha('äbc', 'de-DE'),
           v.isMobilePhone('+14155552671', 'en-US'), v.isPostalCode('10001', 'US'), v.isISO6346('CSQU3054383'), v.isFreightContainerID('CSQU3054384'),
           v.isIBAN('DE89370400440532013000'), v.toInt('42'), v.escape('<a href="x">'), v.isUUID('a8098c1a-f86e-11da-bd1a-00112444be1e')];
         const lists = [v.isAlphaLocales, v.isAlphanumericLocales, v.isFloatLocales, v.isMobilePhoneLocales, v.isPostalCodeLocales, v.ibanLocales];
         process.stdout.write(JSON.stringify({ atRequire, keys: Object.keys(v), version: v.version, results, lists, loaded: files().length }));`,
    );
  const before = probe(original);
  const after = probe(applied);
  assert.ok(before.keys.length > 100 && before.atRequire.length > 100, `${before.keys.length} keys, ${before.atRequire.length} files at require`);
  // Requiring it loads the index and its manifest; the calls above load only what they use.
  assert.deepEqual(after.atRequire, ['index.js', 'index.manifest.js']);
  assert.ok(after.loaded < before.loaded, `${after.loaded} of ${before.loaded} files after the calls`);
  assert.deepEqual({ ...after, atRequire: [], loaded: 0 }, { ...before, atRequire: [], loaded: 0 });
  // Babel's interop helpers had no caller left in the index: they went with the requires.
  assert.match(readFileSync(join(original, 'index.js'), 'utf8'), /^function _interopRequireWildcard\(/m);
  assert.doesNotMatch(readFileSync(join(applied, 'index.js'), 'utf8'), /function _(interopRequireDefault|interopRequireWildcard|getRequireWildcardCache|typeof)\(/);
  report('validator', { before: requireMs(original), after: requireMs(applied), floor: undefined }, result.plan.operations.map((o) => o.transform));
});

test('es-abstract@1.24.2: maps between its requires get their manifest required above them, its helpers load on first use; the same keys, kinds and results', { timeout: 900_000 }, async () => {
  const original = copy('es-abstract', 'es-abstract-original');
  const applied = copy('es-abstract', 'es-abstract-applied');
  const result = await apply(applied, { force: true });
  // 2015/SetValueInBuffer.js and its kin: `var TypeToAO = { ... }` sits between requires.
  assert.ok(result.plan.operations.some((o) => o.id === 'registry:2015/SetValueInBuffer.js:TypeToAO'), skippedLines(result.skipped).join('\n'));
  const text = readFileSync(join(applied, '2015/SetValueInBuffer.js'), 'utf8');
  assert.ok(text.indexOf("require('./SetValueInBuffer.manifest.js')") < text.indexOf('var TypeToAO = '), 'the manifest is required before the map reads it');
  const probe = (dir: string) =>
    probeCopy<{ atRequire: number; keys: string[]; kinds: string[]; results: unknown[] }>(
      dir,
      `const E = require(dir); const atRequire = files().length; const keys = Object.keys(E);
         const kinds = keys.map((k) => typeof E[k] + (E[k] && typeof E[k] === 'object' ? ':' + Object.keys(E[k]).join(',') : ''));
         const results = [E.ES2024.ToNumber('42'), E.ES2015.SameValue(NaN, NaN), E.ES5.Type(null), E.ES2024.NumericToRawBytes('INT8', 5, true), E.ES2017.NumberToRawBytes('Int16', 258, false),
           E.ES2024.ToIntegerOrInfinity(-3.7), E.ES2020.IsArray([]), String(E.ES2015.ToPropertyKey(Symbol.iterator)), E.ES2022.StringToBigInt('12').toString()];
         const buffer = new ArrayBuffer(4); E.ES2015.SetValueInBuffer(buffer, 0, 'Int16', 513, true); results.push([...new Uint8Array(buffer)]);
         process.stdout.write(JSON.stringify({ atRequire, keys, kinds, results }));`,
    );
  const before = probe(original);
  const after = probe(applied);
  assert.ok(before.atRequire > 2_000 && before.keys.length > 10, `${before.atRequire} files at require, ${before.keys.length} keys`);
  assert.deepEqual(after.keys, before.keys, 'the same keys in the same order');
  assert.deepEqual(after.kinds, before.kinds, 'each of the same kind, each edition with the same operations in the same order');
  assert.deepEqual(after.results, before.results);
  assert.ok(after.atRequire < before.atRequire / 4, `${before.atRequire} files at require before, ${after.atRequire} after`);
  report('es-abstract', { before: requireMs(original), after: requireMs(applied), floor: undefined }, result.plan.operations.map((o) => o.transform));
});

test('js-yaml@4.3.2: its map of types, whose every type its schemas require again, saves nothing and stays as written', { timeout: 900_000 }, async () => {
  const dir = copy('js-yaml', 'js-yaml');
  const finding = analyze(dir).findings.find((f) => f.id === 'registry:index.js:types');
  assert.ok(finding?.convertible, finding?.message ?? 'no finding for index.js');
  assert.deepEqual(finding.cost, { exclusiveBytes: 0, exclusiveModules: 0 });
  assert.match(finding.message, /registers 13 modules that load at import without it \(lib\/schema\/\w+\.js:\d+ imports lib\/type\/\w+\.js\)/);
  const planned = await plan(dir);
  assert.deepEqual(planned.plan.operations.filter((o) => o.id === 'registry:index.js:types'), []);
  assert.ok(skippedLines(planned.skipped).some((line) => /types stays as written: the modules it registers load at import without it/.test(line)), skippedLines(planned.skipped).join('\n'));
});

test('highlight.js@11.12.0: after apply, the same highlighting and alias lookups; its registry stays eager', { timeout: 900_000 }, async () => {
  const original = copy('highlight.js', 'highlight-js-original');
  const applied = copy('highlight.js', 'highlight-js-applied');
  const result = await apply(applied, { force: true });
  assert.deepEqual(result.plan.operations.filter((o) => o.transform === 'registry-to-manifest'), [], 'registerLanguage calls each definition at registration');
  // The true reason, in one line, the same in analyze and plan.
  const reason = 'registerLanguage calls the registered value (languageDefinition) at registration (lib/core.js:2408): a lazy entry would change what it stores';
  assert.ok(skippedLines(result.skipped).includes(`stays-eager registry:lib/index.js:registerLanguage: registerLanguage stays eager: ${reason}`), skippedLines(result.skipped).join('\n'));
  const finding = analyze(applied).findings.find((f) => f.kind === 'registry' && f.file === 'lib/index.js');
  assert.equal(finding?.convertible, false);
  assert.deepEqual(finding?.blockers, [reason]);
  const probe = (dir: string) =>
    node([
      '-e',
      `const hljs = require(${JSON.stringify(dir)});
       const out = { languages: hljs.listLanguages(), aliases: ['js', 'py', 'sh', 'yml', 'ts', 'c++', 'html'].map((a) => hljs.getLanguage(a)?.name ?? null),
         html: [['javascript', 'const x = () => 1; // hi'], ['python', 'def f(x):\\n  return x'], ['xml', '<a href="x">y</a>']].map(([l, c]) => hljs.highlight(c, { language: l }).value),
         auto: hljs.highlightAuto('SELECT * FROM t WHERE a = 1').language };
       process.stdout.write(JSON.stringify(out));`,
    ]);
  const before = probe(original);
  assert.ok(JSON.parse(before).languages.length > 150);
  assert.equal(probe(applied), before);
  const floor = floorCopy('highlight.js', 'lib/languages', `'use strict';\nmodule.exports = function () { return {}; };\n`);
  report('highlight.js', { before: requireMs(original), after: requireMs(applied), floor: requireMs(floor) }, result.plan.operations.map((o) => o.transform));
});

test('webpack@5.113.0: already lazy, so plan has zero operations', { timeout: 900_000 }, async () => {
  const dir = copy('webpack', 'webpack-plan');
  const started = performance.now();
  const planned = await plan(dir);
  const seconds = (performance.now() - started) / 1000;
  assert.deepEqual(planned.plan.operations.map((o) => o.id), []);
  const analysis = analyze(dir);
  // The entry itself loads only a few modules; everything else waits behind getters.
  assert.ok(analysis.cost.eagerModules < 20 && Object.keys(analysis.graph.modules).length > 800, `${analysis.cost.eagerModules} eager of ${Object.keys(analysis.graph.modules).length} modules`);
  assert.deepEqual(analysis.findings.filter((f) => f.kind !== 'cycle').map((f) => f.id), []);
  console.log(`webpack: plan ${seconds.toFixed(1)} s over ${Object.keys(analysis.graph.modules).length} modules (${analysis.cost.eagerModules} loaded at import), ${planned.plan.operations.length} operations`);
});
