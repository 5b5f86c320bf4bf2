// After an edit, analyze parses again only the modules whose text changed and reuses what the
// last analysis read of the others; the result is the one a parse of every module gives, also
// where a reused module's facts depend on an edited one (keys read from an imported enum) and
// where tsconfig changes how every file parses; and, when nothing but modules changed, what the
// installed files load and the files package specifiers resolve to.
import assert from 'node:assert/strict';
import fs, { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { analyze } from '../../src/pipeline/analyze.js';
import type { AnalysisResult } from '../../src/pipeline/results.js';
import type { ProgressEvent } from '../../src/diagnostics/progress.js';
import { toJsonReport } from '../../src/report/json-report.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const provider = (name: string) => `import { Client } from '../client';\nexport class ${name} extends Client { readonly name = '${name}'; }\n`;

function gateway() {
  return writeTempProject({
    'package.json': JSON.stringify({ name: 'reuse-gateway', version: '1.0.0', main: 'src/index.ts' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2020', strict: true } }),
    'src/names.ts': `export enum Providers {\n  OPENAI = 'openai',\n  ANTHROPIC = 'anthropic',\n}\n`,
    'src/client.ts': 'export class Client {}\nexport type Options = { retries: number };\n',
    'src/providers/openai.ts': provider('ChatOpenAI'),
    'src/providers/anthropic.ts': provider('ChatAnthropic'),
    'src/broken.ts': "import { Options } from './client';\nexport const retries = (o: Options) => o.retries;\nexport const oops = {\n",
    'src/index.ts': `import { ChatOpenAI } from './providers/openai';
import { ChatAnthropic } from './providers/anthropic';
import { Providers } from './names';
import { retries } from './broken';

export const CHAT_MODELS = {
  [Providers.OPENAI]: ChatOpenAI,
  [Providers.ANTHROPIC]: ChatAnthropic,
};
export { retries };
`,
  });
}

/** The analysis, and how many modules the graph parsed and how many it took unchanged from the last analysis. */
function analyseCounting(dir: string, cacheDir: string | false): { result: AnalysisResult; parsed: number; reused: number } {
  let reuse: ProgressEvent | undefined;
  let modules = 0;
  const result = analyze(dir, {
    cacheDir,
    onProgress: (event) => {
      if (event.stage === 'reuse') reuse = event;
      if (event.stage === 'graph') modules = Math.max(modules, event.total ?? 0);
    },
  });
  const reused = reuse?.done ?? 0;
  assert.equal(reuse?.total ?? modules, modules, 'the reuse event counts every module the graph read');
  return { result, parsed: modules - reused, reused };
}

const everything = (r: AnalysisResult) =>
  JSON.stringify({ report: toJsonReport(r), graph: r.graph, facts: r.facts, findings: r.findings, suppressed: r.suppressed, diagnostics: r.diagnostics, entrySource: r.entrySource });

const keys = (r: AnalysisResult) => r.findings.find((f) => f.id === 'registry:src/index.ts:CHAT_MODELS')?.entries?.map((e) => e.key);

test('an edit re-parses only the edited module, and the analysis is the one a parse of every module gives', () => {
  const { dir, cleanup } = gateway();
  const cache = mkdtempSync(join(tmpdir(), 'lazify-reuse-cache-'));
  try {
    const first = analyseCounting(dir, cache);
    assert.deepEqual([first.parsed, first.reused], [6, 0]);
    assert.deepEqual(keys(first.result), ['openai', 'anthropic']);
    assert.ok(first.result.diagnostics.some((d) => d.code === 'parse-error' && d.file === 'src/broken.ts'));

    // The enum the unchanged index.ts takes its keys from.
    writeFileSync(join(dir, 'src/names.ts'), `export enum Providers {\n  OPENAI = 'oai',\n  ANTHROPIC = 'anthropic',\n}\n`);
    const edited = analyseCounting(dir, cache);
    assert.deepEqual([edited.parsed, edited.reused], [1, 5], 'only the edited module is parsed');
    assert.deepEqual(keys(edited.result), ['oai', 'anthropic'], "index.ts's keys are read again from the edited enum");
    assert.equal(everything(edited.result), everything(analyseCounting(dir, false).result));

    // Rewritten with the same text (a checkout, an editor's save): new file times, nothing parsed.
    writeFileSync(join(dir, 'src/client.ts'), readFileSync(join(dir, 'src/client.ts')));
    writeFileSync(join(dir, 'src/providers/openai.ts'), `${provider('ChatOpenAI')}// a comment\n`);
    const rewritten = analyseCounting(dir, cache);
    assert.deepEqual([rewritten.parsed, rewritten.reused], [1, 5], 'a module rewritten with the same text is not');
    assert.equal(everything(rewritten.result), everything(analyseCounting(dir, false).result));

    // Under verbatimModuleSyntax broken.ts's type-only import stays as a runtime import: every file parses again.
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2020', strict: true, verbatimModuleSyntax: true } }));
    const reconfigured = analyseCounting(dir, cache);
    assert.deepEqual([reconfigured.parsed, reconfigured.reused], [6, 0]);
    assert.equal(everything(reconfigured.result), everything(analyseCounting(dir, false).result));
    assert.ok(reconfigured.result.graph.modules['src/broken.ts'].imports.some((e) => e.to === 'src/client.ts'));

    // An edit that changes where a reused module's import resolves: its facts are read again.
    rmSync(join(dir, 'src/client.ts'));
    writeFileSync(join(dir, 'src/client.js'), 'exports.Client = class {};\n');
    const moved = analyseCounting(dir, cache);
    assert.deepEqual([moved.parsed, moved.reused], [1, 5], 'client.js parsed; the providers parse again only for their facts');
    assert.equal(everything(moved.result), everything(analyseCounting(dir, false).result));
  } finally {
    cleanup();
    rmSync(cache, { recursive: true, force: true });
  }
});

/** The paths `run` stat'ed with `statSync` or read with `readFileSync` (what measuring an installed file does). */
function statsAndReads<T>(run: () => T): { value: T; paths: Set<string> } {
  const paths = new Set<string>();
  const target = fs as unknown as Record<'statSync' | 'readFileSync', (path: unknown, ...rest: unknown[]) => unknown>;
  const originals = { statSync: target.statSync, readFileSync: target.readFileSync };
  for (const name of ['statSync', 'readFileSync'] as const) {
    target[name] = function (this: unknown, path: unknown, ...rest: unknown[]) {
      if (typeof path === 'string') paths.add(path);
      return originals[name].call(this, path, ...rest);
    };
  }
  syncBuiltinESMExports();
  try {
    return { value: run(), paths };
  } finally {
    Object.assign(target, originals);
    syncBuiltinESMExports();
  }
}

/** A project whose index.js uses an installed `sdk`, whose index requires its `core.js`. */
function projectUsingSdk(name: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name, version: '1.0.0', main: 'index.js' }),
    'index.js': "const sdk = require('sdk');\nexports.client = () => sdk.client();\n",
    'node_modules/sdk/package.json': JSON.stringify({ name: 'sdk', version: '1.0.0', main: 'index.js' }),
    'node_modules/sdk/index.js': "const core = require('./core');\nexports.client = () => core.make();\n",
    'node_modules/sdk/core.js': `exports.make = () => '${'c'.repeat(1000)}';\n`,
  };
}

test('with only modules edited, what installed files load and the packages\' entry files are reused; a new import of a package is measured, a changed installed file read again', async () => {
  const { dir, cleanup } = writeTempProject({
    ...projectUsingSdk('reuse-installed'),
    'node_modules/sdk/lite.js': `require('./core');\nexports.lite = '${'l'.repeat(3000)}';\n`,
  });
  const cache = mkdtempSync(join(tmpdir(), 'lazify-reuse-cache-'));
  const core = join(dir, 'node_modules/sdk/core.js');
  try {
    // Files written in the last two seconds are not trusted to show a change: let them settle.
    await sleep(2_100);
    const first = analyseCounting(dir, cache).result;

    writeFileSync(join(dir, 'index.js'), "const sdk = require('sdk');\nconst lite = require('sdk/lite');\nexports.client = () => sdk.client(lite);\n");
    const edited = statsAndReads(() => analyseCounting(dir, cache).result);
    assert.ok(!edited.paths.has(core), 'core.js is neither stat\'ed nor read: what it loads is known');
    assert.ok(!edited.paths.has(join(dir, 'node_modules/sdk/index.js')), "nor is sdk's entry file: what 'sdk' resolves to from index.js's directory is known");
    assert.ok(edited.paths.has(join(dir, 'node_modules/sdk/lite.js')), "'sdk/lite', new in index.js, is resolved");
    assert.ok(edited.value.graph.modules.sdk.size > first.graph.modules.sdk.size + 3000, 'sdk/lite is measured');
    assert.equal(everything(edited.value), everything(analyseCounting(dir, false).result));

    writeFileSync(core, `exports.make = () => '${'c'.repeat(9000)}';\n`);
    const updated = statsAndReads(() => analyseCounting(dir, cache).result);
    assert.ok(updated.paths.has(core), 'an installed file changed: the installed files are measured again');
    assert.ok(updated.paths.has(join(dir, 'node_modules/sdk/index.js')), "and the packages' entry files resolved again");
    assert.equal(updated.value.graph.modules.sdk.size, edited.value.graph.modules.sdk.size + 8000, 'core.js is 8,000 bytes bigger');
    assert.equal(everything(updated.value), everything(analyseCounting(dir, false).result));
  } finally {
    cleanup();
    rmSync(cache, { recursive: true, force: true });
  }
});

test('a module saved by writing a new file and renaming it over the old one still leaves what installed files load reused', async () => {
  const { dir, cleanup } = writeTempProject(projectUsingSdk('reuse-rename'));
  const cache = mkdtempSync(join(tmpdir(), 'lazify-reuse-cache-'));
  const core = join(dir, 'node_modules/sdk/core.js');
  try {
    await sleep(2_100);
    analyseCounting(dir, cache);
    // As editors save: a new file beside the module, renamed over it (the directory's times move).
    writeFileSync(join(dir, 'index.js.tmp'), "const sdk = require('sdk');\nexports.client = () => sdk.client('saved');\n");
    fs.renameSync(join(dir, 'index.js.tmp'), join(dir, 'index.js'));
    // Settled, so that the kept analysis of this run trusts the directory's times for the next one.
    await sleep(2_100);
    const saved = statsAndReads(() => analyseCounting(dir, cache).result);
    assert.ok(!saved.paths.has(core), 'the directory lists the same entries: core.js is neither stat\'ed nor read');
    assert.equal(everything(saved.value), everything(analyseCounting(dir, false).result));

    // A file added beside the modules: the directory lists a new entry, so everything is looked up again.
    writeFileSync(join(dir, 'notes.txt'), 'new\n');
    writeFileSync(join(dir, 'index.js'), "const sdk = require('sdk');\nexports.client = () => sdk.client('again');\n");
    const added = statsAndReads(() => analyseCounting(dir, cache).result);
    assert.ok(added.paths.has(core));
    assert.equal(everything(added.value), everything(analyseCounting(dir, false).result));
  } finally {
    cleanup();
    rmSync(cache, { recursive: true, force: true });
  }
});

test('with only modules edited, the files the entry does not load are not read again; their writes into a map still count, and an edit of one of them is read', async () => {
  const registry = "const plugin = { rules: { a: require('./rules/a'), b: require('./rules/b') } };\nmodule.exports = plugin;\n";
  const writer = "const plugin = require('../index');\nplugin.rules.a = null;\n";
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'reuse-unreached', version: '1.0.0', main: 'index.js' }),
    'index.js': registry,
    'rules/a.js': 'module.exports = { create() {} };\n',
    'rules/b.js': 'module.exports = { create() {} };\n',
    'test/writes.test.js': writer,
    'test/reads.test.js': "const plugin = require('../index');\nconsole.log(Object.keys(plugin.rules));\n",
  });
  const cache = mkdtempSync(join(tmpdir(), 'lazify-reuse-cache-'));
  const writerFile = join(dir, 'test/writes.test.js');
  const blockers = (r: AnalysisResult) => r.findings.find((f) => f.kind === 'registry')?.blockers;
  try {
    await sleep(2_100);
    const first = analyseCounting(dir, cache).result;
    assert.deepEqual(blockers(first), ['plugin.rules has an entry written by test/writes.test.js:2 (`plugin.rules.a = null`): a lazy entry is a getter with no setter']);

    writeFileSync(join(dir, 'rules/b.js'), 'module.exports = { create() { return 2; } };\n');
    const edited = statsAndReads(() => analyseCounting(dir, cache).result);
    assert.ok(!edited.paths.has(writerFile), 'the test file is not read again: it is as the last analysis read it');
    assert.deepEqual(blockers(edited.value), blockers(first));
    assert.equal(everything(edited.value), everything(analyseCounting(dir, false).result));

    writeFileSync(writerFile, "const plugin = require('../index');\nconsole.log(plugin.rules.a);\n");
    const unblocked = statsAndReads(() => analyseCounting(dir, cache).result);
    assert.ok(unblocked.paths.has(writerFile), 'an edited test file is read again');
    assert.deepEqual(blockers(unblocked.value), []);
    assert.equal(everything(unblocked.value), everything(analyseCounting(dir, false).result));
  } finally {
    cleanup();
    rmSync(cache, { recursive: true, force: true });
  }
});
