// Registry shapes of published packages (fixtures/edge/registry-shapes-js): eslint-plugin-react's
// `var rules = exports.rules = {...}`, a plugin's `index.rules = {...}`, aws-sdk's
// `module.exports = { S3: require('./s3') }` read for its value, a Babel CommonJS barrel, a map
// with inline values, a registry whose providers import its helpers back (a cycle), and a
// `hljs.registerLanguage(...)` on a required core, one-argument `registerLanguage(lang)` (each
// language's module exports its literal `name`), one-argument `registerTheme(theme)` where one
// theme builds its name at run time, and code that is already lazy (lib/lazy). analyze finds each
// and says the same as plan; apply converts all but the themes and the lazy code; the fixture's own tests pass afterwards, in a child process, with
// the same exports and fewer modules loaded at require. A plugin object holding two maps
// (`configs`, `rules`: eslint-plugin-vue's shape) gets a manifest per map; a map whose entries
// are written back at import, by its module, another or through a re-export, stays (getter-only
// entries would make the write throw).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { apply, plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyFixture } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const FIXTURE = 'edge/registry-shapes-js';

function node(dir: string, code: string): string {
  const run = spawnSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** Export names of the package and of each of its values, and how many files `require('.')` loads. */
function surface(dir: string): { names: Record<string, string[]>; loaded: number } {
  return JSON.parse(
    node(
      dir,
      `const api = require('.');
       const loaded = Object.keys(require.cache).length;
       const names = { '.': Object.keys(api) };
       for (const [k, v] of Object.entries(api)) if (v && typeof v === 'object') names[k] = Object.keys(v);
       names['rules.no-bar.meta'] = Object.keys(require('./lib/rules').rules['no-bar'].meta);
       process.stdout.write(JSON.stringify({ names, loaded }));`,
    ),
  );
}

/**
 * The names an ES module importing each of `files` gets, which Node reads in the CommonJS file's
 * text (`import { S3 } from './lib/services/index.js'` links only if `S3` is among them).
 */
function esmNames(dir: string, files: string[]): Record<string, string[]> {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { pathToFileURL } from 'node:url';
    const out = {};
    for (const file of ${JSON.stringify(files)}) out[file] = Object.keys(await import(pathToFileURL(file).href));
    process.stdout.write(JSON.stringify(out));`], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

function ownTests(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--test', 'test/'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

test('registry-shapes-js: analyze finds every shape, plan agrees with it, apply converts all but the register calls whose keys are only known at run time', { timeout: 300_000 }, async () => {
  const { dir, cleanup } = copyFixture(FIXTURE);
  try {
    const analysis = analyze(dir);
    // Already lazy (memoize(() => require()), a getter, a defineProperty getter): nothing to say, nothing to do.
    assert.deepEqual(analysis.findings.filter((f) => f.file.startsWith('lib/lazy/')).map((f) => f.id), []);
    const findings = analysis.findings.filter((f) => f.kind === 'registry' && f.file !== 'index.js');
    const byFile = Object.fromEntries(findings.map((f) => [f.file, f]));
    assert.deepEqual(Object.keys(byFile).sort(), [
      'lib/components/index.js',
      'lib/decorated/index.js',
      'lib/flat-plugin/index.js',
      'lib/languages/index.js',
      'lib/plugin/index.js',
      'lib/providers/index.js',
      'lib/reexported/rules.js',
      'lib/rules/index.js',
      'lib/services/index.js',
      'lib/syntax/index.js',
      'lib/themes/index.js',
      'lib/tools/index.js',
      'lib/wrapped/index.js',
    ]);
    assert.equal(byFile['lib/rules/index.js']!.symbol, 'rules');
    assert.equal(byFile['lib/plugin/index.js']!.symbol, 'index.rules');
    assert.equal(byFile['lib/services/index.js']!.symbol, 'module.exports');
    // Two maps nested in one plugin object: two registries, each with a manifest of its own.
    assert.deepEqual(findings.filter((f) => f.file === 'lib/flat-plugin/index.js').map((f) => [f.symbol, f.line, f.convertible]).sort(), [['plugin.configs', 7, true], ['plugin.rules', 11, true]]);
    assert.equal(byFile['lib/components/index.js']!.shape, 'export-getters');
    assert.deepEqual(byFile['lib/providers/index.js']!.entries!.map((e) => e.key), ['openai', 'anthropic', 'mistral', 'echo']);
    assert.match(byFile['lib/providers/index.js']!.message, /2 inline values stay as written \(noop, upper\)/);
    assert.match(byFile['lib/tools/index.js']!.message, /Its providers import lib\/tools\/index\.js back \(lib\/tools\/hammer\.js:2 uses describeTool\).*move the registry into its own module\./);
    // One argument: the keys are the literal names the languages' modules export.
    const oneArgument = byFile['lib/languages/index.js']!;
    assert.equal(oneArgument.convertible, true, oneArgument.message);
    assert.deepEqual(oneArgument.entries!.map((e) => e.key), ['javascript', 'python', 'ruby']);
    // Its entries are written back at import: getter-only entries would make that throw.
    assert.deepEqual(byFile['lib/wrapped/index.js']!.blockers, [
      'rules has an entry written at line 11 (`rules[name] = { ...rule, meta: { ...rule.meta, docs: { url: `https://example.test/rules/${name}` } } }`): a lazy entry is a getter with no setter',
    ]);
    // Another module writes one of its entries back through what it requires of it.
    assert.deepEqual(byFile['lib/decorated/index.js']!.blockers, [
      "plugin.rules has an entry written by lib/decorated/decorate.js:6 (`plugin.rules['no-three'] = { ...plugin.rules['no-three'], meta: { ...plugin.rules['no-three'].meta, deprecated: true } }`): a lazy entry is a getter with no setter",
    ]);
    // ... or through the index that re-exports it (`module.exports = require('./rules')`).
    assert.deepEqual(byFile['lib/reexported/rules.js']!.blockers, [
      'module.exports has an entry written by lib/reexported/deprecate.js:7 (`rules[name] = { ...rules[name], meta: { ...rules[name].meta, deprecated: true } }`): a lazy entry is a getter with no setter',
    ]);
    const runtimeName = byFile['lib/themes/index.js']!;
    assert.equal(runtimeName.convertible, false);
    assert.deepEqual(runtimeName.blockers, [
      'registerTheme(...) at line 6 takes its key from the registered value (theme.name), and lib/themes/dark.js does not export a literal `name`: the keys are only known by loading each module',
    ]);

    // analyze and plan agree: a convertible finding gets its operation, the others their blockers as the reason.
    const planned = await plan(dir);
    const operationIds = new Set(planned.plan.operations.map((o) => o.id));
    for (const finding of findings) {
      if (finding.convertible) assert.ok(operationIds.has(finding.id), `${finding.id} is convertible but has no operation: ${skippedLines(planned.skipped).join('\n')}`);
      else {
        assert.ok(!operationIds.has(finding.id));
        assert.ok(skippedLines(planned.skipped).includes(`stays-eager ${finding.id}: ${finding.symbol} stays eager: ${finding.blockers!.join('; ')}`), skippedLines(planned.skipped).join('\n'));
      }
    }
    assert.equal(findings.filter((f) => f.convertible).length, 10);
    const manifests = planned.plan.operations.filter((o) => o.files.includes('lib/flat-plugin/index.js')).map((o) => o.options.manifest).sort();
    assert.deepEqual(manifests, ['lib/flat-plugin/index.configs.manifest.js', 'lib/flat-plugin/index.rules.manifest.js']);
    assert.deepEqual(planned.plan.operations.flatMap((o) => o.files).filter((f) => f.startsWith('lib/lazy/')), []);

    const before = surface(dir);
    assert.equal(ownTests(dir).status, 0, 'the fixture passes its own tests as it is');
    const rewritten = (await apply(dir, { dryRun: true })).changes.filter((c) => c.before !== undefined).map((c) => c.path);
    const esmBefore = esmNames(dir, rewritten);
    const result = await apply(dir, { force: true });
    assert.deepEqual(result.operations.filter((o) => o.failed || o.changed.length === 0), [], 'every planned operation changes its files');
    const after = ownTests(dir);
    assert.equal(after.status, 0, after.output);
    const afterSurface = surface(dir);
    assert.deepEqual(afterSurface.names, before.names);
    // ES module importers of every rewritten file get the names they got before (a literal of
    // getters, or a Babel getter that now loads its module, would hide them from Node's reading),
    // and a registry module the `register...Loader` it gains.
    assert.ok(esmBefore['lib/components/index.js']!.includes('Button') && esmBefore['lib/services/index.js']!.includes('S3'));
    const esmAfter = esmNames(dir, rewritten);
    for (const file of rewritten) assert.deepEqual(esmAfter[file]!.filter((name) => !/^register\w*Loader$/.test(name)), esmBefore[file], file);
    console.log(`registry-shapes-js: require('.') loads ${before.loaded} files before apply, ${afterSurface.loaded} after`);
    // Provider modules stop loading and their manifests load instead (56 -> 39 files when written).
    assert.ok(afterSurface.loaded < before.loaded - 9, `require('.') loads ${before.loaded} files before, ${afterSurface.loaded} after`);
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), [], 'a second apply changes nothing');
  } finally {
    cleanup();
  }
});
