// `lazify apply` through the CLI on a small git-tracked TypeScript project (the split case's before/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/copy-fixture.js';

const caseDir = join(repoRoot, 'transforms/god-module-to-focused-modules/__testfixtures__/ts-commonjs');
const operation = JSON.parse(readFileSync(join(caseDir, 'operation.json'), 'utf8'));

function lazify(args: string[], cwd = repoRoot) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/index.ts'), ...args], { cwd, encoding: 'utf8' });
}

function git(dir: string, ...args: string[]) {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A committed copy of the case, and a plan file outside it (so the tree stays clean). */
function setUp(editOptions: (o: any) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-apply-'));
  const outside = mkdtempSync(join(tmpdir(), 'lazify-apply-plan-'));
  cpSync(join(caseDir, 'before'), dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before');
  const options = structuredClone(operation.options);
  editOptions(options);
  const planFile = join(outside, 'plan.json');
  const plan = { schemaVersion: 1, root: dir, operations: [{ id: 'split-utils', transform: 'god-module-to-focused-modules', summary: '', files: operation.files, options }] };
  writeFileSync(planFile, JSON.stringify(plan, null, 2));
  return { dir, planFile, outside, cleanup: () => [dir, outside].forEach((d) => rmSync(d, { recursive: true, force: true })) };
}

test('apply --dry-run prints the diff and writes nothing', () => {
  const { dir, planFile, cleanup } = setUp();
  try {
    const r = lazify(['apply', dir, '--plan', planFile, '--dry-run']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /diff --git a\/src\/utils\/tokenization\.ts b\/src\/utils\/tokenization\.ts\nnew file mode/);
    assert.match(r.stdout, /-import \{ countTokens, type Price \} from '\.\.\/utils';/);
    assert.match(r.stdout, /Dry run: 8 file\(s\) would change; nothing was written\./);
    assert.equal(git(dir, 'status', '--porcelain'), '');
  } finally {
    cleanup();
  }
});

test('apply --patch writes a patch that git apply accepts, and leaves the tree alone', () => {
  const { dir, planFile, outside, cleanup } = setUp();
  try {
    const patch = join(outside, 'split.patch');
    const r = lazify(['apply', dir, '--plan', planFile, '--patch', patch]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(git(dir, 'status', '--porcelain'), '');
    git(dir, 'apply', patch);
    assert.ok(existsSync(join(dir, 'src/utils/shared.ts')));
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout);
  } finally {
    cleanup();
  }
});

test('an invalid edited plan: one line naming the problem, exit 2, nothing written', () => {
  const { dir, planFile, cleanup } = setUp((o) => o.clusters[0].exports.push('noSuchHelper'));
  try {
    const r = lazify(['apply', dir, '--plan', planFile, '--force']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'lazify: invalid plan: operation "split-utils": src/utils.ts does not export "noSuchHelper"\n');
    assert.equal(git(dir, 'status', '--porcelain'), '');
  } finally {
    cleanup();
  }
});

test('apply refuses a dirty git tree unless --force; a second apply changes nothing', () => {
  const { dir, planFile, cleanup } = setUp();
  try {
    appendFileSync(join(dir, 'src/registry.ts'), '// local edit\n');
    const refused = lazify(['apply', dir, '--plan', planFile]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^lazify: .* has 1 uncommitted change\(s\) \(src\/registry\.ts\); commit or stash them first, or pass --force\n$/);
    assert.ok(!existsSync(join(dir, 'src/utils')));

    const forced = lazify(['apply', dir, '--plan', planFile, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /Changed 8 file\(s\):\n {2}M src\/index\.ts/);
    assert.match(readFileSync(join(dir, 'src/utils.ts'), 'utf8'), /export \{ countTokens, engine \} from '\.\/utils\/tokenization';/);
    assert.match(readFileSync(join(dir, 'src/registry.ts'), 'utf8'), /\/\/ local edit\n$/, 'the local edit is kept');

    const again = lazify(['apply', dir, '--plan', planFile, '--force']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /Nothing to change/);
  } finally {
    cleanup();
  }
});
