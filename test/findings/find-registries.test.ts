import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFromSources } from './graph-from-sources.js';
import { findRegistries } from '../../src/findings/find-registries.js';
import { computeCost } from '../../src/graph/module-cost.js';

const providers = {
  'src/providers/openai.ts': `import OpenAI from 'openai';\nexport class OpenAIHandler { static vision = true; run() { return new OpenAI(); } }\n`,
  'src/providers/groq.ts': `import Groq from 'groq-sdk';\nexport class GroqHandler { static vision = false; run() { return new Groq(); } }\n`,
};
const packages = { openai: 800_000, 'groq-sdk': 120_000 };

test('ESM object map read by a synchronous function: blocked, with the call site', () => {
  const input = graphFromSources({
    'src/index.ts': `export { supportsVision } from './capabilities.js';\nexport { complete } from './complete.js';\n`,
    'src/registry.ts': `import { OpenAIHandler } from './providers/openai.js';\nimport { GroqHandler } from './providers/groq.js';\nexport const PROVIDERS = { openai: OpenAIHandler, groq: GroqHandler };\n`,
    'src/capabilities.ts': `import { PROVIDERS } from './registry.js';\nexport function supportsVision(name: string) {\n  return PROVIDERS[name].vision;\n}\n`,
    'src/complete.ts': `import { PROVIDERS } from './registry.js';\nexport async function complete(name: string) { const H = PROVIDERS[name]; return new H().run(); }\n`,
    ...providers,
  }, packages);
  const [finding] = findRegistries(input);
  assert.equal(finding!.id, 'registry:src/registry.ts:PROVIDERS');
  assert.equal(finding!.convertible, false);
  assert.deepEqual(finding!.blockers, ['synchronous consumer supportsVision() reads a registered value from PROVIDERS at src/capabilities.ts:3']);
  assert.equal(finding!.cost.exclusiveBytes, 920_000);
  assert.equal(finding!.severity, 'medium');
});

test('ESM registry with only async consumers and key reads is convertible', () => {
  const input = graphFromSources({
    'src/index.ts': `export { complete, names } from './complete.js';\n`,
    'src/registry.ts': `import { OpenAIHandler } from './providers/openai.js';\nimport { GroqHandler } from './providers/groq.js';\nexport const PROVIDERS = { openai: OpenAIHandler, groq: GroqHandler };\n`,
    'src/complete.ts': `import { PROVIDERS } from './registry.js';\nexport async function complete(name: string) { const H = PROVIDERS[name]; return new H().run(); }\nexport function names() { return Object.keys(PROVIDERS); }\n`,
    ...providers,
  }, packages);
  const [finding] = findRegistries(input);
  assert.equal(finding!.convertible, true);
  assert.deepEqual(finding!.blockers, []);
  assert.match(finding!.message, /import\(\)/);
});

test('ESM register calls: a synchronous getter in the registry module blocks; CommonJS does not', () => {
  const sources = {
    'src/index.ts': `import './register-all.js';\nexport { create } from './registry.js';\n`,
    'src/registry.ts': `const providers = new Map<string, any>();\nexport function registerProvider(name: string, cls: any) { providers.set(name, cls); }\nexport function create(name: string) {\n  const Cls = providers.get(name);\n  return new Cls();\n}\n`,
    'src/register-all.ts': `import { registerProvider } from './registry.js';\nimport { OpenAIHandler } from './providers/openai.js';\nimport { GroqHandler } from './providers/groq.js';\nregisterProvider('openai', OpenAIHandler);\nregisterProvider('groq', GroqHandler);\n`,
    ...providers,
  };
  const esm = findRegistries(graphFromSources(sources, packages, 'esm'));
  assert.equal(esm.length, 1);
  assert.equal(esm[0]!.shape, 'register-calls');
  assert.deepEqual(esm[0]!.entries!.map((e) => `${e.key}:${e.module}#${e.export}`), ['openai:src/providers/openai.ts#OpenAIHandler', 'groq:src/providers/groq.ts#GroqHandler']);
  assert.deepEqual(esm[0]!.blockers, ['synchronous consumer create() reads a registered value from providers at src/registry.ts:4']);

  const cjs = findRegistries(graphFromSources(sources, packages, 'commonjs'));
  assert.equal(cjs[0]!.convertible, true);
  assert.match(cjs[0]!.message, /lazy getters/);
});

test('computed keys block even in CommonJS', () => {
  const input = graphFromSources({
    'src/index.ts': `import { OpenAIHandler } from './providers/openai';\nimport { GroqHandler } from './providers/groq';\nexport const byPrefix: Record<string, unknown> = {};\nbyPrefix['p:' + OpenAIHandler.name] = OpenAIHandler;\nbyPrefix['groq'] = GroqHandler;\n`,
    ...providers,
  }, packages, 'commonjs');
  const [finding] = findRegistries(input);
  assert.equal(finding!.convertible, false);
  assert.deepEqual(finding!.blockers, [
    "`byPrefix['p:' + OpenAIHandler.name] = ...` at line 4 registers by element assignment, which lazify does not rewrite: the same entries written as one object literal convert",
    "computed key `'p:' + OpenAIHandler.name` at line 4",
  ]);
});

test('tables of constants and model metadata are data, not registries; a table of small handlers still is', () => {
  const input = graphFromSources({
    'src/index.ts': `export { CLIENT_DEFAULTS, MODEL_INFO, HANDLERS } from './tables.js';\n`,
    'src/constants.ts': `export const DefaultRetries = 3;\nexport const DefaultTimeout = 600_000;\nexport const GPT4 = { name: 'gpt-4', contextWindow: 8192 };\nexport const Claude = { name: 'claude', contextWindow: 200000 };\n`,
    'src/handlers.ts': `export const Upper = (s: string) => s.toUpperCase();\nexport const Lower = (s: string) => s.toLowerCase();\n`,
    'src/tables.ts': `import { DefaultRetries, DefaultTimeout, GPT4, Claude } from './constants.js';\nimport { Upper, Lower } from './handlers.js';\nexport const CLIENT_DEFAULTS = { retries: DefaultRetries, timeout: DefaultTimeout };\nexport const MODEL_INFO = { 'gpt-4': GPT4, claude: Claude };\nexport const HANDLERS = { upper: Upper, lower: Lower };\n`,
  });
  assert.deepEqual(findRegistries(input).map((f) => f.symbol), ['HANDLERS']);
});

test('a map whose entries another module writes through what it imports stays eager; a new key or another map does not block', () => {
  const rules = {
    'src/rules/a.js': `module.exports = { create() {} };\n`,
    'src/rules/b.js': `module.exports = { create() {} };\n`,
  };
  const blockersWith = (writer: string, registry = `const plugin = { rules: { a: require('./rules/a'), b: require('./rules/b') } };\nmodule.exports = plugin;\n`) => {
    const input = graphFromSources({ 'src/index.js': registry, 'src/writer.js': writer, ...rules }, {}, 'commonjs');
    return findRegistries(input).find((f) => f.file === 'src/index.js')!.blockers;
  };
  const blocked = (line: string) => [`plugin.rules has an entry written by src/writer.js:2 (\`${line}\`): a lazy entry is a getter with no setter`];
  // The module object as required, and a member of it bound by destructuring.
  assert.deepEqual(blockersWith(`const plugin = require('./index');\nplugin.rules.a = wrap(plugin.rules.a);\n`), blocked('plugin.rules.a = wrap(plugin.rules.a)'));
  assert.deepEqual(blockersWith(`const { rules } = require('./index');\nfunction f(k) {\n  delete rules[k];\n}\n`), ['plugin.rules has an entry written by src/writer.js:3 (`delete rules[k]`): a lazy entry is a getter with no setter']);
  assert.deepEqual(blockersWith(`const plugin = require('./index');\nObject.assign(plugin.rules, extra);\n`), blocked('Object.assign(plugin.rules, extra)'));
  // A new key adds a plain property; a write elsewhere in the object is not into the map.
  assert.deepEqual(blockersWith(`const plugin = require('./index');\nplugin.rules.c = {};\nObject.assign(plugin.rules, { d: {} });\nplugin.configs = {};\n`), []);
  // The map reached as an export of its own: `exports.rules = {...}`.
  assert.deepEqual(
    blockersWith(`const index = require('./index');\nindex.rules['b'] = null;\n`, `exports.rules = { a: require('./rules/a'), b: require('./rules/b') };\n`),
    ["rules has an entry written by src/writer.js:2 (`index.rules['b'] = null`): a lazy entry is a getter with no setter"],
  );
});

test('a map written through a require() of its module, or through a local bound anywhere (a test callback, a dynamic import), stays eager', () => {
  const registry = `const plugin = { rules: { a: require('./rules/a'), b: require('./rules/b') } };\nmodule.exports = plugin;\n`;
  const blockersWith = (writer: string, file = 'src/writer.js') => {
    const input = graphFromSources({ 'src/index.js': registry, [file]: writer, 'src/rules/a.js': `module.exports = { create() {} };\n`, 'src/rules/b.js': `module.exports = { create() {} };\n` }, {}, 'commonjs');
    return findRegistries(input).find((f) => f.file === 'src/index.js')!.blockers;
  };
  const blocked = (line: number, text: string, file = 'src/writer.js') => [`plugin.rules has an entry written by ${file}:${line} (\`${text}\`): a lazy entry is a getter with no setter`];
  // The module's require() itself, written into or assigned to.
  assert.deepEqual(blockersWith(`require('./index').rules.b = null;\n`), blocked(1, "require('./index').rules.b = null"));
  assert.deepEqual(blockersWith(`Object.assign(require('./index').rules, { a: {} });\n`), blocked(1, "Object.assign(require('./index').rules, { a: {} })"));
  // Bound inside a callback, as a test does; destructured and renamed; an alias of a member.
  assert.deepEqual(blockersWith(`describe('rules', () => {\n  const plugin = require('./index');\n  plugin.rules.a = null;\n});\n`), blocked(3, 'plugin.rules.a = null'));
  assert.deepEqual(blockersWith(`it('drops b', () => {\n  const { rules: r } = require('./index');\n  delete r.b;\n});\n`), blocked(3, 'delete r.b'));
  assert.deepEqual(blockersWith(`const plugin = require('./index');\nconst rules = plugin.rules;\nrules['a'] = null;\n`), blocked(3, "rules['a'] = null"));
  // A dynamic import: its namespace's default is module.exports.
  assert.deepEqual(blockersWith(`it('x', async () => {\n  const plugin = (await import('./index.js')).default;\n  plugin.rules.a = null;\n});\n`, 'src/writer.mjs'), blocked(3, 'plugin.rules.a = null', 'src/writer.mjs'));
  assert.deepEqual(blockersWith(`it('x', async () => {\n  const ns = await import('./index.js');\n  ns.default.rules.b = null;\n});\n`, 'src/writer.mjs'), blocked(3, 'ns.default.rules.b = null', 'src/writer.mjs'));
  assert.deepEqual(blockersWith(`it('x', async () => {\n  const { default: plugin } = await import('./index.js');\n  plugin.rules.a = null;\n});\n`, 'src/writer.mjs'), blocked(3, 'plugin.rules.a = null', 'src/writer.mjs'));
  // The namespace as a then callback's parameter, whole or destructured (nested too).
  assert.deepEqual(blockersWith(`import('./index.js').then((ns) => {\n  ns.default.rules.a = null;\n});\n`, 'src/writer.mjs'), blocked(2, 'ns.default.rules.a = null', 'src/writer.mjs'));
  assert.deepEqual(blockersWith(`import('./index.js').then(function ({ default: plugin }) {\n  delete plugin.rules.b;\n});\n`, 'src/writer.mjs'), blocked(2, 'delete plugin.rules.b', 'src/writer.mjs'));
  assert.deepEqual(blockersWith(`import('./index.js').then(({ default: { rules } }) => {\n  rules['a'] = null;\n});\n`, 'src/writer.mjs'), blocked(2, "rules['a'] = null", 'src/writer.mjs'));
  // Handed to a function of the module, declared before or after the call, an arrow destructuring it too.
  assert.deepEqual(blockersWith(`function patch(p) {\n  p.rules.a = null;\n}\npatch(require('./index'));\n`), blocked(2, 'p.rules.a = null'));
  assert.deepEqual(blockersWith(`describe('x', () => {\n  drop(require('./index'));\n});\nfunction drop(plugin) {\n  delete plugin.rules.b;\n}\n`), blocked(5, 'delete plugin.rules.b'));
  assert.deepEqual(blockersWith(`const drop = ({ rules }) => {\n  delete rules.b;\n};\nconst plugin = require('./index');\ndrop(plugin);\n`), blocked(2, 'delete rules.b'));
  // Through two functions: one hands it on to the next.
  assert.deepEqual(blockersWith(`function inner(q) {\n  q.rules.a = null;\n}\nfunction outer(p) {\n  inner(p);\n}\nouter(require('./index'));\n`), blocked(2, 'q.rules.a = null'));
  // A function calling itself with members of its parameter (a tree walk, as minified bundles have many) ends, and still finds the write.
  const walker = `function walk(n) {\n  if (!n) return;\n${Array.from({ length: 24 }, (_, i) => `  walk(n.c${i});\n`).join('')}  n.rules.a = null;\n}\nwalk(require('./index'));\n`;
  assert.deepEqual(blockersWith(walker), blocked(27, 'n.rules.a = null'));
  // A function handed something else writes nothing of the map's.
  assert.deepEqual(blockersWith(`function patch(p) {\n  p.rules.a = null;\n}\npatch({ rules: {} });\nconst plugin = require('./index');\nconsole.log(plugin.rules.a);\n`), []);
  // A promise is no namespace: its default is nothing of the module's.
  assert.deepEqual(blockersWith(`const pending = import('./index.js');\npending.default.rules.a = null;\n`, 'src/writer.mjs'), []);
  // A new key, a read, a write into what an entry holds, or into another module: nothing to block.
  assert.deepEqual(blockersWith(`require('./index').rules.c = {};\ndescribe('x', () => {\n  const plugin = require('./index');\n  const a = plugin.rules.a;\n  a.meta = {};\n  const other = require('./rules/a');\n  other.a = null;\n});\n`), []);
});

test('ES modules: a default-exported plugin or a named map written by an importer stays eager', () => {
  const sources = (writer: string) => ({
    'src/index.ts': `import { A } from './a.js';\nimport { B } from './b.js';\nexport const handlers = { a: A, b: B };\nconst plugin = { rules: { a: A, b: B } };\nexport default plugin;\n`,
    'src/a.ts': `export class A {}\n`,
    'src/b.ts': `export class B {}\n`,
    'src/writer.ts': writer,
  });
  const blockers = (writer: string) => Object.fromEntries(findRegistries(graphFromSources(sources(writer))).map((f) => [f.symbol, f.blockers]));
  assert.deepEqual(blockers(`import plugin from './index.js';\nplugin.rules.a = null;\n`), {
    handlers: [],
    'plugin.rules': ['plugin.rules has an entry written by src/writer.ts:2 (`plugin.rules.a = null`): a lazy entry is a getter with no setter'],
  });
  assert.deepEqual(blockers(`import * as index from './index.js';\nexport function reset(k: string) { index.handlers[k] = undefined; }\n`), {
    handlers: ['handlers has an entry written by src/writer.ts:2 (`index.handlers[k] = undefined`): a lazy entry is a getter with no setter'],
    'plugin.rules': [],
  });
});

test('a map written through a module that re-exports it stays eager, however it is re-exported', () => {
  const cjs = (files: Record<string, string>) => {
    const input = graphFromSources({
      'src/rules.js': `module.exports = { a: require('./rules/a'), b: require('./rules/b') };\n`,
      'src/rules/a.js': `module.exports = { create() {} };\n`,
      'src/rules/b.js': `module.exports = { create() {} };\n`,
      ...files,
    }, {}, 'commonjs');
    return findRegistries(input).find((f) => f.file === 'src/rules.js')!.blockers;
  };
  const blocked = (file: string, line: number, text: string) => [`module.exports has an entry written by ${file}:${line} (\`${text}\`): a lazy entry is a getter with no setter`];
  // The whole module re-exported, then written by a computed key through it; two re-exports deep too.
  assert.deepEqual(cjs({ 'src/index.js': `module.exports = require('./rules');\n`, 'src/writer.js': `const rules = require('./index');\nfor (const k of ['a']) rules[k] = { ...rules[k] };\n` }), blocked('src/writer.js', 2, "rules[k] = { ...rules[k] }"));
  assert.deepEqual(
    cjs({ 'src/index.js': `module.exports = require('./rules');\n`, 'src/main.js': `module.exports = require('./index');\n`, 'src/writer.js': `const rules = require('./main');\ndelete rules.b;\n` }),
    blocked('src/writer.js', 2, 'delete rules.b'),
  );
  // Exported again under a name, through a binding: `exports.rules = rules`.
  assert.deepEqual(
    cjs({ 'src/index.js': `const rules = require('./rules');\nexports.rules = rules;\n`, 'src/writer.js': `const { rules } = require('./index');\nrules.a = null;\n` }),
    blocked('src/writer.js', 2, 'rules.a = null'),
  );
  // A module that requires the map without re-exporting it, or writes a new key: nothing to block.
  assert.deepEqual(cjs({ 'src/index.js': `const rules = require('./rules');\nmodule.exports = { count: Object.keys(rules).length };\n`, 'src/writer.js': `const index = require('./index');\nindex.a = null;\n` }), []);
  assert.deepEqual(cjs({ 'src/index.js': `module.exports = require('./rules');\n`, 'src/writer.js': `const rules = require('./index');\nrules.c = {};\n` }), []);

  const esm = (index: string, writer: string) => {
    const input = graphFromSources({
      'src/handlers.ts': `import { A } from './a.js';\nimport { B } from './b.js';\nexport const handlers = { a: A, b: B };\n`,
      'src/a.ts': `export class A {}\n`,
      'src/b.ts': `export class B {}\n`,
      'src/index.ts': index,
      'src/writer.ts': writer,
    });
    return findRegistries(input).find((f) => f.file === 'src/handlers.ts')!.blockers;
  };
  const written = (text: string) => [`handlers has an entry written by src/writer.ts:2 (\`${text}\`): a lazy entry is a getter with no setter`];
  assert.deepEqual(esm(`export * from './handlers.js';\n`, `import { handlers } from './index.js';\nhandlers.a = null;\n`), written('handlers.a = null'));
  assert.deepEqual(esm(`export { handlers as byName } from './handlers.js';\n`, `import * as index from './index.js';\ndelete index.byName['b'];\n`), written("delete index.byName['b']"));
  assert.deepEqual(esm(`export * as all from './handlers.js';\n`, `import { all } from './index.js';\nObject.assign(all.handlers, { a: null });\n`), written('Object.assign(all.handlers, { a: null })'));
  assert.deepEqual(esm(`import { handlers as h } from './handlers.js';\nexport { h };\n`, `import { h } from './index.js';\nh.b = null;\n`), written('h.b = null'));
  // Another export of the re-exporting module is not the map.
  assert.deepEqual(esm(`export * from './handlers.js';\nexport const extra = { a: 1 };\n`, `import { extra } from './index.js';\nextra.a = 2;\n`), []);
});

test('register calls that lazify cannot rewrite are findings that say so, as the plan does: element assignments, a local Map, a package method', () => {
  const rules = {
    'src/rules/a.js': `module.exports = { create() {} };\n`,
    'src/rules/b.js': `module.exports = { create() {} };\n`,
  };
  const finding = (index: string, more: Record<string, string> = {}) => {
    const input = graphFromSources({ 'src/index.js': index, ...rules, ...more }, { 'node_modules/registry-lib/index.js': 'module.exports = {};\n' }, 'commonjs');
    const [found] = findRegistries(input);
    return { convertible: found!.convertible, blockers: found!.blockers };
  };
  assert.deepEqual(finding(`const plugin = { rules: {} };\nplugin.rules['a'] = require('./rules/a');\nplugin.rules['b'] = require('./rules/b');\nmodule.exports = plugin;\n`), {
    convertible: false,
    blockers: ["`plugin.rules['a'] = ...` at line 2 registers by element assignment, which lazify does not rewrite: the same entries written as one object literal convert"],
  });
  assert.deepEqual(finding(`const rules = new Map();\nrules.set('a', require('./rules/a'));\nrules.set('b', require('./rules/b'));\nmodule.exports = rules;\n`), {
    convertible: false,
    blockers: ['rules.set is not a register function of the project (an import of a project module, or a function of this one): lazify rewrites such a function and its calls'],
  });
  assert.deepEqual(finding(`const lib = require('registry-lib');\nlib.register('a', require('./rules/a'));\nlib.register('b', require('./rules/b'));\n`).blockers, [
    'lib.register is not a register function of the project (an import of a project module, or a function of this one): lazify rewrites such a function and its calls',
  ]);
  // A register function of the project, imported or defined here: convertible.
  const registry = { 'src/registry.js': `const all = new Map();\nexports.register = (name, rule) => { all.set(name, rule); };\nexports.get = (name) => all.get(name);\n` };
  assert.deepEqual(finding(`const registry = require('./registry');\nregistry.register('a', require('./rules/a'));\nregistry.register('b', require('./rules/b'));\n`, registry), { convertible: true, blockers: [] });
  assert.deepEqual(finding(`const all = {};\nfunction register(name, rule) { all[name] = rule; }\nregister('a', require('./rules/a'));\nregister('b', require('./rules/b'));\nmodule.exports = all;\n`), { convertible: true, blockers: [] });
});

test("a helper beside a map's handlers (validator's `isAlphaLocales: _isAlpha.locales`) is an entry too; a map of helpers alone is no registry", () => {
  const input = graphFromSources({
    'src/index.ts': `export { validator } from './validator';\nexport { helpers } from './helpers';\n`,
    'src/validator.ts': `import * as alpha from './alpha';\nimport * as email from './email';\nimport * as url from './url';\nimport * as phone from './phone';\nexport const validator = { version: '1.0', isAlpha: alpha.default, isEmail: email.default, isURL: url.default, alphaLocales: alpha.locales, isPhone: phone.isPhone };\n`,
    'src/alpha.ts': `export default function isAlpha() {}\nexport const locales = ['en'];\n`,
    'src/email.ts': `export default function isEmail() {}\n`,
    'src/url.ts': `export default function isURL() {}\n`,
    'src/phone.ts': `export function isPhone() {}\n`,
    'src/helpers.ts': `import * as alpha from './alpha';\nimport * as phone from './phone';\nexport const helpers = { alphaLocales: alpha.locales, phone: phone.isPhone, phoneToo: phone.isPhone };\n`,
  }, {}, 'commonjs');
  const [registry] = input.facts['src/validator.ts']!.registries;
  assert.deepEqual(registry!.entries.map((e) => [e.key, e.export]), [['isAlpha', 'default'], ['isEmail', 'default'], ['isURL', 'default'], ['alphaLocales', 'locales'], ['isPhone', 'isPhone']]);
  assert.deepEqual(registry!.inline, ['version']);
  assert.deepEqual(findRegistries(input).map((f) => [f.id, f.convertible, f.blockers]), [['registry:src/validator.ts:validator', true, []]]);
});

test('a map whose every module loads at import without it saves nothing, and says which import keeps them; one of barrels inside barrels does not', () => {
  const types = {
    'lib/type/str.js': `module.exports = { tag: 'str' };\n`,
    'lib/type/int.js': `module.exports = { tag: 'int' };\n`,
    'lib/schema.js': `module.exports = [require('./type/str'), require('./type/int')];\n`,
    'lib/loader.js': `var schema = require('./schema');\nmodule.exports = function load() { return schema; };\n`,
  };
  // (graphFromSources reads an indented require as one inside a function: each map is on one line.)
  // The graph's own cost model, which knows what loads at import once some imports are lazy.
  const withGraphCost = (input: ReturnType<typeof graphFromSources>) => ({ ...input, cost: computeCost(input.graph) });
  // js-yaml's index: the loader's schema requires every type the map names.
  const kept = withGraphCost(graphFromSources({ 'index.js': `module.exports.load = require('./lib/loader');\nmodule.exports.types = { str: require('./lib/type/str'), int: require('./lib/type/int') };\n`, ...types }, {}, 'commonjs'));
  const [finding] = findRegistries(kept);
  assert.equal(finding!.convertible, true);
  assert.deepEqual(finding!.cost, { exclusiveBytes: 0, exclusiveModules: 0 });
  assert.equal(finding!.notFreed, 'lib/schema.js:1 imports lib/type/str.js');
  assert.match(finding!.message, /^types \(object-map\) registers 2 modules that load at import without it \(lib\/schema\.js:1 imports lib\/type\/str\.js\): a static manifest would stop none of them loading\.$/);
  // Without the loader the same map frees both types.
  const freed = withGraphCost(graphFromSources({ 'index.js': `module.exports.types = { str: require('./lib/type/str'), int: require('./lib/type/int') };\n`, ...types }, {}, 'commonjs'));
  const [alone] = findRegistries(freed);
  assert.equal(alone!.notFreed, undefined);
  assert.equal(alone!.cost.exclusiveModules, 2);
  // A map inside a map: the inner one's modules load at import only through the outer map, which becomes lazy with it.
  const nested = withGraphCost(graphFromSources({
    'index.js': `module.exports = { types: require('./lib/types'), str: require('./lib/type/str') };\n`,
    'lib/types.js': `module.exports = { str: require('./type/str'), int: require('./type/int') };\n`,
    ...types,
  }, {}, 'commonjs'));
  const inner = findRegistries(nested).find((f) => f.file === 'lib/types.js')!;
  assert.equal(inner.convertible, true);
  assert.equal(inner.notFreed, undefined, inner.message);
});
