import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSet } from '../../src/edits/file-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { PlanContext } from '../../src/plan/planner.js';
import { registryManifestPlanner } from '../../src/plan/plan-registry-manifests.js';
import * as registryToManifest from '../../transforms/registry-to-manifest/index.js';
import { fixture } from '../helpers/copy-fixture.js';

const context = (name: string): PlanContext => ({ project: new FileSet(fixture(name)), sourceFiles: [], choices: {} });

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
  assert.match(result.skipped?.join('\n') ?? '', /synchronous consumer supportsVision\(\) at src\/capabilities\.ts:4/);
});

test('a native ESM object map is reported, not converted: its values would become promises', () => {
  const result = registryManifestPlanner.plan(registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map'), context('gateway-esm'));
  assert.equal(result.operations.length, 0);
  assert.match(result.skipped?.[0] ?? '', /would change the exported value of MODEL_PREFIXES from classes to loaders; pass --allow-api-change/);
});

test('with allowApiChange a native ESM object map is converted and the modules importing it are rewritten too', () => {
  const base = context('gateway-esm');
  const sourceFiles = ['src/factories.ts', 'src/index.ts', 'src/main.ts', 'src/router.ts', 'src/utils.ts'];
  const result = registryManifestPlanner.plan(registryFinding('src/router.ts', 'MODEL_PREFIXES', 'object-map'), { ...base, sourceFiles, choices: { allowApiChange: true } });
  assert.equal(result.operations.length, 1, result.skipped?.join('\n'));
  assert.deepEqual(result.operations[0]!.options.consumers, ['src/utils.ts']);
  assert.deepEqual(result.operations[0]!.files, ['src/router.ts', 'src/utils.ts']);
});

test('native ESM register calls are converted when every read of the registry is in async code', () => {
  const result = registryManifestPlanner.plan(registryFinding('src/providers/register-all.ts', 'registerProvider', 'register-calls'), context('gateway-esm'));
  assert.equal(result.operations[0]?.options.moduleFormat, 'esm');
  assert.equal(result.operations[0]?.options.registryModule, 'src/registry.ts');
});

test('the manifest lists every key with its module and export, and loads nothing when read', () => {
  const project = new FileSet(fixture('gateway-cjs'));
  const options = { shape: 'object-map', registry: 'MODEL_PREFIXES', file: 'src/router.ts', manifest: 'src/router.manifest.ts', moduleFormat: 'cjs' };
  const [manifest] = registryToManifest.planFiles(options, project);
  assert.equal(manifest?.path, 'src/router.manifest.ts');
  const lines = manifest!.source.split('\n').filter((l) => /^\s+\S+: \{ module:/.test(l));
  assert.equal(lines.length, (project.read('src/router.ts')!.match(/^\s+'?[\w.\-/]+'?: \w+Handler,$/gm) ?? []).length);
  assert.ok(lines.some((l) => l.includes(`'claude-': { module: './providers/anthropic', export: 'AnthropicHandler', load: () =>`)));
  // No top-level import or require: every require sits inside a `load` arrow.
  assert.doesNotMatch(manifest!.source, /^(import|const .* = require)/m);
});

test('a native ESM factory map is converted; the modules that import it are rewritten too (their calls gain an await)', () => {
  const base = context('gateway-esm');
  const sourceFiles = ['src/factories.ts', 'src/index.ts', 'src/main.ts', 'src/router.ts', 'src/utils.ts'];
  const result = registryManifestPlanner.plan(registryFinding('src/factories.ts', 'PROVIDER_FACTORIES', 'factory-map'), { ...base, sourceFiles });
  assert.equal(result.operations.length, 1, result.skipped?.join('\n'));
  const [operation] = result.operations;
  // index.ts only re-exports the map (no call to await); main.ts and utils.ts call factories.
  assert.deepEqual(operation!.options.consumers, ['src/main.ts', 'src/utils.ts']);
  assert.deepEqual(operation!.files, ['src/factories.ts', 'src/main.ts', 'src/utils.ts']);
  assert.equal(operation!.options.moduleFormat, 'esm');
});
