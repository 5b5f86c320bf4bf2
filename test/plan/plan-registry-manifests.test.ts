import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSet } from '../../src/edits/file-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { PlanContext } from '../../src/plan/planner.js';
import { registryManifestPlanner } from '../../src/plan/plan-registry-manifests.js';
import * as registryToManifest from '../../transforms/registry-to-manifest/index.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyze } from '../../src/pipeline/analyze.js';
import { copyFixture, fixture } from '../helpers/copy-fixture.js';
import { factsOfProject } from '../helpers/plan-context.js';
import { oneLineEntries } from '../helpers/manifest-entries.js';

const context = (name: string): PlanContext => {
  const project = new FileSet(fixture(name));
  return { project, sourceFiles: [], facts: factsOfProject(project), choices: {} };
};

/** gateway-esm as it would be without `engines` in package.json: Node may not require() ES modules. */
function withoutEngines(name: string): PlanContext {
  const project = new FileSet(fixture(name));
  const { engines: _dropped, ...rest } = JSON.parse(project.read('package.json')!) as Record<string, unknown>;
  project.write('package.json', JSON.stringify(rest));
  return { project, sourceFiles: [], facts: factsOfProject(project), choices: {} };
}

function registryFinding(file: string, symbol: string, shape: Finding['shape'], extra: Partial<Finding> = {}): Finding {
  return {
    id: `registry:${file}:${symbol}`,
    kind: 'registry',
    severity: 'high',
    file,
    line: 1,
    symbol,
    message: '',
    cost: { exclusiveBytes: 0, exclusiveModules: 0 },
    shape,
    convertible: true,
    blockers: [],
    entries: [],
    ...extra,
  };
}

test('a CommonJS object map gets one operation with a manifest beside it', () => {
  const result = registryManifestPlanner.plan(registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map'), context('gateway-cjs'));
  assert.equal(result.operations.length, 1);
  const [operation] = result.operations;
  assert.deepEqual(operation!.files, ['src/router.ts']);
  assert.deepEqual(operation!.options, { shape: 'object-map', registry: 'MODEL_PREFIXES', file: 'src/router.ts', manifest: 'src/router.manifest.ts', moduleFormat: 'cjs' });
});

test('register calls on a registry object name the method and the module that defines it', () => {
  const result = registryManifestPlanner.plan(registryFinding('lib/providers/index.js', 'registry', 'register-calls'), context('gateway-js'));
  const options = result.operations[0]?.options;
  assert.equal(options?.registry, 'registry.register');
  assert.equal(options?.registryModule, 'lib/registry.js');
  assert.equal(options?.registerFunction, 'register');
  assert.deepEqual(result.operations[0]?.files, ['lib/registry.js', 'lib/providers/index.js']);
});

test('a registry with blockers is not converted and the blockers are reported', () => {
  const finding = registryFinding('src/registry.ts', 'PROVIDERS', 'object-map', { convertible: false, blockers: ['synchronous consumer supportsVision() at src/capabilities.ts:4'] });
  const result = registryManifestPlanner.plan(finding, context('edge/esm-sync-registry'));
  assert.equal(result.operations.length, 0);
  assert.equal(result.skipped?.[0]?.code, 'stays-eager');
  assert.match(result.skipped?.[0]?.message ?? '', /synchronous consumer supportsVision\(\) at src\/capabilities\.ts:4/);
});

test('a native ESM object map is reported, not converted, when Node may not require() ES modules: its values would become promises', () => {
  const result = registryManifestPlanner.plan(registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map'), withoutEngines('gateway-esm'));
  assert.equal(result.operations.length, 0);
  assert.equal(result.skipped?.[0]?.code, 'api-change');
  assert.match(result.skipped?.[0]?.message ?? '', /would change the exported value of MODEL_PREFIXES from classes to loaders; pass --allow-api-change, or declare engines\.node "\^20\.19\.0 \|\| >=22\.12\.0"/);
});

test('when engines.node admits only Node versions that require() ES modules, a native ESM object map converts synchronously (no consumer changes)', () => {
  const base = context('gateway-esm');
  const sourceFiles = ['src/factories.ts', 'src/index.ts', 'src/main.ts', 'src/router.ts', 'src/utils.ts'];
  const finding = registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map', { entries: [{ key: 'claude-', module: 'src/providers/anthropic.ts', export: 'AnthropicHandler', valueShape: 'reference', line: 20 }] });
  const result = registryManifestPlanner.plan(finding, { ...base, sourceFiles });
  assert.equal(result.operations.length, 1, JSON.stringify(result.skipped));
  assert.equal(result.operations[0]!.options.moduleFormat, 'esm-require');
  assert.equal(result.operations[0]!.options.consumers, undefined);
  assert.deepEqual(result.operations[0]!.files, ['src/router.ts']);
});

test('a provider whose module graph awaits at top level keeps an esm-require registry eager, naming the file and line', () => {
  const copy = copyFixture('gateway-esm');
  try {
    // base.ts is imported by every provider: a top-level await there reaches them all.
    const base = join(copy.dir, 'src/providers/base.ts');
    writeFileSync(base, `${readFileSync(base, 'utf8')}\nexport const ready = await Promise.resolve(true);\n`);
    // The planner reads the analysis (facts and graph), not the sources.
    const analysis = analyze(copy.dir);
    const finding = registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map', { entries: [{ key: 'claude-', module: 'src/providers/anthropic.ts', export: 'AnthropicHandler', valueShape: 'reference', line: 20 }] });
    const result = registryManifestPlanner.plan(finding, { project: new FileSet(copy.dir), sourceFiles: [], graph: analysis.graph, facts: analysis.facts, choices: {} });
    assert.equal(result.operations.length, 0);
    const line = readFileSync(base, 'utf8').split('\n').findIndex((l) => l.includes('await Promise.resolve')) + 1;
    assert.deepEqual(result.skipped, [
      {
        code: 'top-level-await',
        severity: 'info',
        message: `MODEL_PREFIXES stays eager: src/providers/base.ts:${line} awaits at top level, and require() cannot load an ES module that does`,
        file: 'src/providers/base.ts',
        line,
        finding: 'registry:src/router.ts:MODEL_PREFIXES',
      },
    ]);
  } finally {
    copy.cleanup();
  }
});

test('with allowApiChange a native ESM object map is converted and the modules importing it are rewritten too', () => {
  const sourceFiles = ['src/factories.ts', 'src/index.ts', 'src/main.ts', 'src/router.ts', 'src/utils.ts'];
  const result = registryManifestPlanner.plan(registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map'), { ...withoutEngines('gateway-esm'), sourceFiles, choices: { allowApiChange: true } });
  assert.equal(result.operations.length, 1, JSON.stringify(result.skipped));
  assert.deepEqual(result.operations[0]!.options.consumers, ['src/utils.ts']);
  assert.deepEqual(result.operations[0]!.files, ['src/router.ts', 'src/utils.ts']);
});

test('native ESM register calls are converted when every read of the registry is in async code', () => {
  const result = registryManifestPlanner.plan(registryFinding('src/providers/register-all.ts', 'registerProvider', 'register-calls'), withoutEngines('gateway-esm'));
  assert.equal(result.operations[0]?.options.moduleFormat, 'esm');
  assert.equal(result.operations[0]?.options.registryModule, 'src/registry.ts');
});

test('the manifest lists every key with its module and export, and loads nothing when read', () => {
  const project = new FileSet(fixture('gateway-cjs'));
  const options = { shape: 'object-map', registry: 'MODEL_PREFIXES', file: 'src/router.ts', manifest: 'src/router.manifest.ts', moduleFormat: 'cjs' };
  const [manifest] = registryToManifest.planFiles(options, project);
  assert.equal(manifest?.path, 'src/router.manifest.ts');
  const lines = oneLineEntries(manifest!.source).split('\n').filter((l) => /^\s+\S+: \{ module:/.test(l));
  assert.equal(lines.length, (project.read('src/router.ts')!.match(/^\s+'?[\w.\-/]+'?: \w+Handler,$/gm) ?? []).length);
  assert.ok(lines.some((l) => l.includes(`'claude-': { module: './providers/anthropic', export: 'AnthropicHandler', load: once(() =>`)));
  // No top-level import or require: every require sits inside a `load` arrow.
  assert.doesNotMatch(manifest!.source, /^(import|const .* = require)/m);
});

test('a native ESM factory map is converted; the modules that import it are rewritten too (their calls gain an await)', () => {
  const base = withoutEngines('gateway-esm');
  const sourceFiles = ['src/factories.ts', 'src/index.ts', 'src/main.ts', 'src/router.ts', 'src/utils.ts'];
  const result = registryManifestPlanner.plan(registryFinding('src/factories.ts', 'PROVIDER_FACTORIES', 'factory-map'), { ...base, sourceFiles });
  assert.equal(result.operations.length, 1, JSON.stringify(result.skipped));
  const [operation] = result.operations;
  // index.ts only re-exports the map (no call to await); main.ts and utils.ts call factories.
  assert.deepEqual(operation!.options.consumers, ['src/main.ts', 'src/utils.ts']);
  assert.deepEqual(operation!.files, ['src/factories.ts', 'src/main.ts', 'src/utils.ts']);
  assert.equal(operation!.options.moduleFormat, 'esm');
});

test('an esm-require manifest makes its own require with createRequire and loads each ES module on first use', () => {
  const project = new FileSet(fixture('gateway-esm'));
  const options = { shape: 'object-map', registry: 'MODEL_PREFIXES', file: 'src/router.ts', manifest: 'src/router.manifest.ts', moduleFormat: 'esm-require' };
  const [manifest] = registryToManifest.planFiles(options, project);
  const source = oneLineEntries(manifest!.source);
  assert.match(source, /^import \{ createRequire \} from 'node:module';\nconst require = createRequire\(import\.meta\.url\);$/m);
  assert.ok(source.includes(`'claude-': { module: './providers/anthropic.js', export: 'AnthropicHandler', load: once(() => (require('./providers/anthropic.js') as typeof import('./providers/anthropic.js')).AnthropicHandler) },`));
  // The only import is node:module: no provider is imported at top level.
  assert.deepEqual(source.match(/^import .*$/gm), [`import { createRequire } from 'node:module';`]);
});

test('a TypeScript esm-require manifest needs Node types: without @types/node the registry stays eager and the plan says what to add', () => {
  const base = context('gateway-esm');
  const project = base.project as FileSet;
  const pkg = JSON.parse(project.read('package.json')!) as { devDependencies: Record<string, string> };
  delete pkg.devDependencies['@types/node'];
  project.write('package.json', JSON.stringify(pkg));
  // The fixture has no node_modules of its own (tests link the repository's into copies), so
  // package.json is all the planner sees here.
  assert.equal(project.read('node_modules/@types/node/package.json'), undefined);
  const result = registryManifestPlanner.plan(registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map'), base);
  assert.equal(result.operations.length, 0);
  assert.equal(result.skipped?.[0]?.code, 'needs-node-types');
  assert.match(result.skipped?.[0]?.message ?? '', /MODEL_PREFIXES stays eager: its manifest would import createRequire from node:module, and package\.json lists no @types\/node .*add @types\/node to devDependencies/);
});

/** A project on disk as tsc compiles `registerProvider('a', A)` to CommonJS; `call` is how each register call is written. */
function tscCommonJs(call: (args: string) => string): { context: PlanContext; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-tsc-cjs-'));
  const header = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n';
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'tsc-cjs', version: '1.0.0', main: 'lib/providers/index.js' }),
    'lib/registry.js': `${header}exports.registerProvider = registerProvider;\nconst providers = new Map();\nfunction registerProvider(name, provider) {\n    providers.set(name, provider);\n}\n`,
    'lib/providers/index.js': `${header}const registry_1 = require("../registry");\nconst a_1 = require("./a");\nconst b_1 = require("./b");\n${call("'a', a_1.A")};\n${call("'b', b_1.B")};\n`,
  };
  for (const name of ['A', 'B']) files[`lib/providers/${name.toLowerCase()}.js`] = `${header}exports.${name} = void 0;\nclass ${name} {\n}\nexports.${name} = ${name};\n`;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const project = new FileSet(dir);
  return { context: { project, sourceFiles: [], facts: factsOfProject(project), choices: {} }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

for (const [shape, call] of [
  ['(0, registry_1.registerProvider)(...)', (args: string) => `(0, registry_1.registerProvider)(${args})`],
  ['registry_1.registerProvider(...)', (args: string) => `registry_1.registerProvider(${args})`],
] as const) {
  test(`tsc's CommonJS register calls, ${shape}, name the callee through the required module and the module that defines it`, () => {
    const { context, cleanup } = tscCommonJs(call);
    const result = registryManifestPlanner.plan(registryFinding('lib/providers/index.js', 'registerProvider', 'register-calls'), context);
    cleanup();
    assert.deepEqual(result.skipped ?? [], []);
    const options = result.operations[0]?.options;
    assert.equal(options?.registry, 'registry_1.registerProvider');
    assert.equal(options?.registryModule, 'lib/registry.js');
    assert.equal(options?.registerFunction, 'registerProvider');
    assert.deepEqual(result.operations[0]?.files, ['lib/registry.js', 'lib/providers/index.js']);
  });
}
