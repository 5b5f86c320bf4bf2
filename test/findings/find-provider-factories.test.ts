import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFromSources } from './graph-from-sources.js';
import { findProviderFactories } from '../../src/findings/find-provider-factories.js';
import { computeCost } from '../../src/graph/module-cost.js';

const providers = {
  'src/openai.ts': `export class OpenAIProvider {}\nexport class OpenAIError extends Error {}\n`,
  'src/anthropic.ts': `export class AnthropicProvider {}\nexport class AnthropicError extends Error {}\n`,
};

function factoryIds(factory: string): string[] {
  const input = graphFromSources({
    'src/index.ts': `export { create } from './factory';\n`,
    'src/factory.ts': `import { OpenAIProvider, OpenAIError } from './openai';\nimport { AnthropicProvider, AnthropicError } from './anthropic';\n${factory}`,
    ...providers,
  });
  return findProviderFactories(input).map((f) => f.id);
}

test('provider factory: a switch that constructs a different provider in each case picks them', () => {
  assert.deepEqual(factoryIds(`export function create(p: string) {\n  switch (p) {\n    case 'openai': return new OpenAIProvider();\n    default: return new AnthropicProvider();\n  }\n}\n`), ['heavy-import:src/factory.ts:create']);
});

test('provider factory: branches that only throw error classes pick no provider', () => {
  assert.deepEqual(factoryIds(`export function create(p: string) {\n  if (p === 'openai') {\n    throw new OpenAIError();\n  } else {\n    throw new AnthropicError();\n  }\n}\n`), []);
});

test('provider factory: one branch that reads both modules picks between nothing', () => {
  assert.deepEqual(factoryIds(`export function create(p: string) {\n  if (p === 'both') {\n    return [new OpenAIProvider(), new AnthropicProvider()];\n  }\n  return [];\n}\n`), []);
});

test('provider factories in two modules over the same providers save only together: each claims that saving and names the other', () => {
  const factory = (name: string) => `import { OpenAIProvider } from './openai';\nimport { AnthropicProvider } from './anthropic';\nexport function ${name}(p: string) {\n  switch (p) {\n    case 'openai': return new OpenAIProvider();\n    default: return new AnthropicProvider();\n  }\n}\n`;
  const findings = (index: string) => {
    const sources = graphFromSources({ 'src/index.ts': index, 'src/chat.ts': factory('chatModel'), 'src/embed.ts': factory('embedder'), ...providers });
    // The graph's own cost model: the one that answers for several importers at once.
    const input = { ...sources, cost: computeCost(sources.graph) };
    return { input, found: findProviderFactories(input) };
  };
  const { input, found } = findings(`export { chatModel } from './chat';\nexport { embedder } from './embed';\n`);
  const both = input.cost.exclusiveOfImports({ 'src/chat.ts': ['src/openai.ts', 'src/anthropic.ts'], 'src/embed.ts': ['src/openai.ts', 'src/anthropic.ts'] });
  assert.ok(both.exclusiveBytes > 0 && both.exclusiveModules === 2);
  assert.deepEqual(found.map((f) => [f.id, f.cost.exclusiveBytes, f.cost.exclusiveModules, f.notFreed]), [
    ['heavy-import:src/chat.ts:chatModel', both.exclusiveBytes, 2, undefined],
    ['heavy-import:src/embed.ts:embedder', both.exclusiveBytes, 2, undefined],
  ]);
  assert.match(found[0]!.message, /; embedder in src\/embed\.ts:3 picks among them too, so only loading each inside the branch that picks it in all of them saves anything \(\d+ B saved if all are deferred\)\.$/);
  assert.match(found[1]!.message, /; chatModel in src\/chat\.ts:3 picks among them too/);
  // A third module importing a provider at the top keeps it whatever the factories do: together they free the other one only.
  const kept = findings(`import { OpenAIProvider } from './openai';\nexport const Default = OpenAIProvider;\nexport { chatModel } from './chat';\nexport { embedder } from './embed';\n`);
  assert.deepEqual(kept.found.map((f) => f.cost), [kept.input.cost.module('src/anthropic.ts')!, kept.input.cost.module('src/anthropic.ts')!].map((m) => ({ exclusiveBytes: m.exclusiveBytes, exclusiveModules: 1 })));
  // Every provider kept by the entry: nothing to save, together or not, and each says who keeps them.
  const all = findings(`import { OpenAIProvider } from './openai';\nimport { AnthropicProvider } from './anthropic';\nexport const all = [OpenAIProvider, AnthropicProvider];\nexport { chatModel } from './chat';\nexport { embedder } from './embed';\n`);
  assert.deepEqual(all.found.map((f) => f.notFreed), [
    'other modules import them at the top too (src/openai.ts by src/index.ts:1, src/anthropic.ts by src/index.ts:2)',
    'other modules import them at the top too (src/openai.ts by src/index.ts:1, src/anthropic.ts by src/index.ts:2)',
  ]);
});
