// The register calls the transform collects are the ones the analysis found: tsc's CommonJS writes
// `registerProvider('a', A)` as `(0, registry_1.registerProvider)('a', A)`, and the facts name its
// callee `registry_1.registerProvider` (src/facts/detect-registries.ts), as the plan passes it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jscodeshift from 'jscodeshift';
import { collectRegisterCalls } from '../../transforms/registry-to-manifest/collect-entries.js';
import transform from '../../transforms/registry-to-manifest/index.js';
import { loaderText } from '../../transforms/shared-lazy-loading/lazy-reference.js';

const keysOf = (source: string, callee: string) => {
  const j = jscodeshift.withParser('ts');
  return collectRegisterCalls(j, j(source), callee).entries.map((e) => e.key);
};

test("tsc's `(0, registry_1.registerProvider)(...)` is a call of registry_1.registerProvider", () => {
  const source = `const registry_1 = require('../registry');\nconst { A } = require('./a');\nconst { B } = require('./b');\n(0, registry_1.registerProvider)('a', A);\nregistry_1.registerProvider('b', B);\n`;
  assert.deepEqual(keysOf(source, 'registry_1.registerProvider'), ['a', 'b']);
});

test('a sequence whose first part is not tsc\'s `0` is not taken for the call', () => {
  const source = `const registry_1 = require('../registry');\nconst { A } = require('./a');\n(log(), registry_1.registerProvider)('a', A);\n`;
  assert.deepEqual(keysOf(source, 'registry_1.registerProvider'), []);
});

// tsc's CommonJS reads the registered value off the required module: `a_1.A` after
// `const a_1 = require("./a")` is the imported value `A` of ./a, as `import { A }` would be.
test("tsc's `a_1.A` off `const a_1 = require('./a')` is the value A of ./a", () => {
  const j = jscodeshift.withParser('ts');
  const source = `const registry_1 = require("../registry");\nconst a_1 = require("./a");\nconst b_1 = require("./b");\n(0, registry_1.registerProvider)('a', a_1.A);\nregistry_1.registerProvider('b', b_1.B);\n`;
  const { entries, skipped } = collectRegisterCalls(j, j(source), 'registry_1.registerProvider');
  assert.deepEqual(skipped, []);
  assert.deepEqual(entries.map((e) => [e.key, e.source.module, e.source.imported, e.local]), [['a', './a', 'A', 'a_1'], ['b', './b', 'B', 'b_1']]);
});

test('a member of a local object (not a required module) is no imported value', () => {
  const source = `const registry_1 = require("../registry");\nconst local = { A: class {} };\n(0, registry_1.registerProvider)('a', local.A);\n`;
  assert.deepEqual(keysOf(source, 'registry_1.registerProvider'), []);
});

// All or nothing per operation: when no call converts, the register function's module gets no loaders.
const registryModule = `"use strict";\nexports.registerProvider = registerProvider;\nconst providers = new Map();\nfunction registerProvider(name, provider) {\n    providers.set(name, provider);\n}\n`;

function runOnRegistryModule(calls: string): { output: string | undefined; reports: string[] } {
  const files: Record<string, string> = { 'lib/registry.js': registryModule, 'lib/providers/index.js': calls };
  const project = { root: '/virtual', read: (path: string) => files[path] };
  const reports: string[] = [];
  const api = { jscodeshift: jscodeshift.withParser('ts'), j: jscodeshift.withParser('ts'), stats: () => {}, report: (m: string) => reports.push(m) } as any;
  const options = { shape: 'register-calls', registry: 'registry_1.registerProvider', file: 'lib/providers/index.js', manifest: 'lib/providers/index.manifest.js', moduleFormat: 'cjs', registryModule: 'lib/registry.js', registerFunction: 'registerProvider', root: '/virtual', project, driver: 'lazify' };
  const output = transform({ path: 'lib/registry.js', source: registryModule }, api, options);
  return { output, reports };
}

test('no converted call: the register module is left as it is, with one line saying why', () => {
  const calls = `const registry_1 = require("../registry");\nconst a_1 = require("./a");\n(0, registry_1.registerProvider)('a', new a_1.A());\n`;
  const { output, reports } = runOnRegistryModule(calls);
  assert.ok(output === undefined || output === registryModule, 'the register module changed');
  assert.equal(reports.length, 1);
  assert.match(reports[0], /no register call in lib\/providers\/index\.js converts.*lib\/registry\.js gets no loaders/);
});

test('one converted call: the register module gets its loaders', () => {
  const calls = `const registry_1 = require("../registry");\nconst a_1 = require("./a");\n(0, registry_1.registerProvider)('a', a_1.A);\n`;
  const { output } = runOnRegistryModule(calls);
  assert.match(output ?? '', /function registerProviderLoader\(/);
});

test("under the babel parser (.js files, as apply plans them) tsc's `(0, f)` is a call of f too", () => {
  const j = jscodeshift.withParser('babel');
  const source = `const registry_1 = require("../registry");\nconst a_1 = require("./a");\n(0, registry_1.registerProvider)('a', a_1.A);\n`;
  assert.deepEqual(collectRegisterCalls(j, j(source), 'registry_1.registerProvider').entries.map((e) => e.key), ['a']);
});

test("tsc's `x_1.default` off `__importDefault(require('./x'))` is ./x's default, read through __esModule", () => {
  const j = jscodeshift.withParser('ts');
  const source = `var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };\nconst registry_1 = require("../registry");\nconst c_1 = __importDefault(require("./c"));\n(0, registry_1.registerProvider)('c', c_1.default);\n(0, registry_1.registerProvider)('d', c_1.Named);\n`;
  const { entries, skipped } = collectRegisterCalls(j, j(source), 'registry_1.registerProvider');
  assert.deepEqual(entries.map((e) => [e.key, e.source.module, e.source.imported, e.local]), [['c', './c', 'default', 'c_1']]);
  // A named read through __importDefault is undefined for a CommonJS module: not taken for the module's export.
  assert.equal(skipped.length, 1);
  assert.match(loaderText(entries[0]!.source, 'cjs', false), /const loaded = require\(["']\.\/c["']\); return \(loaded\.__esModule \? loaded\.default : loaded\);/);
});
