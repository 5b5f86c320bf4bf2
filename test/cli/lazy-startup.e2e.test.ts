// lazify is lazy itself: start-up, --help and --version load no parser or codemod toolkit, and
// analyze no jscodeshift. The built CLI (`npm run build` first) runs under a preload that lists
// every file the process loaded (dist/bench/record-loaded-modules.js, also used by the bench).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');
const { loadedModules } = (await import(pathToFileURL(join(repoRoot, 'dist/bench/loaded-modules.js')).href)) as typeof import('../../bench/loaded-modules.js');

/** Loaded files that belong to TypeScript (also the copy inside @ts-morph/common), ts-morph, jscodeshift or babel. */
function heavy(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(file.split('\\').join('/')));
}
const PARSERS_AND_CODEMODS = /\/node_modules\/(typescript|ts-morph|@ts-morph\/[^/]+|jscodeshift|recast|@babel\/[^/]+)\/|\/typescript\.js$/;
const CONFIG_CODE = /\/node_modules\/(lilconfig|zod)\/|\/dist\/src\/config\/load-config\.js$/;
const CODEMODS = /\/node_modules\/(jscodeshift|recast|@babel\/[^/]+)\//;

const YARGS = /\/node_modules\/(yargs|yargs-parser|cliui|y18n)\//;
// In English on a pipe (as here), the bin answers these from stored text; elsewhere yargs does.
const english = { ...process.env, LC_ALL: 'en_US.UTF-8' };

for (const args of [['--help'], ['-h'], ['--version'], ['analyze', '--help'], ['check', '--help']]) {
  test(`lazify ${args.join(' ')} loads no yargs, TypeScript, ts-morph, jscodeshift or babel module`, () => {
    const run = loadedModules([cli, ...args], { env: english });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.files.some((f: string) => f.endsWith('/dist/src/cli/index.js')), 'the recorder saw the CLI itself');
    assert.ok(run.files.some((f: string) => f.endsWith('/dist/src/cli/stored-answers.js')), 'the recorder saw an ES module the bin imports');
    assert.deepEqual(heavy(run.files, YARGS), []);
    assert.deepEqual(heavy(run.files, PARSERS_AND_CODEMODS), []);
    // The config loader and its validator come with a command's handler, not with --help.
    assert.deepEqual(heavy(run.files, CONFIG_CODE), []);
  });
}

test('lazify --help in another language goes through yargs, still without TypeScript, ts-morph, jscodeshift, babel or the config loader', () => {
  const run = loadedModules([cli, '--help'], { env: { ...process.env, LC_ALL: 'de_DE.UTF-8' } });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(heavy(run.files, YARGS).length > 0, 'the recorder saw yargs (ESM)');
  assert.deepEqual(heavy(run.files, PARSERS_AND_CODEMODS), []);
  assert.deepEqual(heavy(run.files, CONFIG_CODE), []);
});

test('a bad config stops analyze before the pipeline: one line, exit 2, no TypeScript or ts-morph loaded', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    writeFileSync(join(dir, 'lazify.config.json'), '{ "entyr": "index.js" }\n');
    const run = loadedModules([cli, 'analyze', dir]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^lazify: lazify\.config\.json: unknown key "entyr" \(did you mean "entry"\?\)\n$/);
    assert.ok(heavy(run.files, CONFIG_CODE).length > 0, 'the config loader ran');
    assert.ok(heavy(run.files, /\/node_modules\/zod\//).length > 0, 'zod validated the config');
    assert.deepEqual(heavy(run.files, PARSERS_AND_CODEMODS), []);
  } finally {
    cleanup();
  }
});

test('lazify analyze loads TypeScript (it parses) but no jscodeshift, recast, babel or measure stage; plan does load jscodeshift (the recorder sees CommonJS requires), but no verify stage', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const analyzed = loadedModules([cli, 'analyze', dir]);
    assert.equal(analyzed.status, 0, analyzed.stderr);
    assert.ok(heavy(analyzed.files, /\/typescript\.js$/).length > 0, 'analyze parses with TypeScript');
    assert.deepEqual(heavy(analyzed.files, CODEMODS), []);
    // The orchestrators load a stage with import() only when the command runs it.
    assert.deepEqual(heavy(analyzed.files, /\/dist\/src\/measure\/measure\.js$/), [], 'analyze without --measure loads no measure stage');
    const planned = loadedModules([cli, 'plan', dir]);
    assert.equal(planned.status, 0, planned.stderr);
    assert.ok(heavy(planned.files, /\/node_modules\/jscodeshift\//).length > 0, 'plan loads jscodeshift');
    assert.deepEqual(heavy(planned.files, /\/dist\/src\/(verify|measure)\//), [], 'plan loads neither the verify nor the measure stage');
  } finally {
    cleanup();
  }
});

test('lazify analyze run again on an unchanged project answers from its kept analysis: the same report, no TypeScript loaded', () => {
  // The fixture in the repository, not a copy: analyze only reads it, and a copy made just now
  // would be too recent for its analysis to be kept.
  const cache = mkdtempSync(join(tmpdir(), 'lazify-kept-cli-'));
  try {
    const env = { ...process.env, LAZIFY_CACHE_DIR: cache };
    const args = [cli, 'analyze', join(repoRoot, 'fixtures/gateway-js'), '--format', 'json'];
    const first = loadedModules(args, { env });
    assert.equal(first.status, 0, first.stderr);
    assert.ok(heavy(first.files, /\/typescript\.js$/).length > 0, 'the first run parses');
    const again = loadedModules(args, { env });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, first.stdout);
    assert.deepEqual(heavy(again.files, PARSERS_AND_CODEMODS), []);
    // The project has no config: nothing to validate, so no zod (about 100 ms to load).
    assert.deepEqual(heavy(again.files, /\/node_modules\/zod\//), []);
    // Nor semver: the findings only name the require(esm) range; engines.node was checked in the first run.
    assert.deepEqual(heavy(again.files, /\/node_modules\/semver\//), []);
    const fresh = loadedModules([...args, '--no-cache'], { env });
    assert.equal(fresh.stdout, first.stdout);
    assert.ok(heavy(fresh.files, /\/typescript\.js$/).length > 0, '--no-cache analyses again');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('apply with a written plan on a JavaScript project loads no TypeScript or ts-morph unless an operation splits a module (the split reads it with TypeScript)', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const TYPESCRIPT = /\/node_modules\/(typescript|ts-morph|@ts-morph\/[^/]+)\//;
    const planFile = join(dir, '..', 'gateway-js.plan.json');
    const planned = loadedModules([cli, 'plan', dir, '--format', 'json', '--output-file', planFile]);
    assert.equal(planned.status, 0, planned.stderr);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { operations: Array<{ transform: string }> };
    const transforms = new Set(plan.operations.map((operation) => operation.transform));
    assert.ok(transforms.has('god-module-to-focused-modules') && transforms.has('registry-to-manifest'), [...transforms].join(', '));
    const withSplit = loadedModules([cli, 'apply', dir, '--plan', planFile, '--dry-run']);
    assert.equal(withSplit.status, 0, withSplit.stderr);
    assert.ok(heavy(withSplit.files, TYPESCRIPT).length > 0, 'the split loads TypeScript');
    // The registry's manifest alone: the eager-init deferral reads a module the split creates.
    writeFileSync(planFile, JSON.stringify({ ...plan, operations: plan.operations.filter((operation) => operation.transform === 'registry-to-manifest') }));
    const withoutSplit = loadedModules([cli, 'apply', dir, '--plan', planFile, '--dry-run']);
    assert.equal(withoutSplit.status, 0, withoutSplit.stderr);
    assert.match(withoutSplit.stdout, /^[-+]/m, 'the other operations still change files');
    assert.ok(heavy(withoutSplit.files, CODEMODS).length > 0, 'the codemods ran');
    assert.deepEqual(heavy(withoutSplit.files, TYPESCRIPT), []);
  } finally {
    cleanup();
  }
});
