// Real on real: any-llm 0.1.26 from npm (an LLM client by Foad Kesheh, nobody here) ships its
// TypeScript source, its jest tests (__tests__/test.ts, run through babel), its tsconfig with
// path aliases (`@models/*`, `@implementations/*`, resolved in dist by tsc-alias) and a
// .prettierrc and an .eslintrc.json (typescript-eslint's recommended rules, `no-var-requires`
// among them; its own source silences a rule with `// eslint-disable-next-line`). Its Client imports every provider client, and those import openai,
// @anthropic-ai/sdk, cohere-ai, @google/generative-ai, ai, axios and tiktoken at the top.
//
// Installed once by name, each dependency pinned to the floor of the range its package.json
// gives (newer cohere-ai and openai releases no longer match its source's types), then copied to
// a committed temp project: lazify apply, its own build (`tsc && tsc-alias`), its own tests with
// every test's outcome as before (its provider tests fail without API keys, before and after),
// the same export names, only src/ touched, prettier clean on the changed files, no new lint
// problem in them (its `lint` script's ESLint, run here on each file before and after), no new
// type error, and a second apply over what its prettier and ESLint made of the rewrite (split
// `let loadedX` / `const loadX` loaders, eslint-disable directives) has nothing to change.
// Patch size and require time are printed, never asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apply, type ApplyResult } from '../../src/index.js';
import { renderApplyReport } from '../../src/report/apply-report.js';
import { changedLines, committedCopy, installOnce, prettierClean, requireProbe, run, touchedFiles } from '../helpers/real-package.js';

const PACKAGE = 'any-llm@0.1.26';
const INSTALL = [
  PACKAGE,
  '@anthropic-ai/sdk@0.19.0',
  '@google/generative-ai@0.3.1',
  '@lenml/llama2-tokenizer@1.1.3',
  '@lenml/llama2-tokenizer-vocab-llama2@1.1.1',
  'ai@3.0.13',
  'axios@1.6.8',
  'cohere-ai@7.9.0',
  'dotenv@16.4.5',
  'openai@4.29.2',
  'tiktoken@1.0.13',
  // its build, test and format tools (devDependencies), at the same floors
  'typescript@5.4.3',
  'tsc-alias@1.8.8',
  'jest@29.7.0',
  '@babel/core@7.24.3',
  '@babel/preset-env@7.24.3',
  '@babel/preset-typescript@7.24.1',
  'babel-plugin-module-resolver@5.0.0',
  'prettier@3.2.5',
  'eslint@8.57.0',
  '@typescript-eslint/eslint-plugin@7.4.0',
  '@typescript-eslint/parser@7.4.0',
];

let modules: string;
let dir: string;
let cleanup: () => void;
/** Everything measured before apply, then apply's result. */
let original: { build: string; tests: Record<string, string>; probe: { names: string[]; ms: number }; cleanFiles: Set<string> };
let result: ApplyResult;

/** Its build script, `rm dist -rf && tsc && tsc-alias`, with its own tools; the output when it fails. */
function build(): string {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const tsc = run(process.execPath, [join(modules, 'typescript/bin/tsc')], dir);
  if (tsc.status !== 0) return `tsc: ${tsc.stdout}${tsc.stderr}`.trim();
  const alias = run(process.execPath, [join(modules, 'tsc-alias/dist/bin/index.js')], dir);
  return alias.status === 0 ? '' : `tsc-alias: ${alias.stdout}${alias.stderr}`.trim();
}

/** Each of its tests' full name and outcome, from jest's JSON report. */
function ownTests(): Record<string, string> {
  const out = join(dir, '..', 'jest-report.json');
  run(process.execPath, [join(modules, 'jest/bin/jest.js'), '--json', `--outputFile=${out}`], dir);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  rmSync(out);
  return Object.fromEntries(report.testResults.flatMap((f) => f.assertionResults.map((a) => [a.fullName, a.status])));
}

/** Its ESLint's problems in one file's text (its `lint` script's config), as `rule: message` sorted; one ESLint for every file. */
async function lintProblems(file: string, text: string): Promise<string[]> {
  const { ESLint } = createRequire(join(modules, 'eslint/package.json'))('eslint') as typeof import('eslint');
  linter ??= new ESLint({ cwd: dir });
  const [report] = await linter.lintText(text, { filePath: join(dir, file) });
  return report!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`).sort();
}
let linter: import('eslint').ESLint | undefined;

before(async () => {
  modules = installOnce('lazify-real-any-llm-0.1.26', INSTALL);
  ({ dir, cleanup } = committedCopy(modules, 'any-llm', 'dist'));
  const sources = run('git', ['ls-files', 'src'], dir).stdout.split('\n').filter((f) => f.endsWith('.ts'));
  original = { build: build(), tests: ownTests(), probe: requireProbe(join(dir, 'dist/index.js'), dir), cleanFiles: prettierClean(modules, dir, sources) };
  result = await apply(dir);
});
after(() => cleanup?.());

test(`${PACKAGE}: lazify changes only its source, adds no type error, and leaves prettier clean files clean`, () => {
  assert.equal(original.build, '', 'the published source builds with its own script');
  assert.ok(result.written && result.changes.length > 0, 'lazify changes something');
  assert.deepEqual(result.blocked, [], 'no operation adds a type error');
  const touched = touchedFiles(dir);
  assert.deepEqual(touched, result.changes.map((c) => c.path).sort(), 'git sees exactly the files apply reports');
  for (const file of touched) {
    assert.match(file, /^src\//, `${file} is outside its source`);
    assert.doesNotMatch(file, /__tests__|\.(test|spec)\./, `${file} is a test`);
  }
  const cleanAfter = prettierClean(modules, dir, touched);
  const isNew = (file: string) => run('git', ['cat-file', '-e', `HEAD:${file}`], dir).status !== 0;
  const shouldBeClean = touched.filter((file) => isNew(file) || original.cleanFiles.has(file));
  assert.ok(shouldBeClean.length > 0, 'some changed file was prettier clean before');
  assert.deepEqual(shouldBeClean.filter((file) => !cleanAfter.has(file)), [], 'every changed file that was prettier clean, and every new file, is clean');
});

test(`${PACKAGE}: its ESLint finds no new problem in the changed files; a generated require carries the project's disable form`, async () => {
  assert.ok(result.lint && !result.lint.failed, `apply linted the changed files: ${result.lint?.failed?.message ?? 'no lint step'}`);
  assert.deepEqual(result.lint.added, [], 'apply reports no added lint problem');
  let before = 0;
  let after = 0;
  for (const file of touchedFiles(dir)) {
    const original = run('git', ['show', `HEAD:${file}`], dir);
    const was = original.status === 0 ? await lintProblems(file, original.stdout) : [];
    const now = await lintProblems(file, readFileSync(join(dir, file), 'utf8'));
    before += was.length;
    after += now.length;
    // Each problem the file has now it had before (lines move, so by rule and message).
    const left = [...was];
    const added = now.filter((p) => (left.includes(p) ? (left.splice(left.indexOf(p), 1), false) : true));
    assert.deepEqual(added, [], `${file}: no new lint problem`);
  }
  // Every disable directive apply added names a rule that forbids require, with why: above a
  // loader's require, or once under the header of a manifest lazify wrote.
  const directives = result.diff.split('\n').filter((l) => l.startsWith('+') && l.includes('eslint-disable'));
  assert.ok(directives.length > 0, 'some generated require needed the project\'s disable form');
  for (const line of directives) {
    assert.match(
      line,
      /^\+\s*(\/\/ eslint-disable-next-line @typescript-eslint\/no-var-requires -- (lazify: )?loaded on first use( instead of at import\.)?|\/\* eslint-disable @typescript-eslint\/no-var-requires -- lazify: each loader requires its module on first use \*\/)$/,
    );
  }
  console.log(`${PACKAGE}: its ESLint on the ${touchedFiles(dir).length} changed file(s): ${before} problem(s) before, ${after} after; require lines allowed: ${result.lint.allowed.length}`);
});

test(`${PACKAGE}: its own build, its own tests and its export names are as before`, () => {
  assert.equal(build(), '', 'its own build (tsc, then tsc-alias): no type error after apply');
  const tests = ownTests();
  assert.ok(Object.keys(original.tests).length > 40, 'its test suite ran');
  assert.deepEqual(tests, original.tests, 'its own tests: every test has the outcome it had');
  const probe = requireProbe(join(dir, 'dist/index.js'), dir);
  assert.deepEqual(probe.names, original.probe.names, 'dist/index.js exports the same names');
  const count = (status: string) => Object.values(tests).filter((s) => s === status).length;
  console.log(
    `${PACKAGE}: ${result.changes.length} file(s), ${changedLines(result.diff)} line(s) changed; own tests ` +
      `${count('passed')} passed / ${count('failed')} failed / ${count('pending')} skipped of ${Object.keys(tests).length}, before and after;` +
      ` require of dist/index.js ${original.probe.ms.toFixed(0)} ms -> ${probe.ms.toFixed(0)} ms (median of 3 fresh node processes)`,
  );
});

test(`${PACKAGE}: a second apply over the rewritten, formatted and linted source has nothing to change`, async () => {
  const started = performance.now();
  const again = await apply(dir, { dryRun: true });
  assert.deepEqual(again.changes.map((c) => c.path), [], again.diff);
  assert.match(renderApplyReport(again).output, /^Nothing to change/);
  console.log(`${PACKAGE}: second apply (dry run) ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
