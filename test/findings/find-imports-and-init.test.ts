import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFromSources } from './graph-from-sources.js';
import { findHeavyImports } from '../../src/findings/find-heavy-imports.js';
import { findEagerInit } from '../../src/findings/find-eager-init.js';
import { findGlobalSideEffects } from '../../src/findings/find-global-side-effects.js';
import { findCycles } from '../../src/findings/find-cycles.js';

test('heavy-import: a package used only inside functions is deferrable; one used at top level is not', () => {
  const input = graphFromSources({
    'src/index.ts': `import OpenAI from 'openai';\nimport { z } from 'zod';\nexport const Schema = z.string();\nexport function client() { return new OpenAI(); }\n`,
  }, { openai: 800_000, zod: 1_200_000 });
  const findings = findHeavyImports(input);
  assert.deepEqual(findings.map((f) => [f.id, f.target, f.cost.exclusiveBytes, f.severity]), [['heavy-import:src/index.ts:openai', 'openai', 800_000, 'medium']]);
});

test('heavy-import: a package shared by several modules is one finding when all of them can defer it', () => {
  const input = graphFromSources({
    'src/index.ts': `import { a } from './a';\nimport { b } from './b';\nexport { a, b };\n`,
    'src/a.ts': `import OpenAI from 'openai';\nexport function a() { return new OpenAI(); }\n`,
    'src/b.ts': `import OpenAI from 'openai';\nexport function b() { return new OpenAI(); }\n`,
  }, { openai: 800_000 });
  const findings = findHeavyImports(input);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /src\/a\.ts:1, src\/b\.ts:1/);
});

test('eager-init: groups a module\'s calls into one package and names the callee', () => {
  const input = graphFromSources({
    'src/index.ts': `import { getEncoding } from 'js-tiktoken';\nimport { z } from 'zod';\nexport const encoder = getEncoding('cl100k_base');\nexport const A = z.string();\nexport const B = z.object({ a: A });\n`,
  }, { 'js-tiktoken': 11_000_000, zod: 1_200_000 });
  const findings = findEagerInit(input);
  assert.deepEqual(findings.map((f) => [f.id, f.target, f.severity]), [
    ['eager-init:src/index.ts:encoder', 'getEncoding', 'high'],
    ['eager-init:src/index.ts:A', 'zod', 'high'],
  ]);
  assert.match(findings[1]!.message, /2 top-level statements \(A, B\) call zod/);
});

test('global side effects and cycles', () => {
  const input = graphFromSources({
    'src/index.ts': `import './env';\nimport { a } from './a';\nexport { a };\n`,
    'src/env.ts': `process.env.LEVEL ??= 'info';\nglobalThis.x = 1;\n`,
    'src/a.ts': `import { b } from './b';\nexport function a() { return b(); }\n`,
    'src/b.ts': `import { a } from './a';\nexport function b() { return 1; }\nexport const c = () => a();\n`,
  });
  assert.deepEqual(findGlobalSideEffects(input).map((f) => f.id), ['global-side-effect:src/env.ts:process.env.LEVEL', 'global-side-effect:src/env.ts:globalThis.x']);
  const cycles = findCycles(input);
  assert.deepEqual(cycles.map((f) => [f.id, f.files]), [['cycle:src/a.ts', ['src/a.ts', 'src/b.ts']]]);
  assert.match(cycles[0]!.message, /src\/a\.ts -> src\/b\.ts -> src\/a\.ts/);
});

test('eager-init: `const log = debug(x)` while another module keeps debug loaded claims nothing and names that module', () => {
  const input = graphFromSources({
    'src/index.ts': `import debug from 'debug';\nimport { helper } from './helper.js';\nexport const namespaces = debug.names;\nexport function run() { return helper(); }\n`,
    'src/helper.ts': `import debug from 'debug';\nconst log = debug('gw:helper');\nexport function helper() { log('hi'); }\n`,
  }, { debug: 20_000 });
  const [finding] = findEagerInit(input).filter((f) => f.file === 'src/helper.ts');
  assert.deepEqual(finding!.cost, { exclusiveBytes: 0, exclusiveModules: 0 });
  assert.equal(finding!.message, "`const log = debug('gw:helper');` runs debug at import; a memoised getter would defer the work only (src/index.ts:1 keeps debug loaded at import), so no module stops loading.");
});

test('heavy-import: a side-effect import of a subpath does not hide the package, and the finding says it stays', () => {
  const input = graphFromSources({
    'src/index.ts': `import 'openai/shims/node';\nimport OpenAI from 'openai';\nexport function client() { return new OpenAI(); }\n`,
  }, { openai: 800_000 });
  const findings = findHeavyImports(input);
  assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.target}`), ['src/index.ts:2 openai']);
  assert.match(findings[0]!.message, /The side-effect import of openai\/shims\/node \(src\/index\.ts:1\) stays: it loads only that subpath\.$/);
});

test('heavy-import: the bytes a staying side-effect subpath loads are not claimed, those of the package it shares included', () => {
  const input = graphFromSources({
    'src/index.ts': `import 'openai/shims/node';\nimport OpenAI from 'openai';\nexport function client() { return new OpenAI(); }\n`,
  }, { openai: 800_000 });
  // The shim loads 30 kB of its own and 70 kB the main entry loads too; the main entry 700 kB more.
  input.graph.modules.openai!.loadedBy = [
    { specifiers: ['openai'], bytes: 700_000 },
    { specifiers: ['openai', 'openai/shims/node'], bytes: 70_000 },
    { specifiers: ['openai/shims/node'], bytes: 30_000 },
  ];
  const [finding] = findHeavyImports(input);
  assert.deepEqual(finding!.cost, { exclusiveBytes: 700_000, exclusiveModules: 0 });
  assert.match(finding!.message, /^openai \(684 KB saved if deferred\)/);
});

test('eager-init: statements that name no value say lazify leaves them to a hand rewrite; a later named one is the symbol', () => {
  const unnamed = findEagerInit(graphFromSources({
    'index.js': `var wrappy = require('wrappy')\nmodule.exports = wrappy(once)\nmodule.exports.strict = wrappy(onceStrict)\nfunction once(fn) { return fn }\nfunction onceStrict(fn) { return fn }\n`,
  }, { wrappy: 900 }));
  assert.equal(unnamed.length, 1);
  assert.equal(unnamed[0]!.symbol, undefined);
  assert.equal(unnamed[0]!.message, '2 top-level statements call wrappy at import; they name no value, so lazify does not rewrite them: a memoised getter written by hand would defer the work (and wrappy, 900 B) to first use.');
  const mixed = findEagerInit(graphFromSources({
    'index.js': `var wrappy = require('wrappy')\nmodule.exports = wrappy(once)\nvar strict = wrappy(onceStrict)\nmodule.exports.strict = strict\nfunction once(fn) { return fn }\nfunction onceStrict(fn) { return fn }\n`,
  }, { wrappy: 900 }));
  assert.deepEqual(mixed.map((f) => [f.id, f.symbol]), [['eager-init:index.js:wrappy', 'strict']]);
  assert.match(mixed[0]!.message, /2 top-level statements \(strict\) call wrappy at import; wrap them in a memoised getter/);
});
