import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFromSources } from './graph-from-sources.js';
import { findProviderFactories } from '../../src/findings/find-provider-factories.js';

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
