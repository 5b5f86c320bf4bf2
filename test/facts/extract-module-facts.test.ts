import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractModuleFacts } from '../../src/facts/extract-module-facts.js';

// Relative specifiers resolve to `src/<name>.ts`; bare ones stay package names, as in the graph.
const resolve = (specifier: string) => (specifier.startsWith('.') ? `src/${specifier.replace(/^\.\.?\//, '').replace(/\.js$/, '')}.ts` : specifier);
const facts = (text: string, file = 'src/mod.ts', format?: 'esm' | 'commonjs') => extractModuleFacts(file, `/p/${file}`, text, resolve, format);
const kinds = (text: string, file?: string) => facts(text, file).statements.map((s) => `${s.kind}${s.callee ? `:${s.callee}` : ''}`);

test('classifies declarations, eager init, global mutations and side-effect imports', () => {
  assert.deepEqual(
    kinds(`import './polyfill';
import { getEncoding } from 'js-tiktoken';
import { z } from 'zod';
export const encoder = getEncoding('cl100k_base');
export const Schema = z.object({ a: z.string() });
const LIMIT = 4096;
const cache = new Map<string, number>();
export function count(text: string) { return encoder.encode(text).length; }
export interface Options { a: string }
process.env.LOG_LEVEL ??= 'info';
globalThis.fetch = myFetch;
String.prototype.shout = function () { return this.toUpperCase(); };
console.log = () => {};
setup();
function setup() {}
const config = await loadConfig();
`),
    [
      'side-effect-import', 'declaration', 'declaration', 'eager-init:getEncoding', 'eager-init:z.object', 'declaration', 'declaration',
      'declaration', 'declaration', 'global-mutation', 'global-mutation', 'global-mutation', 'global-mutation', 'other', 'declaration',
      'eager-init:loadConfig',
    ],
  );
});

test('a prototype of a class or function the module declares is its own: assigning to it is no global mutation', () => {
  assert.deepEqual(
    kinds(`class Logger {}
Logger.prototype.level = 'info';
function Transport() {}
Transport.prototype.log = function () {};
var Format = function () {};
Format.prototype.transform = function (x) { return x; };
var Client = /** @class */ (function () { function Client() {} return Client; }());
Client.prototype.send = function () {};
Object.defineProperty(Logger.prototype, 'silent', { value: false });
Object.assign(Transport.prototype, { close() {} });
var Alias = Array;
Alias.prototype.last = function () { return this[this.length - 1]; };
Array.prototype.first = function () { return this[0]; };
Object.defineProperty(Array.prototype, 'second', { value: 1 });
`, 'lib/logger.js'),
    [
      // Plain top-level code, like any assignment to a local object: it runs, but only the module sees it.
      'declaration', 'other', 'declaration', 'other', 'declaration', 'other', 'other', 'other', 'other', 'other',
      'declaration', 'global-mutation', 'global-mutation', 'global-mutation',
    ],
  );
});

test('CommonJS: requires are imports, tsc export plumbing is declaration, calls of required code are eager init', () => {
  const result = facts(`'use strict';
Object.defineProperty(exports, "__esModule", { value: true });
exports.encoder = exports.count = void 0;
const js_tiktoken_1 = require("js-tiktoken");
require('./polyfill');
exports.encoder = (0, js_tiktoken_1.getEncoding)('cl100k_base');
function count(t) { return exports.encoder.encode(t).length; }
exports.count = count;
`, 'dist/mod.js', 'commonjs');
  assert.deepEqual(result.statements.map((s) => s.kind), [
    'declaration', 'declaration', 'declaration', 'declaration', 'side-effect-import', 'eager-init', 'declaration', 'declaration',
  ]);
  assert.equal(result.statements[5]!.callee, 'js_tiktoken_1.getEncoding');
  assert.deepEqual(result.exports.map((e) => e.name), ['encoder', 'count']);
  assert.deepEqual(result.exports.find((e) => e.name === 'count')!.uses, ['encoder']);
  assert.deepEqual(result.bindings.map((b) => [b.local, b.module, b.imported, b.members]), [['js_tiktoken_1', 'js-tiktoken', '*', ['getEncoding']]]);
});

test('exports record what each declaration uses, re-exports and type-only flags', () => {
  const result = facts(`import { getEncoding } from 'js-tiktoken';
import type { Message } from './types';
export * from './pricing';
export { guessMime as mimeOf } from './mime';
const encoder = getEncoding('cl100k_base');
function encodeText(t: string) { return encoder.encode(t); }
export function countTokens(t: string): number { return encodeText(t).length; }
export function countMessages(m: Message[]) { return m.reduce((n, x) => n + countTokens(x.content), 0); }
export type Counter = (t: string) => number;
export default countTokens;
`);
  const byName = Object.fromEntries(result.exports.map((e) => [e.name, e]));
  assert.deepEqual(byName['countTokens']!.uses, ['encodeText']);
  assert.deepEqual(byName['countMessages']!.uses, ['Message', 'countTokens']);
  assert.equal(byName['Counter']!.typeOnly, true);
  assert.equal(byName['*']!.from, 'src/pricing.ts');
  assert.deepEqual([byName['mimeOf']!.local, byName['mimeOf']!.from], ['guessMime', 'src/mime.ts']);
  assert.equal(byName['default']!.local, 'countTokens');
  const helper = result.declarations!.find((d) => d.name === 'encodeText')!;
  assert.deepEqual([helper.exported, helper.uses], [false, ['encoder']]);
});

test('import bindings: used only in functions, only as type, shadowing ignored', () => {
  const result = facts(`import OpenAI from 'openai';
import { Anthropic } from '@anthropic-ai/sdk';
import { Tiktoken } from 'js-tiktoken';
import { BaseHandler } from './base';
export class A extends BaseHandler { client = new OpenAI(); }
export function make(Anthropic: unknown) { return Anthropic; }
let t: Tiktoken;
`);
  const byLocal = Object.fromEntries(result.bindings.map((b) => [b.local, b]));
  assert.equal(byLocal['OpenAI']!.usedOnlyInFunctions, true, 'instance field initialisers run at construction');
  assert.equal(byLocal['BaseHandler']!.usedOnlyInFunctions, false, 'extends runs at class definition');
  assert.equal(byLocal['Anthropic']!.usedOnlyInFunctions, true, 'only a shadowing parameter uses the name');
  assert.equal(byLocal['Tiktoken']!.usedOnlyAsType, true);
  assert.equal(byLocal['OpenAI']!.usedOnlyAsType, false);
});

test('registries: object map, factory map and register calls with resolved entries', () => {
  const result = facts(`import { OpenAIHandler } from './providers/openai';
import { AnthropicHandler } from './providers/anthropic';
import { registerProvider } from './registry';
export const MODEL_PREFIXES = { 'gpt-': OpenAIHandler, 'claude-': AnthropicHandler };
export const FACTORIES = {
  openai: (o: unknown) => new OpenAIHandler(o),
  anthropic: function (o: unknown) { return new AnthropicHandler(o); },
};
registerProvider('openai', OpenAIHandler);
registerProvider('anthropic', AnthropicHandler);
`);
  const summary = result.registries.map((r) => ({
    name: r.name,
    shape: r.shape,
    entries: r.entries.map((e) => `${e.key}=${e.module}#${e.export}:${e.valueShape}`),
    blockers: r.blockers,
  }));
  assert.deepEqual(summary, [
    { name: 'MODEL_PREFIXES', shape: 'object-map', entries: ['gpt-=src/providers/openai.ts#OpenAIHandler:reference', 'claude-=src/providers/anthropic.ts#AnthropicHandler:reference'], blockers: [] },
    { name: 'FACTORIES', shape: 'factory-map', entries: ['openai=src/providers/openai.ts#OpenAIHandler:factory', 'anthropic=src/providers/anthropic.ts#AnthropicHandler:factory'], blockers: [] },
    { name: 'registerProvider', shape: 'register-calls', entries: ['openai=src/providers/openai.ts#OpenAIHandler:reference', 'anthropic=src/providers/anthropic.ts#AnthropicHandler:reference'], blockers: [] },
  ]);
  assert.deepEqual(result.statements.map((s) => s.kind).slice(3), ['registration', 'registration', 'registration', 'registration']);
});

test('registries in CommonJS: registry.register with require, map.set, element assignment', () => {
  const result = facts(`const registry = require('./registry');
const { GroqHandler } = require('./providers/groq');
registry.register('openai', require('./providers/openai'));
registry.register('anthropic', require('./providers/anthropic').AnthropicHandler);
const byName = new Map();
byName.set('groq', GroqHandler);
const table = {};
table['groq'] = GroqHandler;
`, 'lib/index.js', 'commonjs');
  const summary = Object.fromEntries(result.registries.map((r) => [r.name, r.entries.map((e) => `${e.key}=${e.module}#${e.export}`)]));
  assert.deepEqual(summary, {
    registry: ['openai=src/providers/openai.ts#default', 'anthropic=src/providers/anthropic.ts#AnthropicHandler'],
    byName: ['groq=src/providers/groq.ts#GroqHandler'],
    table: ['groq=src/providers/groq.ts#GroqHandler'],
  });
});

test("registries in tsc's CommonJS: the register function is named after the member, the callee as the plan passes it to the transform", () => {
  for (const call of ['(0, registry_1.registerProvider)', 'registry_1.registerProvider']) {
    const result = facts(`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const registry_1 = require("./registry");
const a_1 = require("./providers/a");
${call}('a', a_1.A);
${call}('b', a_1.B);
`, 'lib/index.js', 'commonjs');
    assert.deepEqual(result.registries.map((r) => ({ name: r.name, shape: r.shape, callee: r.callee, keys: r.entries.map((e) => `${e.key}=${e.module}#${e.export}`) })), [
      { name: 'registerProvider', shape: 'register-calls', callee: 'registry_1.registerProvider', keys: ['a=src/providers/a.ts#A', 'b=src/providers/a.ts#B'] },
    ], call);
  }
});

test('registry blockers: computed keys, loops, spreads; barrels are not registries', () => {
  const result = facts(`import { A } from './a';
import { B } from './b';
import { C } from './c';
import * as more from './more';
import { completion, embedding } from './main';
const PREFIX = 'p:';
export const byPrefix = {};
byPrefix[PREFIX + A.prefix] = A;
byPrefix['b'] = B;
export const byId = new Map();
for (const H of [A, B]) byId.set(H.id, H);
[A, C].forEach((H) => register(H.id, H));
export const MAP = { a: A, c: C, ...more };
export default { completion, embedding, run: completion };
`);
  const byName = Object.fromEntries(result.registries.map((r) => [r.name, r]));
  assert.deepEqual(byName['byPrefix']!.blockers, [
    '`byPrefix[PREFIX + A.prefix] = ...` at line 8 registers by element assignment, which lazify does not rewrite: the same entries written as one object literal convert',
    'computed key `PREFIX + A.prefix` at line 8',
  ]);
  assert.deepEqual(byName['byPrefix']!.entries.map((e) => e.key), [undefined, 'b']);
  assert.match(byName['byId']!.blockers[0]!, /registered in a loop at line 11/);
  // The loop's list is literal: what it registers is known, only the keys are not.
  assert.deepEqual(byName['byId']!.entries.map((e) => [e.key, e.module, e.export]), [[undefined, 'src/a.ts', 'A'], [undefined, 'src/b.ts', 'B']]);
  assert.deepEqual(byName['register']!.entries.map((e) => e.module), ['src/a.ts', 'src/c.ts']);
  assert.match(byName['register']!.blockers[0]!, /registered in a loop at line 12/);
  assert.match(byName['MAP']!.blockers[0]!, /spread `\.\.\.more` at line 13/);
  assert.equal(byName['default'], undefined);
});

test('a registry map copied or listed whole at import is blocked; its keys or one entry read, or a copy inside a function, are not', () => {
  const blockersOf = (tail: string, format?: 'commonjs') =>
    facts(`import { A } from './a';
import { B } from './b';
export const RULES = { 'rule-a': A, 'rule-b': B };
${tail}
`, 'src/mod.ts', format).registries.find((r) => r.name === 'RULES')!.blockers;
  // eslint-plugin-jsx-a11y's lib/index.js (Babel): the plugin object copies the rules at import.
  assert.deepEqual(blockersOf('export const plugin = { rules: _objectSpread({}, RULES) };'), [
    'RULES is read whole at import (line 4: `_objectSpread({}, RULES)`), which would load every provider then',
  ]);
  assert.deepEqual(blockersOf('export const copy = { ...RULES };'), ['RULES is read whole at import (line 4: `...RULES`), which would load every provider then']);
  assert.match(blockersOf('export const all = Object.assign({}, RULES);')[0]!, /line 4: `Object\.assign\(\{\}, RULES\)`/);
  assert.match(blockersOf('const list = Object.values(RULES);')[0]!, /line 4: `Object\.values\(RULES\)`/);
  assert.match(blockersOf('const all = (() => Object.entries(RULES))();')[0]!, /line 4: `Object\.entries\(RULES\)`/);
  assert.match(blockersOf('var copy = __assign({}, RULES);')[0]!, /line 4: `__assign\(\{\}, RULES\)`/);
  // Keys, one entry, a copy into RULES, or a copy that runs only when called: the values stay unread at import.
  assert.deepEqual(blockersOf('export const names = Object.keys(RULES);'), []);
  assert.deepEqual(blockersOf("export const first = RULES['rule-a'];"), []);
  assert.deepEqual(blockersOf('Object.assign(RULES, {});'), []);
  assert.deepEqual(blockersOf('export function all() { return { ...RULES }; }'), []);
  assert.deepEqual(blockersOf('export const all = () => Object.values(RULES);'), []);
});

test('a registry whose entries the module writes stays eager (a lazy entry is a getter with no setter); one read in a loop at import does too', () => {
  const blockersOf = (tail: string) =>
    facts(`'use strict';
const RULES = { 'rule-a': require('./a'), 'rule-b': require('./b') };
${tail}
module.exports = RULES;
`, 'lib/index.js', 'commonjs').registries.find((r) => r.name === 'RULES')!.blockers;
  const written = (line: number, text: string) => [`RULES has an entry written at line ${line} (\`${text}\`): a lazy entry is a getter with no setter`];
  // In strict code each of these would throw on a getter-only entry: at import, or when the function runs.
  assert.deepEqual(blockersOf('for (const k in RULES) RULES[k] = wrap(RULES[k]);'), written(3, 'RULES[k] = wrap(RULES[k])'));
  assert.deepEqual(blockersOf("RULES['rule-a'] = patched;"), written(3, "RULES['rule-a'] = patched"));
  assert.deepEqual(blockersOf('function override(name, rule) { RULES[name] = rule; }'), written(3, 'RULES[name] = rule'));
  assert.deepEqual(blockersOf("delete RULES['rule-b'];"), written(3, "delete RULES['rule-b']"));
  assert.deepEqual(blockersOf('Object.assign(RULES, overrides);'), written(3, 'Object.assign(RULES, overrides)'));
  assert.deepEqual(blockersOf("Object.assign(RULES, { 'rule-a': patched });"), written(3, "Object.assign(RULES, { 'rule-a': patched })"));
  // New keys become plain properties beside the getters.
  assert.deepEqual(blockersOf("RULES['rule-c'] = extra; RULES.other = 1; Object.assign(RULES, { more: 1 });"), []);
  // Read by a computed key in a loop at import: every provider loads then; one lookup, or lookups in functions, do not count.
  assert.deepEqual(blockersOf("Object.keys(RULES).forEach((k) => { RULES[k].meta.docs.url = base + k; });"), [
    'RULES is read by a computed key at import (line 3: `RULES[k]`), which would load the providers it reads then',
  ]);
  assert.deepEqual(blockersOf('const chosen = RULES[process.env.RULE];\nfunction get(k) { return RULES[k]; }'), []);
});

test('a map nested in an object under plain keys is a registry named by its path, unless it is a value of a map itself', () => {
  const registries = (text: string) =>
    facts(text, 'lib/index.js', 'commonjs').registries.map((r) => ({ name: r.name, line: r.line, keys: r.entries.map((e) => e.key), blockers: r.blockers }));
  // eslint-plugin-promise's index.js: the plugin object holds the rules map.
  const plugin = `'use strict'
const plugin = {
  meta: { name: 'p' },
  rules: {
    'rule-a': require('./rules/rule-a'),
    'rule-b': require('./rules/rule-b'),
  },
  configs: { recommended: { rules: { 'p/rule-a': 'error' } } },
}
`;
  assert.deepEqual(registries(`${plugin}module.exports = plugin\n`), [{ name: 'plugin.rules', line: 4, keys: ['rule-a', 'rule-b'], blockers: [] }]);
  // Deeper, and under `module.exports` itself.
  assert.deepEqual(registries(`module.exports = { plugin: { rules: { a: require('./a'), b: require('./b') } } };\n`).map((r) => r.name), ['module.exports.plugin.rules']);
  // A string key that is no identifier cannot stand in a dotted name: not walked.
  assert.deepEqual(registries(`module.exports = { 'my-rules': { a: require('./a'), b: require('./b') } };\n`), []);
  // Inside a map, a literal is one of the map's values (here blocked), not a second registry.
  const outer = registries(`module.exports = { A: require('./a'), B: require('./b'), C: require('./c'), more: { d: require('./d'), e: require('./e') } };\n`);
  assert.deepEqual(outer.map((r) => r.name), ['module.exports']);
  // Stringifying the plugin reads the nested map's values; copying the plugin only copies a reference to it.
  assert.deepEqual(registries(`${plugin}const text = JSON.stringify(plugin)\n`)[0]!.blockers, [
    'plugin.rules is read whole at import (line 10: `JSON.stringify(plugin)`), which would load every provider then',
  ]);
  assert.deepEqual(registries(`${plugin}const all = { ...plugin.rules }\n`)[0]!.blockers, [
    'plugin.rules is read whole at import (line 10: `...plugin.rules`), which would load every provider then',
  ]);
  assert.deepEqual(registries(`${plugin}module.exports = { ...plugin }\n`)[0]!.blockers, []);
});

test('function facts: sync value reads and invocations derived from top-level names', () => {
  const result = facts(`import { PROVIDERS } from './registry';
export function supports(name: string) { return PROVIDERS[name].vision; }
export function names() { return Object.keys(PROVIDERS); }
export async function complete(name: string) { const H = PROVIDERS[name]; return new H(); }
export function make(name: string) { for (const [k, H] of Object.entries(PROVIDERS)) if (k === name) return new H(); }
`);
  const byName = Object.fromEntries(result.functions!.map((f) => [f.name, f]));
  assert.deepEqual(byName['supports']!.valueReads, [{ line: 2, name: 'PROVIDERS' }]);
  assert.deepEqual(byName['names']!.valueReads, []);
  assert.equal(byName['complete']!.async, true);
  assert.deepEqual(byName['make']!.invocations.filter((i) => i.construct).map((i) => i.roots), [['PROVIDERS']]);
});

test('immediately invoked functions run at import: their calls and uses are top level', () => {
  const result = facts(`import OpenAI from 'openai';
import { helper } from './helper';
const client = (() => new OpenAI())();
export function later() { return helper(); }
`);
  assert.deepEqual(result.statements.map((s) => s.kind), ['declaration', 'declaration', 'eager-init', 'declaration']);
  const byLocal = Object.fromEntries(result.bindings.map((b) => [b.local, b.usedOnlyInFunctions]));
  assert.deepEqual(byLocal, { OpenAI: false, helper: true });
});

test('requires wrapped in interop helpers (esbuild, tsc, babel bundles) are bindings of the package', () => {
  const result = facts(`"use strict";
var import_openai = __toESM(require("openai"), 1);
var import_sdk = __toESM(require("@anthropic-ai/sdk"));
const zod_1 = __importDefault(require("zod"));
var _groq = _interopRequireDefault(require("groq-sdk"));
var notARequire = __toESM(loadSomething("openai"));
class Engine { constructor() { this.a = new import_openai.default(); this.b = new import_sdk.default(); this.c = zod_1.default; this.d = new _groq.default(); } }
module.exports = { Engine };
`, 'dist/index.js', 'commonjs');
  assert.deepEqual(
    result.bindings.map((b) => [b.local, b.module, b.usedOnlyInFunctions]),
    [['import_openai', 'openai', true], ['import_sdk', '@anthropic-ai/sdk', true], ['zod_1', 'zod', true], ['_groq', 'groq-sdk', true]],
  );
});

test('a minified interop helper is known by its __esModule check, not its name', () => {
  const result = facts(`"use strict";var Z=(p,e,a)=>(a=p!=null?Object.create(Object.getPrototypeOf(p)):{},!p||!p.__esModule?Object.defineProperty(a,"default",{value:p}):a);
var W=(p)=>({wrapped:p});
var Ee=Z(require("openai"),1);var Fe=W(require("zod"));
var $1=class{create(){return [new Ee.default(), Fe]}};
module.exports={$1};
`, 'dist/index.cjs', 'commonjs');
  // W does not check __esModule: W(require('zod')) is a call of local code, not an import binding.
  assert.deepEqual(result.bindings.map((b) => [b.local, b.module]), [['Ee', 'openai']]);
});

test('registry keys from string-enum members and `as const` objects are static; a plain const object is not', () => {
  const result = facts(`import { A } from './a';
import { B } from './b';
import { C } from './c';
export enum Providers { A = 'alpha', B = 'beta' }
const Frozen = Object.freeze({ C: 'gamma' });
const Kinds = { B: 'beta', C: 'gamma' } as const satisfies Record<string, string>;
const mutable = { B: 'beta', C: 'gamma' };
export const byEnum = { [Providers.A]: A, [Providers['B']]: B, [Frozen.C]: C };
export const byConst = { [Kinds.B]: B, [Kinds.C]: C };
export const byMutable = { [mutable.B]: B, [mutable.C]: C };
`);
  const byName = Object.fromEntries(result.registries.map((r) => [r.name, r]));
  assert.deepEqual(byName['byEnum']!.entries.map((e) => e.key), ['alpha', 'beta', 'gamma']);
  assert.deepEqual(byName['byEnum']!.blockers, []);
  assert.deepEqual(byName['byConst']!.entries.map((e) => e.key), ['beta', 'gamma']);
  const why = '`mutable` is neither an enum nor an `as const` object, so the key is only known at run time';
  assert.deepEqual(byName['byMutable']!.blockers, [`computed key \`[mutable.B]\` at line 10: ${why}`, `computed key \`[mutable.C]\` at line 10: ${why}`]);
});

test('the first await outside any function is a fact (require() cannot load an ES module that awaits at top level)', () => {
  const text = [
    'export async function load() { return await fetch("x"); }',
    'class A { static { void 0; } async m() { await 1; } }',
    'for await (const chunk of stream()) consume(chunk);',
    'export const ready = await Promise.resolve(true);',
  ].join('\n');
  assert.equal(facts(text).topLevelAwait, 3);
  assert.equal(facts('export async function load() { await 1; }\nconst f = async () => { await 2; };').topLevelAwait, undefined);
});

test('namespace assignments: a top-level B.Key = value on a whole required module, with the call that builds the value', () => {
  const result = facts(`var AWS = require('../lib/core');
var Service = AWS.Service;
var local = {};
AWS.S3 = Service.defineService('s3', ['2006-03-01']);
AWS.util = { x: 1 };
local.S3 = AWS.S3;
Service.extra = 1;
module.exports = AWS.S3;
`, 'clients/s3.js', 'commonjs');
  assert.deepEqual(result.namespaceAssignments, [
    { module: 'src/lib/core.ts', object: 'AWS', key: 'S3', line: 4, valueCallee: 'Service.defineService' },
    { module: 'src/lib/core.ts', object: 'AWS', key: 'util', line: 5 },
  ]);
  assert.equal(facts(`const core = require('./core');\nfunction f() { core.S3 = 1; }\n`).namespaceAssignments, undefined);
});
