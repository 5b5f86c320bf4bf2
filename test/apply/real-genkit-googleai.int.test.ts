// Real on real: @genkit-ai/googleai 1.28.0 from npm (Google's Gemini plugin for the Genkit
// plugin host, nobody here) ships its TypeScript source and its node:test tests (tests/*_test.ts,
// run through tsx), but not the monorepo's tsconfig nor its tsup config. Its modules build zod
// schemas from genkit's `z` at import and hand them to top-level `modelRef` / `embedderRef` calls;
// gemini.ts, embedder.ts and context-caching/index.ts import @google/generative-ai for values.
//
// Installed once by name with the versions its ranges resolved to when this test was written,
// copied to a committed temp project with a tsconfig written here (the monorepo's is not in the
// tarball: NodeNext, as its package is `"type": "commonjs"` with `.js` specifiers; strict without
// noImplicitAny, which its source needs), then lazify apply.
//
// The truth there is that no rewrite frees anything a maintainer would merge, and apply says so
// and writes nothing. lib/index.js uses every part of gemini.ts, so splitting it (1,600 lines
// moved) frees nothing. Its package.json publishes an ES module build of the same sources
// (exports `import`: ./lib/index.mjs, built by tsup) where `require` is not defined: a CommonJS
// loader would throw "Dynamic require of ... is not supported" there on first use, so a
// deferral must use `import()`, and gemini.ts uses @google/generative-ai's enums in synchronous
// functions, which keeps it loaded at import. Its own tests, its export names and what loads at
// import are checked as before; the figures are printed, never asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { apply, type ApplyResult } from '../../src/index.js';
import { changedLines, committedCopy, installOnce, requireProbe, run, touchedFiles } from '../helpers/real-package.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const PACKAGE = '@genkit-ai/googleai@1.28.0';
const INSTALL = [
  PACKAGE,
  'genkit@1.28.0',
  '@google/generative-ai@0.24.1',
  'google-auth-library@9.15.1',
  'node-fetch@3.3.2',
  // its type check and test tools (devDependencies)
  '@types/node@20.19.43',
  'typescript@4.9.5',
  'tsx@4.23.15',
];
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noImplicitAny: false,
    esModuleInterop: true,
    skipLibCheck: true,
    declaration: true,
    sourceMap: true,
    rootDir: 'src',
    outDir: 'lib',
  },
  include: ['src'],
};

let modules: string;
let dir: string;
let cleanup: () => void;
let original: { build: string; tests: Record<string, string>; probe: { names: string[]; ms: number }; sdk: string[] };
let result: ApplyResult;

/** `tsc` with its tsconfig, emitting lib/; its output when it reports anything. */
function build(): string {
  rmSync(join(dir, 'lib'), { recursive: true, force: true });
  const r = run(process.execPath, [join(modules, 'typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
  return `${r.stdout}${r.stderr}`.trim();
}

/** The files of @google/generative-ai that requiring lib/index.js loads. */
function sdkLoaded(): string[] {
  const script = `require(${JSON.stringify(join(dir, 'lib/index.js'))}); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('@google/generative-ai')).map((f) => f.slice(f.indexOf('@google/generative-ai'))).sort()));`;
  const r = run(process.execPath, ['-e', script], dir);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as string[];
}

/** Its `test` script's files (`tests/*_test.ts`, `tests/**\/*_test.ts`) under node:test through tsx: each test's outcome by its TAP path. */
function ownTests(): Record<string, string> {
  const files = readdirSync(join(dir, 'tests'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('_test.ts')).map((f) => join('tests', f)).sort();
  const r = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], dir);
  const outcomes: Record<string, string> = {};
  const path: string[] = [];
  // TAP names a subtest (`# Subtest: name`) before its children and reports it (`ok N - name`) after them.
  for (const line of r.stdout.split('\n')) {
    const subtest = /^( *)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      const depth = subtest[1]!.length / 4;
      path.length = depth;
      path[depth] = subtest[2]!;
      continue;
    }
    const m = /^( *)(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    outcomes[[...path.slice(0, depth), m[3]!].join(' > ')] = m[4] ? m[4].toLowerCase() : m[2] === 'ok' ? 'passed' : 'failed';
  }
  return outcomes;
}

before(async () => {
  modules = installOnce('lazify-real-genkit-googleai-1.28.0', INSTALL);
  ({ dir, cleanup } = committedCopy(modules, '@genkit-ai/googleai', 'lib', { 'tsconfig.json': `${JSON.stringify(TSCONFIG, null, 2)}\n` }));
  original = { build: build(), tests: ownTests(), probe: requireProbe(join(dir, 'lib/index.js'), dir), sdk: sdkLoaded() };
  result = await apply(dir);
});
after(() => cleanup?.());

test(`${PACKAGE}: lazify plans nothing that frees nothing or breaks its ES module build, says why, and writes nothing`, () => {
  assert.equal(original.build, '', 'the published source type-checks and builds');
  assert.deepEqual(result.plan.operations.map((op) => op.id), []);
  assert.deepEqual(result.changes, []);
  assert.deepEqual(touchedFiles(dir), [], 'git sees no file changed');
  const lines = skippedLines(result.skipped);
  const skipped = (pattern: RegExp) => assert.ok(lines.some((s) => pattern.test(s)), `${pattern}: ${lines.join('\n')}`);
  skipped(/^nothing-saved god-module:src\/gemini\.ts: splitting src\/gemini\.ts frees nothing at import \(src\/index\.ts uses every part of it/);
  skipped(/^nothing-saved heavy-import:src\/embedder\.ts:@google\/generative-ai: @google\/generative-ai stays loaded at import: src\/gemini\.ts:\d+ keeps it .*synchronous function.*import\(\)/);
  assert.deepEqual(original.sdk, ['@google/generative-ai/dist/index.js', '@google/generative-ai/dist/server/index.js'], 'the SDK loads at import');
});

test(`${PACKAGE}: its own tests and its export names are as before`, () => {
  const tests = ownTests();
  assert.ok(Object.keys(original.tests).length > 50, 'its test suites ran');
  assert.deepEqual(tests, original.tests, 'its own tests: every test has the outcome it had');
  const probe = requireProbe(join(dir, 'lib/index.js'), dir);
  assert.deepEqual(probe.names, original.probe.names, 'lib/index.js exports the same names');
  assert.deepEqual(sdkLoaded(), original.sdk, 'the same SDK files load at import');
  const count = (status: string) => Object.values(tests).filter((s) => s === status).length;
  console.log(
    `${PACKAGE}: ${result.changes.length} file(s), ${changedLines(result.diff)} line(s) changed; own tests ` +
      `${count('passed')} passed / ${count('failed')} failed / ${count('skip')} skipped of ${Object.keys(tests).length}, before and after;` +
      ` require of lib/index.js ${original.probe.ms.toFixed(0)} ms -> ${probe.ms.toFixed(0)} ms (median of 3 fresh node processes)`,
  );
});
