import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeChanges } from '../../src/edits/write-files.js';
import { FileSet } from '../../src/edits/file-set.js';
import { isLazifyError } from '../../src/diagnostics/diagnostic.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

test('FileSet reads through to disk, keeps writes in memory and lists only real changes', () => {
  const { dir, cleanup } = writeTempProject({ 'a.ts': 'a\n', 'b.ts': 'b\n' });
  try {
    const files = new FileSet(dir);
    files.write('b.ts', 'b\n'); // same content: not a change
    files.write('a.ts', 'A\n');
    files.write('new/c.ts', 'c\n');
    assert.equal(files.read('a.ts'), 'A\n');
    assert.equal(files.read('missing.ts'), undefined);
    assert.equal(readFileSync(join(dir, 'a.ts'), 'utf8'), 'a\n', 'nothing written yet');
    assert.deepEqual(files.changes(), [
      { path: 'a.ts', before: 'a\n', after: 'A\n' },
      { path: 'new/c.ts', before: undefined, after: 'c\n' },
    ]);
  } finally {
    cleanup();
  }
});

test('writeChanges writes every file, creating folders', async () => {
  const { dir, cleanup } = writeTempProject({ 'a.ts': 'a\n' });
  try {
    await writeChanges(dir, [
      { path: 'a.ts', before: 'a\n', after: 'A\n' },
      { path: 'x/y/c.ts', before: undefined, after: 'c\n' },
    ]);
    assert.equal(readFileSync(join(dir, 'a.ts'), 'utf8'), 'A\n');
    assert.equal(readFileSync(join(dir, 'x/y/c.ts'), 'utf8'), 'c\n');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
  } finally {
    cleanup();
  }
});

test('writeChanges writes nothing when one file cannot be written', async () => {
  // `blocker` is a file, so `blocker/c.ts` cannot be created: the change to a.ts must not land either.
  const { dir, cleanup } = writeTempProject({ 'a.ts': 'a\n', 'blocker': 'not a folder\n' });
  try {
    await assert.rejects(
      () =>
        writeChanges(dir, [
          { path: 'a.ts', before: 'a\n', after: 'A\n' },
          { path: 'new-dir/b.ts', before: undefined, after: 'b\n' },
          { path: 'blocker/c.ts', before: undefined, after: 'c\n' },
        ]),
      (error) => isLazifyError(error) && /could not write blocker\/c\.ts.*no file was changed/.test(error.message),
    );
    assert.equal(readFileSync(join(dir, 'a.ts'), 'utf8'), 'a\n');
    assert.ok(!existsSync(join(dir, 'new-dir')), 'folders it created are removed');
    assert.deepEqual(readdirSync(dir).sort(), ['a.ts', 'blocker']);
  } finally {
    cleanup();
  }
});

test('writeChanges refuses a file that changed on disk since it was read', async () => {
  const { dir, cleanup } = writeTempProject({ 'a.ts': 'a\n', 'b.ts': 'b\n' });
  try {
    const files = new FileSet(dir);
    files.write('a.ts', 'A\n');
    files.write('b.ts', 'B\n');
    writeFileSync(join(dir, 'b.ts'), 'edited meanwhile\n');
    await assert.rejects(() => writeChanges(dir, files.changes()), /b\.ts changed on disk/);
    assert.equal(readFileSync(join(dir, 'a.ts'), 'utf8'), 'a\n');
  } finally {
    cleanup();
  }
});

test('a symlinked file is written through to its target inside the root; the link stays a link', async () => {
  const { dir, cleanup } = writeTempProject({ 'real/a.ts': 'a\n' });
  try {
    symlinkSync('real/a.ts', join(dir, 'link.ts'));
    await writeChanges(dir, [{ path: 'link.ts', before: 'a\n', after: 'A\n' }]);
    assert.ok(lstatSync(join(dir, 'link.ts')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real/a.ts'), 'utf8'), 'A\n');
  } finally {
    cleanup();
  }
});

test('a symlink out of the root, a dangling one, or two paths to one file are refused up front, nothing written', async () => {
  const outside = writeTempProject({ 'x.ts': 'x\n' });
  const { dir, cleanup } = writeTempProject({ 'a.ts': 'a\n', 'b.ts': 'b\n' });
  try {
    symlinkSync(join(outside.dir, 'x.ts'), join(dir, 'out.ts'));
    symlinkSync('missing.ts', join(dir, 'dangling.ts'));
    symlinkSync('b.ts', join(dir, 'also-b.ts'));
    const a = { path: 'a.ts', before: 'a\n', after: 'A\n' };
    await assert.rejects(writeChanges(dir, [a, { path: 'out.ts', before: 'x\n', after: 'X\n' }]), /out\.ts is a symlink to .*outside the project root/);
    await assert.rejects(writeChanges(dir, [a, { path: 'dangling.ts', before: undefined, after: 'D\n' }]), /dangling\.ts is a symlink to a file that does not exist/);
    await assert.rejects(
      writeChanges(dir, [a, { path: 'also-b.ts', before: 'b\n', after: 'B1\n' }, { path: 'b.ts', before: 'b\n', after: 'B2\n' }]),
      /also-b\.ts and b\.ts are the same file/,
    );
    assert.equal(readFileSync(join(dir, 'a.ts'), 'utf8'), 'a\n');
    assert.equal(readFileSync(join(outside.dir, 'x.ts'), 'utf8'), 'x\n');
    assert.ok(lstatSync(join(dir, 'dangling.ts')).isSymbolicLink());
  } finally {
    cleanup();
    outside.cleanup();
  }
});

test('a file named like a temp file is never overwritten: the write is refused', async () => {
  const { dir, cleanup } = writeTempProject({ 'a.ts': 'a\n', 'a.ts.lazify-tmp': 'mine\n' });
  try {
    await assert.rejects(writeChanges(dir, [{ path: 'a.ts', before: 'a\n', after: 'A\n' }]), /a\.ts\.lazify-tmp exists/);
    assert.equal(readFileSync(join(dir, 'a.ts.lazify-tmp'), 'utf8'), 'mine\n');
    assert.equal(readFileSync(join(dir, 'a.ts'), 'utf8'), 'a\n');
  } finally {
    cleanup();
  }
});
