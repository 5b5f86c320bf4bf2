// The proof: on temp copies of the demo gateways, the full apply (split + manifests +
// deferrals) leaves a gateway that still builds, passes its own tests and exports the same
// names, while requiring its entry loads no provider module, no SDK and not the tokenizer.
// Structural checks on the loaded-module list of a child process, never timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apply, plan } from '../../src/index.js';
import { copyFixture, dropEngines, repoRoot } from '../helpers/copy-fixture.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const SDK_PACKAGES = [
  'openai',
  '@anthropic-ai/sdk',
  '@google/generative-ai',
  '@mistralai/mistralai',
  'groq-sdk',
  'cohere-ai',
  '@aws-sdk/client-bedrock-runtime',
  'ollama',
  'replicate',
  '@huggingface/inference',
];

/** What requiring `entry` in a fresh node loads, and what the lookups that must not load providers return. */
interface EntryProbe {
  exportNames: string[];
  /** Loaded files relative to the project (node_modules paths keep their package folder). */
  loaded: string[];
  /** Loaded files after listing, checking and failing lookups through the public API. */
  loadedAfterLookups?: string[];
  providers?: string[];
  unknownError?: string;
}

function probeEntry(dir: string, entry: string, lookups: boolean): EntryProbe {
  const script = `
    const path = require('node:path');
    const gateway = require(${JSON.stringify(join(dir, entry))});
    const rel = () => Object.keys(require.cache).map((f) => path.relative(${JSON.stringify(dir)}, f).split(path.sep).join('/'));
    const out = { exportNames: Object.keys(gateway).sort(), loaded: rel() };
    if (${lookups}) {
      const list = gateway.listProviders ?? gateway.list;
      out.providers = list();
      try { (gateway.getProvider ?? gateway.get)('no-such-provider'); } catch (e) { out.unknownError = e.message; }
      out.loadedAfterLookups = rel();
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as EntryProbe;
}

/** Provider modules and heavy packages among loaded files. */
function heavyModules(loaded: string[], providerDir: string): string[] {
  const packageOf = (file: string) => {
    const rest = file.split('node_modules/').pop()!;
    return rest.startsWith('@') ? rest.split('/').slice(0, 2).join('/') : rest.split('/')[0]!;
  };
  return loaded.filter((file) => {
    if (file.includes('node_modules/')) return SDK_PACKAGES.includes(packageOf(file)) || packageOf(file) === 'js-tiktoken';
    return file.startsWith(`${providerDir}/`) && !/\/(base|register-all|index)(\.manifest)?\.js$/.test(file);
  });
}

interface PrefixMap {
  keys: string[];
  fast: boolean;
  loadedProviders: number;
  /** After every key was read once: each property's descriptor, with the type of its value. */
  read: Array<[key: string, valueType: string, writable: boolean, enumerable: boolean, configurable: boolean]>;
  fastAfterReads: boolean;
}

/**
 * The gateway's exported prefix map as the hot lookup sees it: its keys in order, whether V8
 * keeps it in fast mode (an object literal of getters stays in slow dictionary mode, where each
 * `Object.keys` and read costs several times more), and no provider loaded by listing its keys;
 * then, every key read once, its properties (plain values after the first read, as in the
 * literal) and whether it is still in fast mode.
 */
function prefixMap(dir: string): PrefixMap {
  const script = `
    const gateway = require(${JSON.stringify(join(dir, 'dist/index.js'))});
    const map = gateway.MODEL_PREFIXES;
    const keys = Object.keys(map);
    const loadedProviders = Object.keys(require.cache).filter((f) => f.includes('/dist/providers/') && !/(base|register-all|index)(\\.manifest)?\\.js$/.test(f)).length;
    const fast = %HasFastProperties(map);
    for (const key of keys) map[key];
    const read = keys.map((key) => { const d = Object.getOwnPropertyDescriptor(map, key); return [key, typeof d.value, d.writable === true, d.enumerable, d.configurable]; });
    process.stdout.write(JSON.stringify({ keys, fast, loadedProviders, read, fastAfterReads: %HasFastProperties(map) }));
  `;
  const result = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as PrefixMap;
}

function run(dir: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${join(repoRoot, 'node_modules/.bin')}:${process.env.PATH}` } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed in ${dir}:\n${result.stdout}\n${result.stderr}`);
}

test('gateway-cjs: after apply, the gateway builds, passes its tests, keeps its exports and loads no provider at import', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  try {
    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    const before = probeEntry(dir, 'dist/index.js', false);
    const mapBefore = prefixMap(dir);
    // The check below means something only if the untouched gateway does load them.
    assert.ok(heavyModules(before.loaded, 'dist/providers').length > 10, 'the fixture should load its providers eagerly before apply');

    const result = await apply(dir, { force: true });
    const changed = result.changes.map((c) => c.path);
    for (const manifest of ['src/router.manifest.ts', 'src/factories.manifest.ts', 'src/providers/register-all.manifest.ts']) {
      assert.ok(changed.includes(manifest), `${manifest} is created`);
    }
    assert.ok(result.written);

    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    run(dir, 'npm', ['test', '--silent']);
    const after = probeEntry(dir, 'dist/index.js', true);
    assert.deepEqual(after.exportNames, before.exportNames, 'the entry exports exactly the same names (no accessor added)');
    assert.deepEqual(heavyModules(after.loaded, 'dist/providers'), [], 'requiring the entry loads no provider, SDK or tokenizer');
    assert.equal(after.providers?.length, 12);
    assert.match(after.unknownError ?? '', /Unknown provider: no-such-provider/);
    assert.deepEqual(heavyModules(after.loadedAfterLookups ?? [], 'dist/providers'), [], 'listing and unknown-provider errors come from the manifest alone');
    // The prefix map the router scans on every call keeps its keys, in order, and stays in V8's fast mode.
    const mapAfter = prefixMap(dir);
    assert.ok(mapBefore.fast && mapBefore.keys.length > 10, 'the untouched map is a fast object literal of values');
    assert.ok(mapBefore.read.every(([, type]) => type === 'function'), 'the untouched map holds its handler classes');
    // Fast, listing no provider; after each key's first read, the plain value it was, still fast.
    assert.deepEqual(mapAfter, { keys: mapBefore.keys, fast: true, loadedProviders: 0, read: mapBefore.read, fastAfterReads: true });

    // Idempotent: a second apply plans nothing that changes a file.
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), []);
  } finally {
    cleanup();
  }
});

test('gateway-js: after apply, its tests pass and requiring it loads no provider, SDK or tokenizer', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const before = probeEntry(dir, 'index.js', false);
    assert.ok(heavyModules(before.loaded, 'lib/providers').length > 10, 'the fixture should load its providers eagerly before apply');
    const result = await apply(dir, { force: true });
    assert.ok(result.changes.some((c) => c.path === 'lib/providers/index.manifest.js'));
    run(dir, 'npm', ['test', '--silent']);
    const after = probeEntry(dir, 'index.js', true);
    assert.deepEqual(after.exportNames, before.exportNames, 'the entry exports exactly the same names (no accessor added)');
    assert.deepEqual(heavyModules(after.loaded, 'lib/providers'), []);
    assert.equal(after.providers?.length, 10);
    assert.deepEqual(heavyModules(after.loadedAfterLookups ?? [], 'lib/providers'), []);
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), []);
  } finally {
    cleanup();
  }
});

/**
 * What a fresh node does when it imports `module` (an ES module): the project files it loads
 * (relative) and, for each importing project file, the files it imports (a module.register
 * resolve hook records both ends of each import), and the module's export names.
 */
function probeEsmModule(dir: string, module: string): { exportNames: string[]; loaded: string[]; imports: Record<string, string[]> } {
  const hook = 'let port; export function initialize(data) { port = data.port; } export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage([context.parentURL ?? "", r.url]); return r; }';
  const script = `
    import { register } from 'node:module';
    import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
    import { fileURLToPath } from 'node:url';
    import path from 'node:path';
    const { port1, port2 } = new MessageChannel();
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] });
    const g = await import(${JSON.stringify(pathToFileURL(join(dir, module)).href)});
    // The hook posts each URL before the module loads, so all of them are queued by now.
    const rel = (url) => path.relative(${JSON.stringify(dir)}, fileURLToPath(url)).split(path.sep).join('/');
    const loaded = new Set();
    const imports = {};
    for (let m; (m = receiveMessageOnPort(port1)); ) {
      const [parent, url] = m.message;
      if (!url.startsWith('file:')) continue;
      loaded.add(rel(url));
      // Imports made by the project's own files only (packages import thousands of files).
      if (parent.startsWith('file:') && !rel(parent).includes('node_modules/')) (imports[rel(parent)] ??= []).push(rel(url));
    }
    port1.close();
    process.stdout.write(JSON.stringify({ exportNames: Object.keys(g).sort(), loaded: [...loaded], imports }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { exportNames: string[]; loaded: string[]; imports: Record<string, string[]> };
}

test('gateway-esm (engines admit require(esm)): all three registries stay synchronous and lazy; same API, tests pass, no provider loads at import', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('gateway-esm');
  try {
    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    const providers = (loaded: string[]) => heavyModules(loaded, 'dist/providers').filter((f) => !f.includes('node_modules/'));
    const before = probeEsmModule(dir, 'dist/index.js');
    assert.equal(providers(before.loaded).length, 12, 'the untouched gateway loads every provider at import');
    assert.equal(providers(before.imports['dist/router.js'] ?? []).length, 12, 'router.js imports every provider before apply');

    const result = await apply(dir, { force: true });
    const registryOps = result.plan.operations.filter((o) => o.transform === 'registry-to-manifest');
    assert.deepEqual(registryOps.map((o) => o.options.shape).sort(), ['factory-map', 'object-map', 'register-calls']);
    assert.deepEqual([...new Set(registryOps.map((o) => o.options.moduleFormat))], ['esm-require']);
    const after = (path: string) => result.changes.find((c) => c.path === path)?.after ?? '';
    assert.match(after('src/router.manifest.ts'), /^const require = createRequire\(import\.meta\.url\);$/m);
    // The exported map keeps its type and synchronous values: a getter per key, copied by the
    // manifest's helper onto an object V8 keeps in fast mode (the hot lookups stay fast).
    assert.match(after('src/router.ts'), /export const MODEL_PREFIXES: Record<string, HandlerClass> = withFastProperties\(MODEL_PREFIXES_MANIFEST, \{/);
    assert.match(after('src/router.ts'), /^import \{ MODEL_PREFIXES_MANIFEST, withFastProperties \} from '\.\/router\.manifest\.js';$/m);
    assert.match(after('src/router.manifest.ts'), /^export function withFastProperties<T extends object>\(entries: object, object: T\): T \{$/m);
    assert.match(after('src/router.ts'), /get 'claude-'\(\) \{ return MODEL_PREFIXES_MANIFEST\['claude-'\]\.load\(\); \}/);
    assert.match(after('src/factories.ts'), /openai: \(opts\) => new \(PROVIDER_FACTORIES_MANIFEST\.openai\.load\(\)\)\(opts\)/, 'factories stay synchronous');
    assert.doesNotMatch(after('src/main.ts'), /await factory/, 'no caller changes');

    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    run(dir, 'npm', ['test', '--silent']);
    const afterProbe = probeEsmModule(dir, 'dist/index.js');
    assert.deepEqual(afterProbe.exportNames, before.exportNames, 'the entry exports exactly the same names');
    assert.deepEqual(providers(afterProbe.loaded), [], 'importing the entry loads no provider module');

    // Synchronous reads of the exported map and factories work, loading one provider each.
    const script = `
      const g = await import('./dist/index.js');
      const keys = Object.keys(g.MODEL_PREFIXES).length;
      const claude = g.MODEL_PREFIXES['claude-'].providerName;
      const handler = g.PROVIDER_FACTORIES.groq({ apiKey: 'k' });
      process.stdout.write(JSON.stringify({ keys, claude, provider: handler.provider, base: handler instanceof g.BaseHandler }));
    `;
    const reads = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(reads.status, 0, reads.stderr);
    assert.deepEqual(JSON.parse(reads.stdout), { keys: 28, claude: 'anthropic', provider: 'groq', base: true });
    assert.doesNotMatch(reads.stderr, /Warning/, 'require() of the ES modules prints no warning');

    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), []);
  } finally {
    cleanup();
  }
});

test('gateway-esm without engines: register calls and the factory map become import() loaders (callers await factories); the object map is reported', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('gateway-esm');
  try {
    dropEngines(dir);
    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    const providers = (loaded: string[]) => heavyModules(loaded, 'dist/providers').filter((f) => !f.includes('node_modules/'));
    const before = probeEsmModule(dir, 'dist/index.js');
    // The checks below mean something only if the untouched gateway loads its providers eagerly,
    // through factories.js and register-all.js among others.
    assert.equal(providers(before.loaded).length, 12);
    assert.equal(providers(before.imports['dist/factories.js'] ?? []).length, 12, 'factories.js imports every provider before apply');
    assert.equal(providers(before.imports['dist/providers/register-all.js'] ?? []).length, 12);

    const result = await apply(dir, { force: true });
    const registryOps = result.plan.operations.filter((o) => o.transform === 'registry-to-manifest');
    assert.deepEqual(registryOps.map((o) => o.options.shape).sort(), ['factory-map', 'register-calls']);
    assert.ok(skippedLines(result.skipped).some((s) => /^api-change registry:src\/router\.ts:MODEL_PREFIXES: MODEL_PREFIXES is a native ESM object-map/.test(s)), skippedLines(result.skipped).join('\n'));
    const after = (path: string) => result.changes.find((c) => c.path === path)?.after ?? '';
    assert.doesNotMatch(after('src/providers/register-all.ts'), /from '\.\/openai\.js'/, 'register-all no longer imports providers');
    assert.doesNotMatch(after('src/factories.ts'), /from '\.\/providers\/openai\.js'/, 'factories no longer imports providers');
    assert.match(after('src/factories.ts'), /openai: async .*=> new \(await PROVIDER_FACTORIES_MANIFEST\.openai\.load\(\)\)\(opts\)/);
    assert.match(after('src/main.ts'), /handler: await factory\(options\)/);
    // createHandlerForModel calls a factory; wherever the god-module split puts it, the call is awaited.
    const lookup = result.changes.find((c) => /export async function createHandlerForModel/.test(c.after ?? ''));
    assert.match(lookup?.after ?? '', /factory \? await factory\(options\)/, lookup?.path);

    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    run(dir, 'npm', ['test', '--silent']);
    const afterProbe = probeEsmModule(dir, 'dist/index.js');
    assert.deepEqual(afterProbe.exportNames, before.exportNames, 'the entry exports exactly the same names');
    assert.deepEqual(providers(afterProbe.imports['dist/factories.js'] ?? []), [], 'factories.js imports no provider');
    assert.deepEqual(providers(afterProbe.imports['dist/providers/register-all.js'] ?? []), [], 'register-all.js imports no provider');
    // The entry still loads every provider through the router's object map (not converted in
    // native ESM without --allow-api-change); register-all and the factory map no longer pull any in.
    assert.ok(afterProbe.loaded.includes('dist/providers/register-all.manifest.js'));

    // Idempotent: a second apply plans nothing that changes a file.
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), []);
  } finally {
    cleanup();
  }
});

test('gateway-esm without engines, with --allow-api-change: the object map becomes loaders too; importing the entry loads no provider', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture('gateway-esm');
  try {
    dropEngines(dir);
    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    const providers = (loaded: string[]) => heavyModules(loaded, 'dist/providers').filter((f) => !f.includes('node_modules/'));
    const before = probeEsmModule(dir, 'dist/index.js');
    assert.equal(providers(before.loaded).length, 12, 'the untouched gateway loads every provider at import');

    const planned = await plan(dir, { allowApiChange: true });
    const registryOps = planned.plan.operations.filter((o) => o.transform === 'registry-to-manifest');
    assert.deepEqual(registryOps.map((o) => o.options.shape).sort(), ['factory-map', 'object-map', 'register-calls']);
    // This case is about the registries: the other API changes --allow-api-change permits (exported
    // schemas and the tokenizer become accessors) are dropped from the plan, as a user may edit it;
    // the fixture's own tests read those exports directly.
    const operations = planned.plan.operations.filter((o) => o.options.allowApiChange !== true);
    const result = await apply(dir, { force: true, plan: { ...planned.plan, operations } });
    const after = (path: string) => result.changes.find((c) => c.path === path)?.after ?? '';
    assert.match(after('src/router.ts'), /'claude-': \(\) => MODEL_PREFIXES_MANIFEST\['claude-'\]\.load\(\)/);
    assert.match(after('src/router.ts'), /MODEL_PREFIXES: Record<string, \(\) => Promise<HandlerClass>>/);
    const lookup = result.changes.find((c) => /export async function resolveModel/.test(c.after ?? ''));
    assert.match(lookup?.after ?? '', /const handlerClass = await MODEL_PREFIXES\[prefix\]!\(\)/, lookup?.path);

    run(dir, 'tsc', ['-p', 'tsconfig.json']);
    run(dir, 'npm', ['test', '--silent']);
    const afterProbe = probeEsmModule(dir, 'dist/index.js');
    assert.deepEqual(afterProbe.exportNames, before.exportNames, 'the entry exports exactly the same names');
    assert.deepEqual(providers(afterProbe.loaded), [], 'importing the entry loads no provider module');
    assert.ok(afterProbe.loaded.length < before.loaded.length);
  } finally {
    cleanup();
  }
});
