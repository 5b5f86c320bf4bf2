// Gateway shapes lazify used to miss (fixtures/edge/gateway-shapes): a factory whose `switch
// (provider)` picks provider classes that extend SDK clients, registries keyed by enum and
// `as const` members, and a side-effect subpath import above the package's own import. Each
// is found, planned and converted, and the package behaves the same (its own tests, its export
// names) while loading none of those SDKs at require. The classes that extend an SDK are
// reported with the reason they stay eager in their own module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, plan } from '../../src/index.js';
import { analyze } from '../../src/api/analyze.js';
import { copyFixture } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const FIXTURE = 'edge/gateway-shapes';

function run(command: string, args: string[], cwd: string): { status: number | null; output: string; stdout: string } {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.slice(-4000), stdout: result.stdout };
}

/** Builds and runs the fixture's own tests in `dir`; fails the test when either fails. */
function buildAndTest(dir: string): void {
  const build = run('npx', ['tsc', '-p', '.'], dir);
  assert.equal(build.status, 0, build.output);
  const tests = run(process.execPath, ['--test', 'test/'], dir);
  assert.equal(tests.status, 0, tests.output);
  assert.match(tests.stdout, /^# pass [1-9]/m);
}

/** Export names and the package files `require('.')` loads, from a child process. */
function loadState(dir: string): { exports: string[]; packageFiles: string[] } {
  const script = `const before = new Set(Object.keys(require.cache)); const m = require('./dist/index.js');
const files = Object.keys(require.cache).filter((f) => !before.has(f) && f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop());
process.stdout.write(JSON.stringify({ exports: Object.keys(m).sort(), packageFiles: files.sort() }));`;
  const result = run(process.execPath, ['-e', script], dir);
  assert.equal(result.status, 0, result.output);
  return JSON.parse(result.stdout) as { exports: string[]; packageFiles: string[] };
}

const packagesOf = (files: string[]) => [...new Set(files.map((f) => (f.startsWith('@') ? f.split('/').slice(0, 2) : f.split('/').slice(0, 1)).join('/')))].sort();

test('gateway-shapes: the switch factory, enum-keyed registries and the subpath side-effect import are found, converted, and behave the same', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyFixture(FIXTURE);
  try {
    buildAndTest(dir);
    const before = loadState(dir);
    const sdks = ['@anthropic-ai/sdk', '@google/generative-ai', 'cohere-ai', 'groq-sdk', 'ollama', 'openai', 'replicate'];
    assert.deepEqual(sdks.filter((sdk) => !packagesOf(before.packageFiles).includes(sdk)), [], 'every SDK loads at require before the rewrite');

    const findings = analyze(dir).findings;
    const byId = new Map(findings.map((f) => [f.id, f]));
    const factory = byId.get('heavy-import:src/factory.ts:createProvider');
    assert.ok(factory, `no factory finding in ${[...byId.keys()].join(', ')}`);
    assert.deepEqual(factory.bindings, ['OpenAIProvider', 'AnthropicProvider']);
    assert.match(factory.message, /^createProvider picks one of 2 providers by `switch \(provider\)` \(line 10\), but imports them all at the top: src\/providers\/openai\.ts \(.+\), src\/providers\/anthropic\.ts \(.+\) load at import/);
    assert.ok(factory.cost.exclusiveModules >= 4, 'the two provider modules and their SDKs');
    for (const [name, keys] of [['src/models.ts:PROVIDER_CLASSES', ['cohere', 'gemini']], ['src/embedders.ts:EMBEDDERS', ['ollama-embed', 'replicate-embed']]] as const) {
      const registry = byId.get(`registry:${name}`);
      assert.ok(registry, name);
      assert.deepEqual(registry.entries!.map((e) => e.key), keys);
      assert.deepEqual(registry.blockers, []);
    }
    const speech = byId.get('heavy-import:src/speech.ts:groq-sdk');
    assert.ok(speech, 'the side-effect import of groq-sdk/version does not hide groq-sdk');
    assert.match(speech.message, /The side-effect import of groq-sdk\/version \(src\/speech\.ts:1\) stays: it loads only that subpath\./);
    const openaiBase = byId.get('heavy-import:src/providers/openai.ts:OpenAIProvider');
    assert.ok(openaiBase, 'a class extending the SDK client is reported');
    assert.equal(openaiBase.convertible, false);
    assert.match(openaiBase.message, /`class OpenAIProvider extends OpenAI` \(line 3\) needs openai when the class is defined: .*its importers \(src\/factory\.ts:1\) must load src\/providers\/openai\.ts lazily/);

    const planned = await plan(dir);
    assert.deepEqual(
      planned.plan.operations.map((o) => `${o.transform} ${o.files.join(',')}`).sort(),
      ['defer-heavy-import src/factory.ts', 'defer-heavy-import src/speech.ts', 'registry-to-manifest src/embedders.ts', 'registry-to-manifest src/models.ts'],
    );
    const skipped = skippedLines(planned.skipped).join('\n');
    assert.match(skipped, /stays-eager heavy-import:src\/providers\/openai\.ts:OpenAIProvider: src\/providers\/openai\.ts keeps openai at import: `class OpenAIProvider extends OpenAI` \(line 3\) needs openai when the class is defined/);

    await apply(dir, { force: true });
    const factorySource = readFileSync(join(dir, 'src/factory.ts'), 'utf8');
    assert.match(factorySource, /case 'openai':\n\s+return new \(loadOpenai\(\)\.OpenAIProvider\)\(options\);/, 'the load sits in its branch');
    // The enum's members became the literal keys: models.ts no longer needs provider-names.ts.
    assert.doesNotMatch(readFileSync(join(dir, 'src/models.ts'), 'utf8'), /provider-names/);
    buildAndTest(dir);
    const after = loadState(dir);
    assert.deepEqual(after.exports, before.exports);
    assert.deepEqual(after.packageFiles, ['groq-sdk/version.js'], 'only the side-effect subpath still loads at require');
    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), [], 'a second apply changes nothing');
  } finally {
    cleanup();
  }
});

test('native ESM: a synchronous factory keeps its providers, with the reason; an async one converts', { timeout: 120_000 }, async () => {
  const provider = (name: string) => `export class ${name} { readonly name = '${name}'; }\n`;
  const factory = (async: boolean) => `import { OpenAIProvider } from './openai.js';
import { AnthropicProvider } from './anthropic.js';

export ${async ? 'async ' : ''}function createProvider(provider: string) {
  switch (provider) {
    case 'openai':
      return new OpenAIProvider();
    case 'anthropic':
      return new AnthropicProvider();
    default:
      throw new Error(\`Unknown provider: \${provider}\`);
  }
}
`;
  for (const async of [false, true]) {
    const { dir, cleanup } = writeTempProject({
      'package.json': JSON.stringify({ name: 'esm-factory', type: 'module', main: 'dist/index.js' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', rootDir: 'src', outDir: 'dist', strict: true } }),
      'src/index.ts': `export { createProvider } from './factory.js';\n`,
      'src/factory.ts': factory(async),
      'src/openai.ts': provider('OpenAIProvider'),
      'src/anthropic.ts': provider('AnthropicProvider'),
    });
    try {
      const planned = await plan(dir);
      const operations = planned.plan.operations.filter((o) => o.id === 'heavy-import:src/factory.ts:createProvider');
      if (async) {
        assert.equal(operations.length, 1);
        assert.deepEqual(operations[0]!.options, { bindings: ['OpenAIProvider', 'AnthropicProvider'], moduleFormat: 'esm' });
      } else {
        assert.equal(operations.length, 0);
        assert.match(
          skippedLines(planned.skipped).join('\n'),
          /not-deferrable heavy-import:src\/factory\.ts:createProvider: src\/factory\.ts: OpenAIProvider stays a top-level import: OpenAIProvider is used in a synchronous function \(line 7\); it would have to become async to use import\(\), which would change createProvider's API for its callers \(they would have to await it\)/,
        );
      }
    } finally {
      cleanup();
    }
  }
});

test('a method that throws error classes by `if (reason === ...)` picks no provider (the shape of cohere-ai@8.1.0); a factory whose providers the entry imports anyway claims nothing, and the plan leaves it', { timeout: 120_000 }, async () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'generated-client', main: 'index.js' }),
    'index.js': `"use strict";\nexports.api = require("./api");\nexports.errors = require("./errors");\nexports.BatchesClient = require("./client").BatchesClient;\n`,
    'api.js': `"use strict";\nclass BadRequestError extends Error {}\nclass ApiClient {}\nexports.BadRequestError = BadRequestError;\nexports.ApiClient = ApiClient;\n`,
    'errors.js': `"use strict";\nclass ClientError extends Error {}\nclass ErrorsClient {}\nexports.ClientError = ClientError;\nexports.ErrorsClient = ErrorsClient;\n`,
    'client.js': `"use strict";
const Api = require("./api");
const errors = require("./errors");
class BatchesClient {
  list(response) {
    if (response.error.reason === "status-code") {
      throw new Api.BadRequestError(response.error.body);
    } else {
      throw new errors.ClientError(response.error.body);
    }
  }
  client(kind) {
    if (kind === "api") {
      return new Api.ApiClient();
    } else {
      return new errors.ErrorsClient();
    }
  }
}
exports.BatchesClient = BatchesClient;
`,
  });
  try {
    const report = await analyze(dir, { cacheDir: false });
    const factories = report.findings.filter((f) => f.kind === 'heavy-import' && f.file === 'client.js');
    assert.deepEqual(factories.map((f) => f.id), ['heavy-import:client.js:BatchesClient.client'], 'the method that only throws picks nothing');
    const finding = factories[0]!;
    assert.deepEqual(finding.cost, { exclusiveBytes: 0, exclusiveModules: 0 });
    assert.equal(finding.severity, 'low');
    assert.equal(finding.notFreed, 'other modules import them at the top too (api.js by index.js:2, errors.js by index.js:3)');
    assert.match(finding.message, /loading each inside the branch that picks it saves nothing, as other modules import them at the top too \(api\.js by index\.js:2, errors\.js by index\.js:3\)\.$/);
    const planned = await plan(dir, { cacheDir: false });
    assert.deepEqual(planned.plan.operations.filter((o) => o.transform === 'defer-heavy-import').map((o) => o.id), []);
    assert.match(skippedLines(planned.skipped).join('\n'), /nothing-saved heavy-import:client\.js:BatchesClient\.client: loading BatchesClient\.client's providers in their branches would save nothing: other modules import them at the top too \(api\.js by index\.js:2, errors\.js by index\.js:3\)/);
  } finally {
    cleanup();
  }
});

test('two factories over the same providers (a chat and an embeddings factory) are planned together: after apply, requiring the gateway loads neither provider and its tests pass', { timeout: 120_000 }, async () => {
  const provider = (name: string, label: string) => `'use strict';\nclass ${name} {\n  constructor(options) { this.name = '${label}'; this.options = options; }\n}\nmodule.exports = { ${name} };\n`;
  const factory = (fn: string) => `'use strict';
const { OpenAIProvider } = require('./providers/openai');
const { AnthropicProvider } = require('./providers/anthropic');

function ${fn}(provider, options) {
  switch (provider) {
    case 'openai':
      return new OpenAIProvider(options);
    case 'anthropic':
      return new AnthropicProvider(options);
    default:
      throw new Error('unknown provider ' + provider);
  }
}

module.exports = { ${fn} };
`;
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'pair-gateway', version: '1.0.0', main: 'index.js' }),
    'index.js': `'use strict';\nconst { chatModel } = require('./lib/chat');\nconst { embedder } = require('./lib/embed');\nmodule.exports = { chatModel, embedder };\n`,
    'lib/chat.js': factory('chatModel'),
    'lib/embed.js': factory('embedder'),
    'lib/providers/openai.js': provider('OpenAIProvider', 'openai'),
    'lib/providers/anthropic.js': provider('AnthropicProvider', 'anthropic'),
    'test/gateway.test.js': `'use strict';\nconst { test } = require('node:test');\nconst assert = require('node:assert');\nconst { chatModel, embedder } = require('..');\ntest('each factory builds the provider asked for', () => {\n  assert.equal(chatModel('openai', { a: 1 }).options.a, 1);\n  assert.equal(embedder('anthropic').name, 'anthropic');\n  assert.throws(() => chatModel('nope'), /unknown provider nope/);\n});\n`,
  });
  const loaded = () => {
    const script = `const before = new Set(Object.keys(require.cache)); const m = require('./index.js');
process.stdout.write(JSON.stringify({ exports: Object.keys(m).sort(), files: Object.keys(require.cache).filter((f) => !before.has(f)).map((f) => f.slice(process.cwd().length + 1)).sort() }));`;
    const result = run(process.execPath, ['-e', script], dir);
    assert.equal(result.status, 0, result.output);
    return JSON.parse(result.stdout) as { exports: string[]; files: string[] };
  };
  const ownTests = () => {
    const result = run(process.execPath, ['--test', 'test/'], dir);
    assert.equal(result.status, 0, result.output);
    assert.match(result.stdout, /^# pass 1$/m);
  };
  try {
    ownTests();
    const before = loaded();
    assert.deepEqual(before.files, ['index.js', 'lib/chat.js', 'lib/embed.js', 'lib/providers/anthropic.js', 'lib/providers/openai.js']);
    const findings = (await analyze(dir, { cacheDir: false })).findings.filter((f) => f.kind === 'heavy-import');
    assert.deepEqual(findings.map((f) => [f.id, f.cost.exclusiveModules, f.notFreed]), [
      ['heavy-import:lib/chat.js:chatModel', 2, undefined],
      ['heavy-import:lib/embed.js:embedder', 2, undefined],
    ]);
    assert.match(findings[0]!.message, /; embedder in lib\/embed\.js:5 picks among them too, so only loading each inside the branch that picks it in all of them saves anything/);
    assert.deepEqual(findings.map((f) => f.together), [['heavy-import:lib/embed.js:embedder'], ['heavy-import:lib/chat.js:chatModel']]);
    const planned = await plan(dir, { cacheDir: false });
    assert.deepEqual(planned.plan.operations.map((o) => `${o.transform} ${o.files.join(',')}`), ['defer-heavy-import lib/chat.js', 'defer-heavy-import lib/embed.js']);
    assert.deepEqual(planned.plan.operations.map((o) => o.together), [['heavy-import:lib/embed.js:embedder'], ['heavy-import:lib/chat.js:chatModel']]);
    // The plan edited down to one of them: apply leaves it out too.
    const edited = await apply(dir, { cacheDir: false, dryRun: true, plan: { ...planned.plan, operations: planned.plan.operations.slice(0, 1) } });
    assert.deepEqual(edited.changes, []);
    assert.deepEqual(edited.skipped.map((d) => [d.code, d.operation]), [['nothing-saved', 'heavy-import:lib/chat.js:chatModel']]);
    // With one partner excluded, the other's rewrite would save nothing: neither is planned.
    const half = await plan(dir, { cacheDir: false, exclude: ['lib/embed.js'] });
    assert.deepEqual(half.plan.operations, []);
    assert.deepEqual(half.skipped.filter((d) => d.finding?.startsWith('heavy-import:')).map((d) => [d.code, d.finding]), [
      ['excluded', 'heavy-import:lib/embed.js:embedder'],
      ['nothing-saved', 'heavy-import:lib/chat.js:chatModel'],
    ]);
    await apply(dir, { cacheDir: false });
    assert.match(readFileSync(join(dir, 'lib/embed.js'), 'utf8'), /case 'anthropic':\n\s+return new \(loadAnthropic\(\)\.AnthropicProvider\)\(options\);/);
    ownTests();
    const after = loaded();
    assert.deepEqual(after.exports, before.exports);
    assert.deepEqual(after.files, ['index.js', 'lib/chat.js', 'lib/embed.js'], 'neither provider loads at require');
  } finally {
    cleanup();
  }
});
