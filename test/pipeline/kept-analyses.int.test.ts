// A kept analysis answers only while nothing it read has changed: each kind of change a user
// makes (a module edited, a missing file created, an installed package updated, another entry)
// gives a fresh analysis, and what a kept one reports is what a fresh one would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { analyze, why } from '../../src/pipeline/analyze.js';
import { keptWhy } from '../../src/pipeline/kept-analyses.js';
import type { AnalysisResult, AnalyzeOptions } from '../../src/pipeline/results.js';
import { recordFileReads } from '../../src/project/record-file-reads.js';
import { toJsonReport } from '../../src/report/json-report.js';

/** Longer than the window in which a file's times are not trusted to show a change (2 s). */
const SETTLE_MS = 2_100;

function project(): { root: string; dir: string; cache: string; cleanup: () => void } {
  // One level below the temp dir, as a project usually sits below a directory others write to.
  const root = mkdtempSync(join(tmpdir(), 'lazify-kept-'));
  const dir = join(root, 'gateway');
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'kept-gateway', main: 'index.js' }),
    'index.js': "const providers = require('./providers');\nconst extra = require('./extra');\nmodule.exports = { providers, extra };\n",
    'providers.js': "const sdk = require('sdk');\nexports.openai = () => sdk.client();\n",
    'node_modules/sdk/package.json': JSON.stringify({ name: 'sdk', version: '1.0.0', main: 'index.js' }),
    'node_modules/sdk/index.js': "exports.client = () => ({});\n",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const cache = join(root, 'cache');
  return { root, dir, cache, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The analysis and whether it was made now (a fresh analysis reports progress; a kept one has none to report). */
function run(dir: string, options: AnalyzeOptions): { result: AnalysisResult; fresh: boolean } {
  let events = 0;
  const result = analyze(dir, { ...options, onProgress: () => events++ });
  return { result, fresh: events > 0 };
}

const everything = (r: AnalysisResult) =>
  JSON.stringify({ report: toJsonReport(r), graph: r.graph, facts: r.facts, findings: r.findings, suppressed: r.suppressed, diagnostics: r.diagnostics, entrySource: r.entrySource });
const keptFiles = (cache: string) => {
  try {
    return readdirSync(join(cache, 'analyses'));
  } catch {
    return [];
  }
};

test('an unchanged project is answered from its kept analysis, the same in every detail; each change gives a fresh one', async () => {
  const { dir, cache, cleanup } = project();
  try {
    const options = { cacheDir: cache };
    const first = run(dir, options);
    assert.ok(first.fresh);
    assert.ok(run(dir, options).fresh, 'files written just now are not trusted to show the next change: the kept analysis answers no run');

    await sleep(SETTLE_MS);
    const made = run(dir, options);
    assert.ok(made.fresh);
    assert.equal(keptFiles(cache).length, 1, 'one kept file per project and entry');
    const kept = run(dir, options);
    assert.equal(kept.fresh, false, 'nothing changed: the kept analysis answers');
    assert.equal(everything(kept.result), everything(made.result));
    assert.equal(kept.result.cost.module('providers.js')?.exclusiveModules, made.result.cost.module('providers.js')?.exclusiveModules);
    const keptChains = keptWhy('sdk', dir, options);
    assert.ok(keptChains, 'why answers from the kept graph');
    assert.deepEqual(keptChains, why('sdk', dir, { cacheDir: false }));

    assert.ok(made.result.diagnostics.some((d) => d.code === 'unresolved-import' && d.message.includes("'./extra'")));
    writeFileSync(join(dir, 'extra.js'), 'module.exports = 1;\n');
    const created = run(dir, options);
    assert.ok(created.fresh, 'a file created where a missing one was looked for');
    assert.ok(!created.result.diagnostics.some((d) => d.code === 'unresolved-import'));
    assert.ok(created.result.graph.modules['extra.js']);
    assert.equal(keptWhy('sdk', dir, options), undefined, 'nor does why answer from a stale analysis');

    appendFileSync(join(dir, 'providers.js'), "exports.anthropic = () => require('./anthropic');\n");
    const edited = run(dir, options);
    assert.ok(edited.fresh, 'a module edited');
    assert.ok(edited.result.graph.modules['providers.js'].size > created.result.graph.modules['providers.js'].size);

    writeFileSync(join(dir, 'node_modules/sdk/index.js'), "require('./transport');\nexports.client = () => ({});\n");
    writeFileSync(join(dir, 'node_modules/sdk/transport.js'), `module.exports = '${'x'.repeat(5000)}';\n`);
    const updated = run(dir, options);
    assert.ok(updated.fresh, 'an installed file changed');
    assert.ok(updated.result.graph.modules.sdk.size > edited.result.graph.modules.sdk.size + 5000);

    const otherEntry = run(dir, { ...options, entry: 'providers.js' });
    assert.ok(otherEntry.fresh, 'another entry is another analysis');
    assert.equal(otherEntry.result.entry, 'providers.js');

    await sleep(SETTLE_MS);
    assert.ok(run(dir, options).fresh);
    const again = run(dir, options);
    assert.equal(again.fresh, false);
    assert.equal(everything(again.result), everything(run(dir, { cacheDir: false }).result), 'kept and no-cache agree');

    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kept-gateway', main: 'providers.js' }));
    const manifest = run(dir, options);
    assert.ok(manifest.fresh, 'package.json changed');
    assert.equal(manifest.result.entry, 'providers.js');
  } finally {
    cleanup();
  }
});

test('a first analysis whose packages a worker measured is kept only while the installed files it read are unchanged', { skip: availableParallelism() < 2 ? 'one core: no worker' : false }, async () => {
  const { dir, cache, cleanup } = project();
  try {
    // A package.json naming the SDK, and no scans kept yet: the first analysis measures on a worker.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kept-gateway', main: 'index.js', dependencies: { sdk: '1.0.0' } }));
    writeFileSync(join(dir, 'node_modules/sdk/index.js'), "require('./transport');\nexports.client = () => ({});\n");
    writeFileSync(join(dir, 'node_modules/sdk/transport.js'), `module.exports = '${'x'.repeat(100)}';\n`);
    await sleep(SETTLE_MS);
    const options = { cacheDir: cache };
    const first = run(dir, options);
    assert.ok(first.fresh);
    const kept = run(dir, options);
    assert.equal(kept.fresh, false, 'the first analysis was kept');
    writeFileSync(join(dir, 'node_modules/sdk/transport.js'), `module.exports = '${'x'.repeat(5000)}';\n`);
    const updated = run(dir, options);
    assert.ok(updated.fresh, 'a file only the worker read changed');
    assert.ok(updated.result.graph.modules.sdk.size > first.result.graph.modules.sdk.size + 4000);
  } finally {
    cleanup();
  }
});

test('a project inside the cache directory is still watched: an edit gives a fresh analysis', async () => {
  const { root, dir, cleanup } = project();
  try {
    await sleep(SETTLE_MS);
    run(dir, { cacheDir: root });
    assert.equal(run(dir, { cacheDir: root }).fresh, false);
    appendFileSync(join(dir, 'index.js'), '// edited\n');
    assert.ok(run(dir, { cacheDir: root }).fresh);
  } finally {
    cleanup();
  }
});

test('--no-cache reads and keeps no analysis; a broken kept file means a fresh analysis', async () => {
  const { dir, cache, cleanup } = project();
  try {
    await sleep(SETTLE_MS);
    run(dir, { cacheDir: cache });
    assert.equal(run(dir, { cacheDir: cache }).fresh, false);
    assert.ok(run(dir, { cacheDir: false }).fresh, 'no cache: analysed although one is kept');
    const [file] = keptFiles(cache);
    const path = join(cache, 'analyses', file!);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100));
    const broken = run(dir, { cacheDir: cache });
    assert.ok(broken.fresh);
    assert.ok(broken.result.graph.modules['providers.js']);
  } finally {
    cleanup();
  }
});

test('a kept analysis loads no TypeScript: the light API slice answers analyze and why alone', async () => {
  const { dir, cache, cleanup } = project();
  try {
    await sleep(SETTLE_MS);
    run(dir, { cacheDir: cache });
    const child = `
      import { createRequire } from 'node:module';
      const { keptAnalysis, keptWhy } = await import(${JSON.stringify(new URL('../../src/api/report.ts', import.meta.url).href)});
      const result = keptAnalysis(${JSON.stringify(dir)}, { cacheDir: ${JSON.stringify(cache)} });
      const chains = keptWhy('sdk', ${JSON.stringify(dir)}, { cacheDir: ${JSON.stringify(cache)} });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ entry: result?.entry, why: chains?.target, typescript: loaded.filter((f) => /typescript\\.js$|ts-morph/.test(f)) }));
    `;
    const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout.trim().split('\n').at(-1)!), { entry: 'index.js', why: 'sdk', typescript: [] });
  } finally {
    cleanup();
  }
});

test('recordFileReads sees every lookup, found or not, and puts node:fs back even when the run throws', () => {
  const { root, cleanup } = project();
  try {
    const readFile = fs.readFileSync;
    const { paths } = recordFileReads(() => {
      readFileSync(join(root, 'gateway/package.json'));
      fs.existsSync(join(root, 'gateway/missing.js'));
      fs.statSync(join(root, 'cache/x'), { throwIfNoEntry: false });
      fs.realpathSync.native(join(root, 'gateway'));
    }, join(root, 'cache'));
    assert.deepEqual([...paths].sort(), [join(root, 'gateway'), join(root, 'gateway/missing.js'), join(root, 'gateway/package.json')]);
    assert.equal(fs.readFileSync, readFile);
    assert.throws(() => recordFileReads(() => { throw new Error('stage failed'); }), /stage failed/);
    assert.equal(fs.readFileSync, readFile);
    assert.equal(readFileSync, readFile, 'named ES imports see the original again');
  } finally {
    cleanup();
  }
});
