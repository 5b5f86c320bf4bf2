// The worker that measures installed packages on a first analysis changes nothing the analysis
// finds: the same graph (package sizes, the shares of their specifiers) and the same kept scans
// as measuring on the main thread, on a gateway whose SDKs are real installed packages; and a
// worker that fails leaves the main thread to measure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import { measureInstalledFilesAhead, ParallelInstalledFileMeter, startInstalledFileMeter } from '../../src/graph/measure-installed-files-in-parallel.js';
import { loadProject } from '../../src/project/load-project.js';

const repo = new URL('../../', import.meta.url).pathname;
const gateway = join(repo, 'fixtures', 'gateway-cjs');
const skip = availableParallelism() < 2 ? 'one core: no worker starts' : false;

/** The graph's externals: what each package weighs and which of its specifiers load which part. */
function packageFigures(graph: ReturnType<typeof buildModuleGraph>) {
  return Object.values(graph.modules)
    .filter((node) => node.kind === 'external')
    .map(({ id, size, loadedBy }) => ({ id, size, loadedBy }));
}

/** A worker for `root`, and how many files it answered with (0 until the graph asked, or when it failed). */
function startCounting(root: string, keepsScans: boolean) {
  const meter = ParallelInstalledFileMeter.start(root, { keepsScans });
  assert.ok(meter, 'two cores: a meter');
  const counted = { meter, files: 0 };
  const finish = meter.finish.bind(meter);
  meter.finish = () => {
    const measured = finish();
    counted.files = measured?.files.size ?? 0;
    return measured;
  };
  return counted;
}

test('the worker measures what the main thread measures: the same graph, to the byte', { skip }, () => {
  const project = loadProject(gateway);
  const alone = buildModuleGraph(project, { cacheDir: false });
  const worker = startCounting(project.root, false);
  const inParallel = buildModuleGraph(project, { cacheDir: false, parallelMeter: worker.meter });
  assert.ok(worker.files > 1_000, `the worker measured the SDKs' files (${worker.files})`);
  assert.deepEqual(inParallel, alone);
  assert.ok(packageFigures(alone).some((node) => node.size > 1_000_000), 'the SDKs were sized: there was something to measure');
});

test('the scans a first analysis keeps are those the main thread keeps, file for file', { skip }, () => {
  const project = loadProject(gateway);
  const caches = [mkdtempSync(join(tmpdir(), 'lazify-parallel-a-')), mkdtempSync(join(tmpdir(), 'lazify-parallel-b-'))];
  try {
    const alone = buildModuleGraph(project, { cacheDir: caches[0] });
    const worker = startCounting(project.root, true);
    const inParallel = buildModuleGraph(project, { cacheDir: caches[1], parallelMeter: worker.meter });
    assert.ok(worker.files > 1_000, `the worker measured the SDKs' files (${worker.files})`);
    assert.deepEqual(inParallel, alone);
    const kept = caches.map((cache) => {
      const [file] = readdirSync(join(cache, 'installed-files'));
      return JSON.parse(readFileSync(join(cache, 'installed-files', file), 'utf8')) as { files: Record<string, unknown> };
    });
    assert.ok(Object.keys(kept[0].files).length > 1_000);
    assert.deepEqual(Object.entries(kept[1].files), Object.entries(kept[0].files));
  } finally {
    for (const cache of caches) rmSync(cache, { recursive: true, force: true });
  }
});

test('a worker that cannot load leaves the measuring to the main thread, at once', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-parallel-broken-'));
  try {
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "import 'no-such-package-anywhere';\n");
    const project = loadProject(gateway);
    const meter = ParallelInstalledFileMeter.start(project.root, { keepsScans: false, workerModule: pathToFileURL(broken) });
    assert.ok(meter);
    const started = Date.now();
    const graph = buildModuleGraph(project, { cacheDir: false, parallelMeter: meter });
    assert.ok(Date.now() - started < 60_000, 'the graph did not wait out the timeout');
    assert.deepEqual(packageFigures(graph), packageFigures(buildModuleGraph(project, { cacheDir: false })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no worker where it cannot pay: an earlier analysis known, or a project that imports no package', { skip }, () => {
  assert.equal(startInstalledFileMeter(gateway, { cacheDir: false, knownInstalledFiles: new Map() }), undefined);
  const dir = mkdtempSync(join(tmpdir(), 'lazify-parallel-none-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'alone', version: '1.0.0', main: 'index.js', devDependencies: { typescript: '5.9' } }));
    writeFileSync(join(dir, 'index.js'), "module.exports = require('./local.js');\n");
    writeFileSync(join(dir, 'local.js'), 'module.exports = 1;\n');
    // A worker module that cannot load: had a worker started, the meter would answer undefined.
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "import 'no-such-package-anywhere';\n");
    const meter = ParallelInstalledFileMeter.start(dir, { keepsScans: false, workerModule: pathToFileURL(broken) });
    assert.ok(meter, 'no dependency named: a meter that starts its worker when the walk finds a package');
    const finish = meter.finish.bind(meter);
    let answer: ReturnType<typeof finish> | 'not asked' = 'not asked';
    meter.finish = () => (answer = finish());
    const project = loadProject(dir);
    assert.deepEqual(buildModuleGraph(project, { cacheDir: false, parallelMeter: meter }), buildModuleGraph(project, { cacheDir: false }));
    assert.deepEqual(answer, { files: new Map(), scans: new Map(), paths: [] }, 'no package found: no worker started, nothing measured');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a package.json that names no dependency still measures in parallel the packages the walk finds (installed further up, as in a workspace)', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-parallel-workspace-'));
  try {
    const tiny = join(dir, 'node_modules', 'tiny');
    mkdirSync(tiny, { recursive: true });
    writeFileSync(join(tiny, 'package.json'), JSON.stringify({ name: 'tiny', version: '2.0.0', main: 'index.js' }));
    writeFileSync(join(tiny, 'index.js'), "module.exports = { part: require('./part.js') };\n");
    writeFileSync(join(tiny, 'part.js'), `module.exports = ${JSON.stringify('x'.repeat(4_000))};\n`);
    const app = join(dir, 'packages', 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', main: 'index.js' }));
    writeFileSync(join(app, 'index.js'), "module.exports = require('tiny');\n");
    const project = loadProject(app);
    const alone = buildModuleGraph(project, { cacheDir: false });
    const worker = startCounting(project.root, false);
    const inParallel = buildModuleGraph(project, { cacheDir: false, parallelMeter: worker.meter });
    assert.equal(worker.files, 2, 'the worker measured tiny\'s two files');
    assert.deepEqual(inParallel, alone);
    assert.ok(packageFigures(alone).some((node) => node.id === 'tiny' && node.size > 4_000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the worker started ahead is the one the analysis of the same project takes', { skip }, () => {
  measureInstalledFilesAhead(gateway, { cacheDir: false });
  const taken = startInstalledFileMeter(gateway, { cacheDir: false });
  assert.ok(taken);
  // Taken once: the next analysis starts its own.
  const next = startInstalledFileMeter(gateway, { cacheDir: false });
  assert.ok(next);
  assert.notEqual(next, taken);
  taken.stop();
  next.stop();
  // One started for another project is not taken: it is stopped, and a worker of its own starts.
  measureInstalledFilesAhead(join(repo, 'fixtures', 'gateway-js'), { cacheDir: false });
  const other = startInstalledFileMeter(gateway, { cacheDir: false });
  assert.ok(other);
  assert.ok(other.finish(), 'it answered');
});

test("a package file only TypeScript's scanner reads is measured in the worker too", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-parallel-scanner-'));
  try {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'p', version: '1.0.0', main: 'index.js', dependencies: { sdk: '1.0.0' } }),
      'index.js': "module.exports = require('sdk');\n",
      'node_modules/sdk/package.json': JSON.stringify({ name: 'sdk', version: '1.0.0', main: 'index.js' }),
      // A non-ASCII name: the fast scan hands the file over, and the worker loads TypeScript for it.
      'node_modules/sdk/index.js': "const café = require('./transport');\nmodule.exports = café;\n",
      'node_modules/sdk/transport.js': 'module.exports = {};\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const meter = ParallelInstalledFileMeter.start(dir, { keepsScans: false, cacheDir: false });
    assert.ok(meter);
    meter.measure(join(dir, 'node_modules/sdk/index.js'));
    const measured = meter.finish();
    assert.ok(measured, 'the worker answered');
    assert.deepEqual([...measured.files.keys()].sort(), [join(dir, 'node_modules/sdk/index.js'), join(dir, 'node_modules/sdk/transport.js')]);
    assert.ok(measured.paths.includes(join(dir, 'node_modules/sdk/transport.js')), 'its reads are told');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker that prints (a warning, say) is heard, and the process still ends when its work does', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-parallel-prints-'));
  try {
    const workerModule = new URL('../../src/graph/installed-file-worker.ts', import.meta.url).href;
    const printing = join(dir, 'printing-worker.mjs');
    // It prints while it works, as a warning of a package's code would.
    writeFileSync(
      printing,
      [
        "import { workerData } from 'node:worker_threads';",
        `await import(${JSON.stringify(workerModule)});`,
        "workerData.port.on('message', () => process.emitWarning('said by the worker'));",
        '',
      ].join('\n'),
    );
    const meterModule = new URL('../../src/graph/measure-installed-files-in-parallel.ts', import.meta.url).href;
    const child = join(dir, 'child.mjs');
    writeFileSync(
      child,
      [
        `const { ParallelInstalledFileMeter } = await import(${JSON.stringify(meterModule)});`,
        `const meter = ParallelInstalledFileMeter.start(${JSON.stringify(gateway)}, { keepsScans: false, cacheDir: false, workerModule: new URL(${JSON.stringify(pathToFileURL(printing).href)}) });`,
        `console.log(meter?.finish() ? 'answered' : 'no answer');`,
        // The rest of an analysis (findings, the report) runs turns of the event loop after the walk.
        'await new Promise((resolve) => setTimeout(resolve, 200));',
        '',
      ].join('\n'),
    );
    // The worker is kept for a next analysis but holds no process open: the child must end by itself.
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.signal, null, `the process ended by itself (stderr: ${run.stderr})`);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'answered\n');
    assert.match(run.stderr, /said by the worker/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
