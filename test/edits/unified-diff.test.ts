import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colourDiff, unifiedDiff } from '../../src/edits/unified-diff.js';

test('unified diff: git headers, /dev/null for new files, hunks with context', () => {
  const diff = unifiedDiff([
    { path: 'src/a.ts', before: 'one\ntwo\nthree\n', after: 'one\n2\nthree\n' },
    { path: 'src/new.ts', before: undefined, after: 'x\ny\n' },
  ]);
  assert.equal(
    diff,
    [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -1,3 +1,3 @@',
      ' one',
      '-two',
      '+2',
      ' three',
      'diff --git a/src/new.ts b/src/new.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/src/new.ts',
      '@@ -0,0 +1,2 @@',
      '+x',
      '+y',
      '',
    ].join('\n'),
  );
});

test('a file without a final newline is marked as such', () => {
  const diff = unifiedDiff([{ path: 'a.ts', before: 'a', after: 'b' }]);
  assert.match(diff, /-a\n\\ No newline at end of file\n\+b\n\\ No newline at end of file/);
});

test('colourDiff only adds colour codes around lines', () => {
  const diff = unifiedDiff([{ path: 'a.ts', before: 'a\n', after: 'b\n' }]);
  assert.equal(colourDiff(diff).replace(/\x1b\[\d+m/g, ''), diff);
});

test('countChangedLines: lines added and removed, a new file all added', async () => {
  const { countChangedLines } = await import('../../src/edits/unified-diff.js');
  assert.deepEqual(countChangedLines('a\nb\nc\n', 'a\nB\nc\nd\n'), { added: 2, removed: 1 });
  assert.deepEqual(countChangedLines(undefined, 'x\ny\n'), { added: 2, removed: 0 });
  assert.deepEqual(countChangedLines('same\n', 'same\n'), { added: 0, removed: 0 });
});
