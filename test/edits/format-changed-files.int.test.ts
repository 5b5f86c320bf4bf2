// The project's prettier formats the changed files that were clean before. Which ones were is
// asked in one prettier run for all of them (each run starts prettier, about a third of a second:
// litellm's 15 changed files took 9 s of check and format runs). The answers are the ones a run
// per file gives, and a run that reports an error about one file falls back to a run per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatChangedFiles } from '../../src/edits/format-changed-files.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const CLEAN_A = `export const a = 1\n`;
const CLEAN_B = `export const b = 'two'\n`;
const UNCLEAN = `export const  c=3;\n`;

/** A project with a .prettierrc, and a prettier that logs each of its runs' arguments. */
function project() {
  const temp = writeTempProject({
    'package.json': JSON.stringify({ name: 'format-case', version: '1.0.0' }),
    '.prettierrc': JSON.stringify({ semi: false, singleQuote: true }),
    'src/a.ts': CLEAN_A,
    'src/b.ts': CLEAN_B,
    'src/c.ts': UNCLEAN,
    'src/notes.unknown': 'x\n',
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  const log = join(temp.dir, 'runs.log');
  const bin = join(temp.dir, 'prettier-logged');
  writeFileSync(bin, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${join(repoRoot, 'node_modules/.bin/prettier')}' "$@"\n`);
  chmodSync(bin, 0o755);
  const runs = () => readFileSync(log, 'utf8').trim().split('\n');
  return { ...temp, formatter: { name: 'prettier' as const, bin }, runs };
}

const change = (path: string, before: string, after: string) => ({ path, before, after });

test('the files clean before are found in one prettier run; each changed one is then formatted', () => {
  const { dir, cleanup, formatter, runs } = project();
  try {
    const { changes, result } = formatChangedFiles(dir, [
      change('src/a.ts', CLEAN_A, `${CLEAN_A}export const  more = "a";\n`),
      change('src/b.ts', CLEAN_B, `${CLEAN_B}export const  more = "b";\n`),
      change('src/c.ts', UNCLEAN, `${UNCLEAN}export const  more = "c";\n`),
    ], formatter);
    assert.deepEqual(result.formatted, ['src/a.ts', 'src/b.ts']);
    assert.deepEqual(result.left.map((d) => [d.code, d.file]), [['not-formatted-before', 'src/c.ts']]);
    assert.deepEqual(changes.map((c) => c.after), [`${CLEAN_A}export const more = 'a'\n`, `${CLEAN_B}export const more = 'b'\n`, `${UNCLEAN}export const  more = "c";\n`]);
    assert.deepEqual(runs(), ['--list-different -- src/a.ts src/b.ts src/c.ts', '--stdin-filepath src/a.ts', '--stdin-filepath src/b.ts']);
  } finally {
    cleanup();
  }
});

test('a run that reports an error about one file (no parser for it) falls back to a check per file, with the same answers', () => {
  const { dir, cleanup, formatter, runs } = project();
  try {
    const { result } = formatChangedFiles(dir, [
      change('src/a.ts', CLEAN_A, `${CLEAN_A}export const  more = 1\n`),
      change('src/notes.unknown', 'x\n', 'y\n'),
      change('src/c.ts', UNCLEAN, `${UNCLEAN}// more\n`),
    ], formatter);
    assert.deepEqual(result.formatted, ['src/a.ts']);
    assert.deepEqual(result.left.map((d) => [d.code, d.file]), [['not-formatted-before', 'src/notes.unknown'], ['not-formatted-before', 'src/c.ts']]);
    assert.deepEqual(runs(), [
      '--list-different -- src/a.ts src/notes.unknown src/c.ts',
      '--check src/a.ts',
      '--stdin-filepath src/a.ts',
      '--check src/notes.unknown',
      '--check src/c.ts',
    ]);
  } finally {
    cleanup();
  }
});
