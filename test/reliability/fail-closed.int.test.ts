// Class 7 of the reliability suite: when lazify cannot be sure, it refuses. git failing (not
// on PATH, dubious ownership, a broken config) is not a clean tree; a transform name that is an
// Object member, an option naming a directory or a file lazify must not read, and a source
// nested too deeply for the stack are each one line and exit 2 (or, in analyze, a per-file
// diagnostic), never a stack trace, and nothing is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture } from '../helpers/copy-fixture.js';
import { assertRefused, committedCopy, defaultPlan, lazify, snapshot, writePlan, type Workspace } from './untouched-tree.js';

let ws: Workspace;
let plan: ReturnType<typeof defaultPlan>;

before(() => {
  ws = committedCopy('gateway-cjs');
  plan = defaultPlan(ws.dir);
});
after(() => ws.cleanup());

function planWith(edit: (p: typeof plan) => void): string {
  const copy = structuredClone(plan);
  edit(copy);
  return writePlan(ws.outside, copy, `plan-${Math.random().toString(36).slice(2)}.json`);
}
const opOf = (p: typeof plan, transform: string) => p.operations.find((op) => op.transform === transform)!;

test('git not on PATH: apply refuses unless --force', () => {
  const emptyPath = mkdtempSync(join(tmpdir(), 'lazify-no-git-'));
  try {
    const env = { ...process.env, PATH: emptyPath };
    assertRefused(['apply', ws.dir], /^lazify: cannot tell whether .* has uncommitted changes \(git is not on PATH\); fix git or pass --force/, [ws.dir, ws.outside], { env });
    // --dry-run writes nothing, so it needs no clean tree and no git.
    assert.equal(lazify(['apply', ws.dir, '--dry-run'], { env }).status, 0);
  } finally {
    rmSync(emptyPath, { recursive: true, force: true });
  }
});

test('git refusing the repository (dubious ownership) is a refusal, not a clean tree', () => {
  const env = { ...process.env, GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' };
  assertRefused(['apply', ws.dir], /cannot tell whether .* has uncommitted changes \(fatal: detected dubious ownership in repository/, [ws.dir, ws.outside], { env });
});

test('a broken git config is a refusal, not a clean tree', () => {
  const config = join(ws.dir, '.git/config');
  const original = readFileSync(config, 'utf8');
  appendFileSync(config, '[broken\n');
  try {
    assertRefused(['apply', ws.dir], /cannot tell whether .* has uncommitted changes \(fatal: bad config line/, [ws.dir, ws.outside]);
  } finally {
    writeFileSync(config, original);
  }
});

test('a directory that is not a git repository at all may be applied to (there is no history to protect)', () => {
  const copy = copyFixture('gateway-js');
  try {
    const r = lazify(['apply', copy.dir]);
    assert.equal(r.status, 0, r.stderr);
  } finally {
    copy.cleanup();
  }
});

for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
  test(`a plan naming the transform "${name}" is an invalid plan`, () => {
    const file = planWith((p) => (p.operations[0]!.transform = name));
    assertRefused(['apply', ws.dir, '--plan', file, '--dry-run'], new RegExp(`^lazify: invalid plan: operation "[^"]+" names unknown transform "${name}" \\(known: `), [ws.dir, ws.outside]);
  });
}

test('an option naming a directory is an invalid plan', () => {
  mkdirSync(join(ws.dir, 'src/folder.ts'));
  try {
    assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'defer-eager-init').options.file = 'src/folder.ts')), '--dry-run'], /option "file": src\/folder\.ts is a directory or special file, not a source file/, [ws.dir, ws.outside]);
  } finally {
    rmSync(join(ws.dir, 'src/folder.ts'), { recursive: true });
  }
  assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'god-module-to-focused-modules').options.module = 'src/providers')), '--dry-run'], /option "module": src\/providers is not a JavaScript or TypeScript source file/, [ws.dir, ws.outside]);
});

test('options that would make lazify read an arbitrary file are invalid plans', () => {
  const watched = [ws.dir, ws.outside];
  assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'god-module-to-focused-modules').options.options = '/etc/passwd')), '--dry-run'], /"options" is for the jscodeshift CLI only/, watched);
  assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'god-module-to-focused-modules').options.plan = '../plan.json')), '--dry-run'], /"plan" is for the jscodeshift CLI only/, watched);
  assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'registry-to-manifest').options.file = '.git/config')), '--dry-run'], /option "file": \.git\/config is inside \.git\//, watched);
  assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'registry-to-manifest').options.file = '.env')), '--dry-run'], /option "file": \.env is not a JavaScript or TypeScript source file/, watched);
  assertRefused(['apply', ws.dir, '--plan', planWith((p) => (opOf(p, 'defer-heavy-import').options.root = '/etc')), '--dry-run'], /option "root" is set by lazify; remove it from the plan/, watched);
});

test('1,000 nested parentheses and a 2,000-term concatenation: a diagnostic per file in analyze; apply, which needs neither file, leaves both as they are', () => {
  const deep = committedCopy('gateway-cjs');
  try {
    writeFileSync(join(deep.dir, 'src/deep.ts'), `export const deep = ${'('.repeat(1000)}1${')'.repeat(1000)};\n`);
    writeFileSync(join(deep.dir, 'src/concat.ts'), `export const cat = ${Array(2000).fill("'a'").join(' + ')};\n`);
    const index = join(deep.dir, 'src/index.ts');
    writeFileSync(index, `import { deep } from './deep';\nimport { cat } from './concat';\nexport { deep, cat };\n${readFileSync(index, 'utf8')}`);
    deep.commit();
    const before = [snapshot(deep.dir), snapshot(deep.outside)];
    const analyzed = lazify(['analyze', deep.dir, '--format', 'json']);
    assert.equal(analyzed.status, 0, analyzed.stderr);
    assert.equal(analyzed.stderr, '');
    const codes = JSON.parse(analyzed.stdout).diagnostics.filter((d: { code: string }) => d.code === 'nesting-too-deep').map((d: { file: string }) => d.file).sort();
    assert.deepEqual(codes, ['src/concat.ts', 'src/deep.ts']);
    assert.deepEqual([snapshot(deep.dir), snapshot(deep.outside)], before);
    // No operation needs to rewrite either file (one unparsable file costs only the operations
    // that need it): apply goes on, leaves both byte for byte and prints no stack trace.
    const deepBefore = readFileSync(join(deep.dir, 'src/deep.ts'), 'utf8');
    const concatBefore = readFileSync(join(deep.dir, 'src/concat.ts'), 'utf8');
    const applied = lazify(['apply', deep.dir]);
    assert.equal(applied.status, 0, applied.stderr);
    assert.doesNotMatch(applied.stderr, /\n\s+at /);
    assert.equal(readFileSync(join(deep.dir, 'src/deep.ts'), 'utf8'), deepBefore);
    assert.equal(readFileSync(join(deep.dir, 'src/concat.ts'), 'utf8'), concatBefore);
    assert.deepEqual(snapshot(deep.outside), before[1], 'nothing written outside the project');
  } finally {
    deep.cleanup();
  }
});
