// Real on real: litellm 0.12.0 from npm (the JavaScript port of LiteLLM, by zya, nobody here)
// ships its TypeScript source, its jest tests (ts-jest), its tsconfig and a .prettierrc. It is the
// pattern lazify exists for: `MODEL_HANDLER_MAPPINGS` maps model prefixes to handlers imported
// from every provider module (openai, @anthropic-ai/sdk, cohere-ai, replicate at their top), and
// `utils/encoders.ts` builds a tiktoken encoder at import.
//
// Its tsconfig names no `types` and it builds with TypeScript 5, which then includes every
// visible @types package: the `require` loaders lazify writes have Node's types. Type-checked
// with lazify's own TypeScript 6 (whose `types` default is `[]`), every operation was left out
// with TS2591 and apply changed nothing; the check now runs with the project's own compiler.
//
// Installed once, each dependency pinned to the floor of its range (newer openai releases no
// longer match its source's types), then copied to a committed temp project: lazify apply, its
// own build (`tsc`), its own tests (`jest --group=-e2e`) with every outcome as before, the same
// export names, the same results from calls that fail without keys or a server (each provider
// loaded on first use), only src/ touched, prettier clean, and a second apply has nothing to
// change. Require time is printed, never asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { apply, type ApplyResult } from '../../src/index.js';
import { changedLines, committedCopy, installOnce, prettierClean, requireProbe, run, touchedFiles } from '../helpers/real-package.js';

const PACKAGE = 'litellm@0.12.0';
const INSTALL = [
  PACKAGE,
  '@anthropic-ai/sdk@0.6.2',
  'cohere-ai@6.2.2',
  'eventsource@2.0.2',
  'js-tiktoken@1.0.7',
  'openai@4.11.1',
  'replicate@0.20.1',
  // its build, test and format tools (devDependencies), at the same floors
  'typescript@5.2.2',
  'jest@29.7.0',
  'ts-jest@29.1.1',
  'jest-runner-groups@2.2.0',
  // jest-runner-groups takes any jest-runner (>= 24): the newest does not run under jest 29
  'jest-runner@29.7.0',
  '@types/jest@29.5.5',
  '@types/eventsource@1.1.14',
  'chai@4.3.10',
  'dotenv@16.3.1',
  'prettier@3.0.3',
  // jest brings @types/node in at whatever version is newest; pinned so the tree stays the same
  '@types/node@20.10.0',
];

/**
 * Calls through its public API that end without network or keys: an unknown model, and one
 * model per provider against a closed local port. Prints one line per call (outcome, error
 * class, message), which must be the same before and after.
 */
const CALLS = `
const m = require('./dist/src/index.js');
const { MODEL_HANDLER_MAPPINGS } = require('./dist/src/completion.js');
const { countTokens, toUsage } = require('./dist/src/utils/toUsage.js');
const messages = [{ role: 'user', content: 'hi' }];
const closed = 'http://127.0.0.1:9';
const calls = {
  unknown: () => m.completion({ model: 'nope', messages }),
  gpt: () => m.completion({ model: 'gpt-3.5-turbo', messages, apiKey: 'x', baseUrl: closed + '/v1' }),
  claude: () => m.completion({ model: 'claude-2', messages, apiKey: 'x', baseUrl: closed }),
  ollama: () => m.completion({ model: 'ollama/llama2', messages, baseUrl: closed }),
  embeddingUnknown: () => m.embedding({ model: 'nope', input: 'hi' }),
  embeddingOllama: () => m.embedding({ model: 'ollama/llama2', input: 'hi', baseUrl: closed }),
  embeddingOpenai: () => m.embedding({ model: 'text-embedding-ada-002', input: 'hi', apiKey: 'x', baseUrl: closed + '/v1' }),
};
(async () => {
  console.log('keys', Object.keys(MODEL_HANDLER_MAPPINGS).join(','));
  console.log('tokens', countTokens('hello world, how are you?'), JSON.stringify(toUsage('abc def', 'ghi')));
  for (const [name, call] of Object.entries(calls)) {
    try {
      console.log(name, 'resolved', JSON.stringify(await call()));
    } catch (error) {
      console.log(name, 'rejected', error?.constructor?.name, String(error?.message));
    }
  }
})();
`;

let modules: string;
let dir: string;
let cleanup: () => void;
/** Everything measured before apply, then apply's result. */
let original: { build: string; tests: string[]; calls: string; probe: { names: string[]; ms: number }; cleanFiles: Set<string> };
let result: ApplyResult;

/** Its build script (`tsc`, with its own TypeScript); the output when it fails. */
function build(): string {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const tsc = run(process.execPath, [join(modules, 'typescript/bin/tsc')], dir);
  return tsc.status === 0 ? '' : `tsc: ${tsc.stdout}${tsc.stderr}`.trim();
}

/**
 * Each of its tests' full name and outcome in order, from jest's JSON report (its `test` script:
 * the e2e group left out). A list, not a map: its `it.each` cases share one name.
 */
function ownTests(): string[] {
  const out = join(dir, '..', 'jest-report.json');
  run(process.execPath, [join(modules, 'jest/bin/jest.js'), '--group=-e2e', '--json', `--outputFile=${out}`], dir);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] };
  rmSync(out);
  return report.testResults
    .sort((x, y) => (x.name < y.name ? -1 : 1))
    .flatMap((f) => f.assertionResults.map((a) => `${a.fullName}: ${a.status}`));
}

function calls(): string {
  const r = run(process.execPath, ['-e', CALLS], dir);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

before(async () => {
  modules = installOnce('lazify-real-litellm-0.12.0', INSTALL);
  ({ dir, cleanup } = committedCopy(modules, 'litellm', 'dist'));
  const sources = run('git', ['ls-files', 'src'], dir).stdout.split('\n').filter((f) => f.endsWith('.ts'));
  const built = build();
  original = { build: built, tests: ownTests(), calls: calls(), probe: requireProbe(join(dir, 'dist/src/index.js'), dir), cleanFiles: prettierClean(modules, dir, sources) };
  result = await apply(dir);
});
after(() => cleanup?.());

test(`${PACKAGE}: the registry, the encoder and the SDK imports are rewritten, with no type error under its own TypeScript 5`, () => {
  assert.equal(original.build, '', 'the published source builds with its own tsc');
  assert.deepEqual(result.blocked, [], 'no operation adds a type error');
  assert.ok(result.written, 'apply wrote its change');
  const touched = touchedFiles(dir);
  assert.deepEqual(touched, result.changes.map((c) => c.path).sort(), 'git sees exactly the files apply reports');
  for (const file of ['src/completion.ts', 'src/completion.manifest.ts', 'src/utils/encoders.ts', 'src/handlers/openai.ts', 'src/handlers/anthropic.ts']) {
    assert.ok(touched.includes(file), `${file} is rewritten`);
  }
  for (const file of touched) assert.match(file, /^src\//, `${file} is outside its source`);
  const isNew = (file: string) => run('git', ['cat-file', '-e', `HEAD:${file}`], dir).status !== 0;
  const cleanAfter = prettierClean(modules, dir, touched);
  assert.deepEqual(touched.filter((file) => (isNew(file) || original.cleanFiles.has(file)) && !cleanAfter.has(file)), [], 'every changed file that was prettier clean, and every new file, is clean');
});

test(`${PACKAGE}: its own build, its own tests, its export names and the results of its calls are as before`, () => {
  assert.ok(result.changes.length > 0, 'apply changed its source');
  assert.equal(build(), '', 'its own build (tsc): no type error after apply');
  const tests = ownTests();
  assert.equal(original.tests.length, 19, 'its test suite ran');
  assert.deepEqual(tests, original.tests, 'its own tests: every test has the outcome it had');
  assert.match(original.calls, /^unknown rejected Error Model: nope not supported/m);
  assert.equal(calls(), original.calls, 'the same results from its public API');
  const probe = requireProbe(join(dir, 'dist/src/index.js'), dir);
  assert.deepEqual(probe.names, original.probe.names, 'dist/src/index.js exports the same names');
  const passed = tests.filter((t) => t.endsWith(': passed')).length;
  console.log(
    `${PACKAGE}: ${result.changes.length} file(s), ${changedLines(result.diff)} line(s) changed; own tests ${passed} passed of ${tests.length}, ` +
      `before and after; require of dist/src/index.js ${original.probe.ms.toFixed(0)} ms -> ${probe.ms.toFixed(0)} ms (median of 3 fresh node processes)`,
  );
});

test(`${PACKAGE}: a second apply over the rewritten and formatted source has nothing to change`, async () => {
  const again = await apply(dir, { dryRun: true });
  assert.deepEqual(again.changes.map((c) => c.path), [], again.diff);
});
