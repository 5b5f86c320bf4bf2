import assert from 'node:assert/strict';
import test from 'node:test';
import type { ApplyResult } from '../../src/pipeline/results.js';
import { applyDiagnostics, renderApplyReport, toApplyJson } from '../../src/report/apply-report.js';
import { renderPullRequestBody } from '../../src/report/pull-request-body.js';

/** A verified apply of two operations, built by hand: the reporter is tested on its own. */
function verifiedApply(): ApplyResult {
  const step = (command: string) => ({ ran: true, ok: true, command, output: '' });
  return {
    root: '/project',
    plan: {
      schemaVersion: 1,
      root: '/project',
      operations: [
        { id: 'registry:src/registry.ts:PROVIDERS', transform: 'registry-to-manifest', summary: '', files: ['src/registry.ts'], options: {} },
        { id: 'heavy-import:src/openai.ts:openai', transform: 'defer-heavy-import', summary: '', files: ['src/openai.ts'], options: {} },
      ],
    },
    skipped: [{ code: 'no-planner', severity: 'info', message: 'no operation breaks cycles', file: 'src/a.ts', finding: 'cycle:src/a.ts' }],
    operations: [
      { id: 'registry:src/registry.ts:PROVIDERS', changed: ['src/registry.manifest.ts', 'src/registry.ts'], reports: [], lines: [{ path: 'src/registry.manifest.ts', added: 20, removed: 0 }, { path: 'src/registry.ts', added: 3, removed: 12 }] },
      { id: 'heavy-import:src/openai.ts:openai', changed: ['src/openai.ts'], reports: [], lines: [{ path: 'src/openai.ts', added: 4, removed: 1 }] },
    ],
    changes: [
      { path: 'src/openai.ts', before: 'a', after: 'b' },
      { path: 'src/registry.manifest.ts', before: undefined, after: 'b' },
      { path: 'src/registry.ts', before: 'a', after: 'b' },
    ],
    diff: '',
    written: true,
    verification: { build: step('npm run build'), tests: step('npm test'), exports: { before: ['a', 'b'], after: ['a', 'b'], missing: [], added: [] }, ok: true },
    importTime: {
      before: { entry: 'dist/index.js', totalMs: 400, totalIqrMs: 5, moduleCount: 120, runs: 3 },
      after: { entry: 'dist/index.js', totalMs: 80, totalIqrMs: 2, moduleCount: 20, runs: 3 },
    },
    blocked: [],
    typeErrors: [],
  };
}

test('PR body: import before/after with modules and ms, what changed per operation, the checks', () => {
  const body = renderPullRequestBody(verifiedApply());
  assert.match(body, /^## Load dependencies lazily \(lazify\)\n\nThis rewrites 3 file\(s\) in 2 operation\(s\)/);
  assert.match(body, /\| Importing `dist\/index\.js` \| Before \| After \| Change \|\n\| --- \| ---: \| ---: \| ---: \|\n\| Time \(median of 3 runs\) \| 400\.0 ms \| 80\.0 ms \| −320\.0 ms \(5\.0x faster\) \|\n\| Modules loaded \| 120 \| 20 \| −100 \|/);
  assert.match(body, /\| `registry:src\/registry\.ts:PROVIDERS` \| registry-to-manifest \| `src\/registry\.manifest\.ts` \(new\), `src\/registry\.ts` \| \+23 −12 \|/);
  assert.match(body, /\| `heavy-import:src\/openai\.ts:openai` \| defer-heavy-import \| `src\/openai\.ts` \| \+4 −1 \|/);
  assert.match(body, /\| `src\/registry\.ts` \| `registry:src\/registry\.ts:PROVIDERS` \| \+3 \| −12 \|/);
  assert.match(body, /- ✅ build: `npm run build` passed\n- ✅ tests: `npm test` passed\n- ✅ exports: the same 2 names as before/);
  assert.match(body, /<details><summary>Not applied \(1\)<\/summary>\n\n- cycle:src\/a\.ts: no operation breaks cycles/);
});

test('PR body: a failed test run is marked, its output folded; a failed measurement says why', () => {
  const result = verifiedApply();
  result.verification!.tests = { ran: true, ok: false, command: 'npm test', output: 'not ok 1 - loads openai' };
  result.verification!.ok = false;
  result.restored = true;
  result.importTime = { before: { failed: 'src/index.ts threw at import: boom' } };
  const body = renderPullRequestBody(result);
  assert.match(body, /- ❌ tests: `npm test` \*\*failed\*\*\n\n {2}<details><summary>output<\/summary>\n\n {2}```\n {2}not ok 1 - loads openai\n {2}```/);
  assert.match(body, /\*\*Verification failed: every file was put back as it was\.\*\*/);
  assert.match(body, /- before: not measured \(src\/index\.ts threw at import: boom\)\n- after: not measured \(the build failed\)/);
  assert.deepEqual(applyDiagnostics(result).map((d) => [d.severity, d.code, d.message]), [['error', 'verification-failed', 'verification failed: tests; every file was put back']]);
});

test('apply text ends with the PR body after --verify; markdown is the body; json is versioned', () => {
  const result = verifiedApply();
  const text = renderApplyReport(result).output;
  assert.ok(text.endsWith(renderPullRequestBody(result).trimEnd() + '\n'));
  assert.equal(renderApplyReport(result, { format: 'markdown' }).output, renderPullRequestBody(result));
  const json = JSON.parse(renderApplyReport(result, { format: 'json' }).output);
  assert.equal(json.schemaVersion, 2);
  assert.deepEqual(json.skipped, result.skipped, 'skipped as diagnostics');
  assert.deepEqual(json.operations[0].lines, result.operations[0]!.lines);
  assert.equal(json.operations[0].transform, 'registry-to-manifest');
  assert.deepEqual(json.changes, [
    { path: 'src/openai.ts', status: 'modified' },
    { path: 'src/registry.manifest.ts', status: 'added' },
    { path: 'src/registry.ts', status: 'modified' },
  ]);
  assert.deepEqual(json.importTime, result.importTime);
  assert.deepEqual(Object.keys(toApplyJson(result)).sort(), Object.keys(json).sort());
});

test('ESLint problems the rewrite adds, a lint step that could not run and a formatter that failed are diagnostics for annotations; notes are not', () => {
  const result: ApplyResult = {
    ...verifiedApply(),
    verification: undefined,
    lint: {
      linter: 'eslint',
      linted: ['src/openai.ts'],
      added: [{ code: 'no-restricted-syntax', severity: 'warning', message: 'use const', file: 'src/openai.ts', line: 3 }],
      allowed: [{ code: 'global-require', severity: 'info', message: 'allowed', file: 'src/openai.ts', line: 6 }],
      failed: { code: 'lint-failed', severity: 'warning', message: 'cannot find config "x"', file: 'src/registry.ts' },
    },
    formatting: {
      formatter: 'prettier',
      formatted: [],
      left: [
        { code: 'not-formatted-before', severity: 'info', message: 'not prettier-clean before', file: 'src/registry.ts' },
        { code: 'formatter-failed', severity: 'warning', message: 'prettier failed: SyntaxError', file: 'src/openai.ts' },
      ],
    },
  };
  assert.deepEqual(applyDiagnostics(result).map((d) => [d.code, d.file, d.line, d.message]), [
    ['no-restricted-syntax', 'src/openai.ts', 3, 'the rewrite adds an ESLint problem (no-restricted-syntax): use const'],
    ['lint-failed', 'src/registry.ts', undefined, 'ESLint could not lint the changes: cannot find config "x"'],
    ['formatter-failed', 'src/openai.ts', undefined, 'left as lazify printed it: prettier failed: SyntaxError'],
  ]);
  const text = renderApplyReport(result).output;
  assert.match(text, /^note: src\/registry\.ts left as lazify printed it \(not prettier-clean before\)$/m);
  assert.match(text, /^note: ESLint could not lint the changes \(src\/registry\.ts: cannot find config "x"\)$/m);
  assert.match(text, /\(eslint-disable-next-line\): src\/openai\.ts:6 global-require$/m);
  assert.match(text, /^ {2}src\/openai\.ts:3: no-restricted-syntax use const$/m);
  const json = JSON.parse(renderApplyReport(result, { format: 'json' }).output);
  assert.deepEqual(json.lint, result.lint, 'apply --format json carries what the lint step found');
  assert.deepEqual(json.formatting, result.formatting, 'and what the formatter did');
  assert.equal(json.schemaVersion, 2, 'new optional fields: same version');
});

test('apply text with nothing to change tells an applied plan, an empty one, and one whose findings were all left out', () => {
  const nothing = (operations: number, skipped: number): string => {
    const result = verifiedApply();
    result.plan.operations = result.plan.operations.slice(0, operations);
    result.skipped = result.skipped.slice(0, skipped);
    Object.assign(result, { operations: [], changes: [], written: false, verification: undefined, importTime: undefined });
    return renderApplyReport(result).output.split('\n')[0]!;
  };
  assert.equal(nothing(2, 1), 'Nothing to change: the plan is already applied.');
  assert.equal(nothing(0, 0), 'Nothing to change: the plan is empty.');
  assert.equal(nothing(0, 1), 'Nothing to change: no finding has an operation lazify can apply (1 left out; `lazify plan` says why).');
});
