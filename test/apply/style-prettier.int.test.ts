// apply keeps a prettier project prettier-clean: on the sdk-providers-esm golden case (a
// no-semicolon, single-quote project with a .prettierrc), the real plan from analysis is
// applied, the changed files are formatted with the project's own prettier (a devDependency,
// pinned), and `prettier --check` passes on them after apply as it did before. A file that was
// not clean before is not reformatted: the diff shows lazify's change, not prettier's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const CASE = join(repoRoot, 'transforms/defer-heavy-import/__testfixtures__/sdk-providers-esm/before');
const prettier = join(repoRoot, 'node_modules/.bin/prettier');
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

function copyCase(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-style-'));
  cpSync(CASE, dir, { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const prettierCheck = (dir: string, files: string[]) => spawnSync(prettier, ['--check', ...files], { cwd: dir, encoding: 'utf8' });

test('sdk-providers-esm: prettier --check passes on the changed files before and after apply; the result typechecks', async () => {
  const { dir, cleanup } = copyCase();
  try {
    const files = ['src/providers/cohere.ts', 'src/providers/openai.ts'];
    const before = prettierCheck(dir, files);
    assert.equal(before.status, 0, before.stdout + before.stderr);
    // With the type gate on: both deferrals pass it (nothing blocked), as tsc below confirms.
    const result = await apply(dir);
    assert.deepEqual(result.blocked, []);
    assert.deepEqual(result.typeErrors, []);
    assert.deepEqual(result.changes.map((c) => c.path), files);
    assert.deepEqual(result.formatting, { formatter: 'prettier', formatted: files, left: [] });
    const after = prettierCheck(dir, files);
    assert.equal(after.status, 0, after.stdout + after.stderr);
    // The rewrite itself is there: each provider binds its SDK at the top of the method.
    assert.match(readFileSync(join(dir, 'src/providers/openai.ts'), 'utf8'), /^ {4}const \{ default: OpenAI \} = await import\('openai'\)$/m);
    assert.match(readFileSync(join(dir, 'src/providers/cohere.ts'), 'utf8'), /^import type \{ CohereError \} from 'cohere-ai'$/m);
    const typecheck = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(typecheck.status, 0, typecheck.stdout + typecheck.stderr);
  } finally {
    cleanup();
  }
});

test('sdk-providers-esm: a changed file that was not prettier-clean before is left as lazify printed it', async () => {
  const { dir, cleanup } = copyCase();
  try {
    const path = join(dir, 'src/providers/cohere.ts');
    // An unformatted line the maintainer wrote: prettier would rewrite it, lazify must not.
    const unformatted = "export const  COHERE_MODELS = [ 'command-r' ,'command-r-plus' ]";
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n${unformatted}\n`);
    assert.notEqual(prettierCheck(dir, ['src/providers/cohere.ts']).status, 0);
    const result = await apply(dir, { typecheck: false });
    assert.deepEqual(result.formatting?.left, [{ code: 'not-formatted-before', severity: 'info', message: 'not prettier-clean before', file: 'src/providers/cohere.ts' }]);
    assert.deepEqual(result.formatting?.formatted, ['src/providers/openai.ts']);
    const after = readFileSync(path, 'utf8');
    assert.ok(after.includes(unformatted), 'the unformatted line is untouched');
    assert.match(after, /const \{ CohereClient, CohereError, CohereTimeoutError \} =/);
  } finally {
    cleanup();
  }
});
