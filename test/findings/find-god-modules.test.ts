import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFromSources } from './graph-from-sources.js';
import { findGodModules } from '../../src/findings/find-god-modules.js';
import { stemsOf } from '../../src/findings/propose-split.js';

const utils = `import { getEncoding } from 'js-tiktoken';
import { lookup } from './registry';
export const encoder = getEncoding('cl100k_base');
function encodeText(text: string) { return encoder.encode(text); }
export function countTokens(text: string) { return encodeText(text).length; }
export function truncateToTokens(text: string, max: number) { return encoder.decode(encodeText(text).slice(0, max)); }
export function splitByTokens(text: string) { return [encodeText(clampText(text))]; }
export function headTokens(text: string) { return encodeText(clampText(text)); }
export const PRICES: Record<string, number> = { gpt: 1 };
function roundUsd(n: number) { return Math.round(n * 100) / 100; }
export function getPrice(model: string) { return PRICES[model] ?? 0; }
export function completionCost(model: string, tokens: number) { return roundUsd(getPrice(model) * tokens); }
export function formatUsd(n: number) { return '$' + roundUsd(n) + clampText(''); }
function clampText(t: string) { return t.slice(0, 10); }
const MIME: Record<string, string> = { png: 'image/png' };
export function guessMimeType(file: string) { return MIME[file.split('.').pop()!]; }
export function isImageUrl(url: string) { return guessMimeType(url)?.startsWith('image/') ?? false; }
export function toDataUrl(mime: string, data: string) { return 'data:' + mime + ';base64,' + data; }
export function parseDataUrl(url: string) { return url.slice(5); }
export function toOpenAIMessages(messages: string[]) { return messages.map((m) => ({ role: 'user', content: m })); }
export function toAnthropicMessages(messages: string[]) { return toOpenAIMessages(messages); }
export function providerForModel(model: string) { return lookup(model); }
export function isSupportedModel(model: string) { return providerForModel(model) !== undefined; }
export function nowMs() { return Date.now(); }
export function redactSecrets(text: string) { return text.replace(/sk-\\w+/g, 'sk-***'); }
`;

test('a module with many exports and importers gets a split named after its topics', () => {
  const input = graphFromSources({
    'src/index.ts': `import { countTokens } from './utils';\nimport { a } from './a';\nimport { b } from './b';\nexport { countTokens, a, b };\n`,
    'src/a.ts': `import { completionCost, formatUsd } from './utils';\nexport const a = () => formatUsd(completionCost('gpt', 1));\n`,
    'src/b.ts': `import { toOpenAIMessages, isImageUrl } from './utils';\nexport const b = () => [toOpenAIMessages([]), isImageUrl('x')];\n`,
    'src/registry.ts': `export function lookup(model: string) { return model; }\n`,
    'src/utils.ts': utils,
  }, { 'js-tiktoken': 11_000_000 });
  const [finding] = findGodModules(input);
  assert.equal(finding!.id, 'god-module:src/utils.ts');
  const split = Object.fromEntries(finding!.split!.map((c) => [c.module, c]));
  assert.deepEqual(Object.keys(split).sort(), [
    'src/utils/media.ts', 'src/utils/pricing.ts', 'src/utils/provider-lookup.ts', 'src/utils/request-transform.ts', 'src/utils/tokenization.ts',
  ]);
  assert.deepEqual(split['src/utils/tokenization.ts']!.exports, ['encoder', 'countTokens', 'truncateToTokens', 'splitByTokens', 'headTokens']);
  // clampText: used twice by tokenization, once by pricing, so it lives with tokenization.
  assert.deepEqual(split['src/utils/tokenization.ts']!.helpers, ['clampText', 'encodeText']);
  assert.match(split['src/utils/pricing.ts']!.reason, /also needs clampText from src\/utils\/tokenization\.ts/);
  assert.deepEqual(split['src/utils/pricing.ts']!.exports, ['PRICES', 'getPrice', 'completionCost', 'formatUsd']);
  assert.deepEqual(split['src/utils/pricing.ts']!.helpers, ['roundUsd']);
  assert.deepEqual(split['src/utils/media.ts']!.helpers, ['MIME']);
  assert.deepEqual(split['src/utils/provider-lookup.ts']!.exports, ['providerForModel', 'isSupportedModel']);
  assert.match(split['src/utils/tokenization.ts']!.reason, /js-tiktoken/);
  // Exports with no topic and nothing shared are not given one-function modules: they stay.
  assert.ok(!finding!.split!.some((c) => c.exports.includes('nowMs') || c.exports.includes('redactSecrets')));
  assert.match(finding!.message, /nowMs, redactSecrets share nothing with those and stay in src\/utils\.ts/);
});

test('few importers and a small footprint: not a god-module', () => {
  const input = graphFromSources({
    'src/index.ts': `import { countTokens } from './utils';\nexport { countTokens };\n`,
    'src/registry.ts': `export function lookup(model: string) { return model; }\n`,
    'src/utils.ts': utils,
  });
  assert.deepEqual(findGodModules(input), []);
});

test('name stems split camelCase, acronyms and snake case, dropping generic words', () => {
  assert.deepEqual(stemsOf('toOpenAIMessages'), ['open', 'ai', 'messages']);
  assert.deepEqual(stemsOf('MODEL_PRICES'), ['model', 'prices']);
  assert.deepEqual(stemsOf('getModelPrice'), ['model', 'price']);
});

test('a split whose every part a module loaded at import uses frees nothing: cost zero, and the finding says why', () => {
  const input = graphFromSources({
    'src/index.ts': `import { countTokens } from './utils';\nimport { a } from './a';\nimport { b } from './b';\nimport { c } from './c';\nexport { countTokens, a, b, c };\n`,
    'src/a.ts': `import { completionCost, formatUsd } from './utils';\nexport const a = () => formatUsd(completionCost('gpt', 1));\n`,
    'src/b.ts': `import { toOpenAIMessages, isImageUrl } from './utils';\nexport const b = () => [toOpenAIMessages([]), isImageUrl('x')];\n`,
    'src/c.ts': `import { isSupportedModel } from './utils';\nexport const c = () => isSupportedModel('x');\n`,
    'src/registry.ts': `export function lookup(model: string) { return model; }\n`,
    'src/utils.ts': utils,
  }, { 'js-tiktoken': 11_000_000 });
  const [finding] = findGodModules(input);
  assert.deepEqual(finding!.cost, { exclusiveBytes: 0, exclusiveModules: 0 });
  assert.equal(finding!.severity, 'low');
  assert.match(finding!.notFreed!, /^src\/index\.ts, src\/a\.ts, src\/b\.ts and 1 more use every part of it at import/);
  assert.match(finding!.message, /Splitting it frees nothing at import: /);
});

test('a split frees the package only a part nobody loaded at import needs uses', () => {
  // Nothing loaded at import needs the tokenization part, the only user of js-tiktoken.
  const input = graphFromSources({
    'src/index.ts': `import { a } from './a';\nimport { b } from './b';\nimport { c } from './c';\nexport { a, b, c };\n`,
    'src/a.ts': `import { completionCost, formatUsd } from './utils';\nexport const a = () => formatUsd(completionCost('gpt', 1));\n`,
    'src/b.ts': `import { toOpenAIMessages, isImageUrl } from './utils';\nexport const b = () => [toOpenAIMessages([]), isImageUrl('x')];\n`,
    'src/c.ts': `import { isSupportedModel } from './utils';\nexport const c = () => isSupportedModel('x');\n`,
    'src/registry.ts': `export function lookup(model: string) { return model; }\n`,
    'src/utils.ts': utils,
  }, { 'js-tiktoken': 11_000_000 });
  const [finding] = findGodModules(input);
  assert.ok(finding!.split!.some((c) => c.module === 'src/utils/tokenization.ts'));
  assert.deepEqual(finding!.cost, { exclusiveBytes: 11_000_000, exclusiveModules: 1 });
  assert.equal(finding!.notFreed, undefined);
});

test('the entry itself split frees nothing: importing the package loads every part of it', () => {
  const input = graphFromSources({
    'src/utils.ts': utils,
    'src/a.ts': `import { completionCost } from './utils';\nexport const a = () => completionCost('gpt', 1);\n`,
    'src/b.ts': `import { isImageUrl } from './utils';\nexport const b = () => isImageUrl('x');\n`,
    'src/c.ts': `import { nowMs } from './utils';\nexport const c = () => nowMs();\n`,
    'src/registry.ts': `export function lookup(model: string) { return model; }\n`,
  }, { 'js-tiktoken': 11_000_000 });
  const [finding] = findGodModules(input);
  assert.equal(input.graph.entry, 'src/utils.ts');
  assert.deepEqual(finding!.cost, { exclusiveBytes: 0, exclusiveModules: 0 });
  assert.match(finding!.notFreed!, /its entry/);
});
