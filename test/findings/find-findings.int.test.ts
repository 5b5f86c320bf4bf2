import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../helpers/copy-fixture.js';
import { loadProject } from '../../src/project/load-project.js';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import { computeCost } from '../../src/graph/module-cost.js';
import { extractFacts } from '../../src/facts/extract-facts.js';
import { findFindings } from '../../src/findings/find-findings.js';
import type { Finding } from '../../src/findings/finding.js';
import { enginesNode, supportsRequireEsm } from '../../src/project/require-esm-support.js';

// Read-only: the fixtures are analysed in place, nothing is written. `requireEsm` defaults to
// what the fixture's package.json engines say, as in analyze().
function analyse(name: string, options: { requireEsm?: boolean } = {}): Finding[] {
  const project = loadProject(fixture(name));
  const graph = buildModuleGraph(project);
  const requireEsm = options.requireEsm ?? supportsRequireEsm(enginesNode(project.packageJson));
  return findFindings({ graph, facts: extractFacts(graph), cost: computeCost(graph), requireEsm });
}
const byId = (findings: Finding[], id: string) => {
  const found = findings.find((f) => f.id === id);
  assert.ok(found, `expected finding ${id}; got ${findings.map((f) => f.id).join(', ')}`);
  return found;
};
const providerModules = ['anthropic', 'bedrock', 'cohere', 'deepseek', 'gemini', 'groq', 'huggingface', 'mistral', 'ollama', 'openai', 'replicate', 'together']
  .map((name) => `src/providers/${name}.ts`);

for (const name of ['gateway-cjs', 'gateway-esm']) {
  test(`${name}: the three registry shapes with their entries`, () => {
    const findings = analyse(name);
    const router = byId(findings, 'registry:src/router.ts:MODEL_PREFIXES');
    assert.equal(router.shape, 'object-map');
    assert.ok(router.entries!.some((e) => e.key === 'claude-' && e.module === 'src/providers/anthropic.ts' && e.export === 'AnthropicHandler'));
    assert.deepEqual([...new Set(router.entries!.map((e) => e.module))].sort(), providerModules);

    const calls = byId(findings, 'registry:src/providers/register-all.ts:registerProvider');
    assert.equal(calls.shape, 'register-calls');
    assert.deepEqual(calls.entries!.map((e) => e.module).sort(), providerModules);
    assert.ok(calls.entries!.some((e) => e.key === 'openai' && e.export === 'OpenAIHandler'));

    const factories = byId(findings, 'registry:src/factories.ts:PROVIDER_FACTORIES');
    assert.equal(factories.shape, 'factory-map');
    assert.ok(factories.entries!.every((e) => e.valueShape === 'factory'));
    assert.deepEqual(factories.entries!.map((e) => e.module).sort(), providerModules);
    // The providers pull in the SDKs: many megabytes that only the providers load.
    assert.ok(router.cost.exclusiveBytes > 5_000_000, `registry saving ${router.cost.exclusiveBytes}`);
    assert.equal(router.severity, 'high');
  });

  test(`${name}: eager tokenizer, zod schemas, env side effects, the utils cycle`, () => {
    const findings = analyse(name);
    const encoder = byId(findings, 'eager-init:src/utils.ts:encoder');
    assert.equal(encoder.target, 'getEncoding');
    assert.equal(encoder.severity, 'high');
    assert.match(byId(findings, 'eager-init:src/schemas.ts:RoleSchema').message, /zod/);
    assert.ok(findings.some((f) => f.kind === 'global-side-effect' && f.file === 'src/env.ts' && /process\.env/.test(f.message)));
    const cycle = findings.find((f) => f.kind === 'cycle' && f.files!.includes('src/utils.ts'));
    assert.ok(cycle, 'utils.ts <-> router/providers cycle');
    assert.ok(cycle.files!.includes('src/router.ts'));
  });

  test(`${name}: the god-module split has focused, sensibly named modules`, () => {
    const findings = analyse(name);
    const god = byId(findings, 'god-module:src/utils.ts');
    const split = Object.fromEntries(god.split!.map((c) => [c.module, c]));
    assert.deepEqual(Object.keys(split).sort(), [
      'src/utils/media.ts', 'src/utils/pricing.ts', 'src/utils/provider-lookup.ts', 'src/utils/request-transform.ts', 'src/utils/tokenization.ts',
    ]);
    const has = (module: string, names: string[]) => {
      for (const n of names) assert.ok(split[module]!.exports.includes(n), `${n} in ${module}: ${split[module]!.exports.join(', ')}`);
    };
    has('src/utils/tokenization.ts', ['encoder', 'countTokens', 'truncateToTokens', 'countMessageTokens']);
    has('src/utils/pricing.ts', ['MODEL_PRICES', 'getModelPrice', 'completionCost', 'formatUsd']);
    has('src/utils/media.ts', ['guessMimeType', 'isImageUrl', 'toDataUrl', 'parseDataUrl']);
    has('src/utils/request-transform.ts', ['toOpenAIMessages', 'toAnthropicMessages', 'mergeParams']);
    has('src/utils/provider-lookup.ts', ['resolveModel', 'createHandlerForModel']);
    // Every runtime export lands in exactly one module.
    const all = god.split!.flatMap((c) => c.exports);
    assert.equal(new Set(all).size, all.length);
  });

  test(`${name}: findings are sorted by exclusive savings`, () => {
    const findings = analyse(name);
    for (let i = 1; i < findings.length; i++) assert.ok(findings[i - 1]!.cost.exclusiveBytes >= findings[i]!.cost.exclusiveBytes);
    assert.equal(new Set(findings.map((f) => f.id)).size, findings.length, 'ids are unique');
  });
}

test('gateway-cjs: CommonJS registries are convertible; gateway-esm: so are ESM ones whose consumers are all async', () => {
  const cjs = analyse('gateway-cjs').filter((f) => f.kind === 'registry');
  assert.deepEqual(cjs.map((f) => f.convertible), [true, true, true]);
  assert.ok(cjs.every((f) => /lazy getters/.test(f.message)));
  const esm = analyse('gateway-esm', { requireEsm: false }).filter((f) => f.kind === 'registry');
  assert.deepEqual(esm.map((f) => [f.symbol, f.convertible, f.blockers]), [
    ['PROVIDER_FACTORIES', true, []],
    ['registerProvider', true, []],
    ['MODEL_PREFIXES', true, []],
  ]);
  assert.ok(esm.every((f) => /import\(\)/.test(f.message)));
});

test('gateway-esm declares engines that require() ES modules: its registries become lazy getters loading through require()', () => {
  const esm = analyse('gateway-esm').filter((f) => f.kind === 'registry');
  assert.deepEqual(esm.map((f) => [f.symbol, f.convertible]), [['PROVIDER_FACTORIES', true], ['registerProvider', true], ['MODEL_PREFIXES', true]]);
  assert.ok(esm.every((f) => /lazy getters that require\(\) each ES module/.test(f.message)), esm.map((f) => f.message).join('\n'));
});

test('gateway-js: registry.register(name, require(...)) calls and the eager tokenizer', () => {
  const findings = analyse('gateway-js');
  const registry = findings.find((f) => f.kind === 'registry' && f.shape === 'register-calls');
  assert.ok(registry);
  assert.equal(registry.entries!.length, 10);
  assert.ok(registry.entries!.every((e) => e.key && e.module?.startsWith('lib/providers/') && e.export === 'default'));
  assert.equal(registry.convertible, true);
  assert.ok(findings.some((f) => f.kind === 'eager-init' && f.target === 'getEncoding'));
  assert.equal(findings.filter((f) => f.kind === 'registry').length, 1, 'the public API object and provider objects are not registries');
});

test('edge/computed-registration: computed keys and loop registration are blockers', () => {
  const findings = analyse('edge/computed-registration');
  const byPrefix = byId(findings, 'registry:src/by-prefix.ts:handlersByPrefix');
  assert.equal(byPrefix.convertible, false);
  assert.ok(byPrefix.blockers!.some((b) => /^computed key `PREFIX \+ OpenAIHandler\.modelPrefix` at line \d+/.test(b)));
  const byIdRegistry = byId(findings, 'registry:src/by-id.ts:handlersById');
  assert.equal(byIdRegistry.convertible, false);
  assert.ok(byIdRegistry.blockers!.some((b) => /registered in a loop/.test(b)));
  assert.deepEqual(byIdRegistry.entries!.map((e) => e.module).sort(), ['src/providers/cohere.ts', 'src/providers/groq.ts', 'src/providers/mistral.ts']);
});

test('edge/esm-sync-registry: synchronous readers of the registry are blockers with their call sites', () => {
  const registry = byId(analyse('edge/esm-sync-registry'), 'registry:src/registry.ts:PROVIDERS');
  assert.equal(registry.convertible, false);
  assert.deepEqual(registry.blockers!.map((b) => /at (\S+)$/.exec(b)![1]).sort(), ['src/capabilities.ts:5', 'src/capabilities.ts:9']);
  assert.ok(!registry.blockers!.some((b) => /listProviders|completion/.test(b)), 'key reads and async consumers are fine');
  assert.match(registry.message, /declaring engines\.node "\^20\.19\.0 \|\| >=22\.12\.0" in package\.json lets these readers stay synchronous/);
});

test('edge/esm-sync-registry: where Node can require() ES modules, synchronous readers no longer block', () => {
  const registry = byId(analyse('edge/esm-sync-registry', { requireEsm: true }), 'registry:src/registry.ts:PROVIDERS');
  assert.equal(registry.convertible, true);
  assert.deepEqual(registry.blockers, []);
});
