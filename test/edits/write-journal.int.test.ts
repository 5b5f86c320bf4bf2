// The journal under every failure it can meet, call by call: each file-system call of a write is
// in turn made to fail with ENOSPC or EIO, or to be the last one before the process "dies" (every
// later call fails, as after kill -9), or to be where SIGTERM arrives. Each case must end, after
// the next run's recovery, byte-identical to the untouched tree or to the completely written one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { restoreFiles, writeChanges } from '../../src/edits/write-files.js';
import { JOURNAL_DIR, recoverJournal, type JournalFileSystem } from '../../src/edits/write-journal.js';
import type { FileChange } from '../../src/edits/file-set.js';
import { isLazifyError } from '../../src/diagnostics/diagnostic.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const original: Record<string, string> = {
  'src/a.ts': 'export const a = 1;\n',
  'src/b.ts': 'export const b = 2;\n',
  'bin/cli.js': '#!/usr/bin/env node\nrequire("../src/a");\n',
  'src/empty.ts': '',
};
const changes: FileChange[] = [
  { path: 'bin/cli.js', before: original['bin/cli.js'], after: '#!/usr/bin/env node\nrequire("../src/a.js");\n' },
  { path: 'src/a.ts', before: original['src/a.ts'], after: 'export const a = 10;\n' },
  { path: 'src/empty.ts', before: '', after: 'export {};\n' },
  { path: 'src/new/deep/c.ts', before: undefined, after: 'export const c = 3;\n' },
  { path: 'src/new/d.ts', before: undefined, after: 'export const d = 4;\n' },
];

type Tree = Map<string, { bytes: string; mode: number }>;

/** Every file and folder under dir (node_modules aside), with its mode: a stray temp file or journal shows up. */
function snapshot(dir: string): Tree {
  const tree: Tree = new Map();
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const stat = fs.lstatSync(join(dir, path));
      if (stat.isDirectory()) {
        tree.set(`${path}/`, { bytes: '', mode: 0 });
        walk(path);
      } else tree.set(path, { bytes: fs.readFileSync(join(dir, path), 'latin1'), mode: stat.mode & 0o7777 });
    }
  };
  walk('');
  return tree;
}

function project(): { dir: string; cleanup: () => void } {
  const made = writeTempProject(original);
  fs.chmodSync(join(made.dir, 'bin/cli.js'), 0o755);
  fs.chmodSync(join(made.dir, 'src/b.ts'), 0o444);
  return made;
}

const untouched = (() => {
  const { dir, cleanup } = project();
  try {
    return snapshot(dir);
  } finally {
    cleanup();
  }
})();

type Mutating = 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync' | 'rmdirSync' | 'chmodSync';
const mutating: Mutating[] = ['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'unlinkSync', 'mkdirSync', 'rmdirSync', 'chmodSync'];

/** node:fs, with `onCall(n, name)` run before the n-th mutating call; it may throw to make that call fail. */
function instrumentedFs(onCall: (n: number, name: Mutating) => void): JournalFileSystem {
  let n = 0;
  const wrapped: Record<string, unknown> = { readFileSync: fs.readFileSync, readdirSync: fs.readdirSync, existsSync: fs.existsSync };
  for (const name of mutating) {
    const real = fs[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      onCall(++n, name);
      return real(...args);
    };
  }
  return wrapped as unknown as JournalFileSystem;
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

async function countCalls(): Promise<number> {
  const { dir, cleanup } = project();
  let calls = 0;
  try {
    await writeChanges(dir, changes, { fs: instrumentedFs((n) => (calls = n)) });
    return calls;
  } finally {
    cleanup();
  }
}

const complete = await (async () => {
  const { dir, cleanup } = project();
  try {
    await writeChanges(dir, changes);
    return snapshot(dir);
  } finally {
    cleanup();
  }
})();

function outcome(tree: Tree): 'untouched' | 'complete' | 'other' {
  return assertSame(tree, untouched) ? 'untouched' : assertSame(tree, complete) ? 'complete' : 'other';
}

function assertSame(a: Tree, b: Tree): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.bytes !== v.bytes || w.mode !== v.mode) return false;
  }
  return true;
}

test('a complete write keeps modes (755, 444 untouched, a written 755 stays 755) and leaves no journal or temp file', () => {
  assert.equal(complete.get('bin/cli.js')?.mode, 0o755);
  assert.equal(complete.get('src/b.ts')?.mode, 0o444);
  assert.ok(![...complete.keys()].some((k) => k.includes(JOURNAL_DIR) || k.includes('.lazify-tmp')));
  assert.equal(complete.get('src/new/deep/c.ts')?.bytes, 'export const c = 3;\n');
});

test('every call of a write fails in turn (ENOSPC from then on, EIO once, or a crash): the tree ends untouched or complete', async (t) => {
  const calls = await countCalls();
  assert.ok(calls > 40, `a write of 5 files makes many calls (${calls})`);
  const tally = { cases: 0, untouched: 0, complete: 0, recovered: 0 };
  const modes = ['ENOSPC from then on', 'EIO once', 'crash'] as const;
  for (const mode of modes) {
    for (let k = 1; k <= calls; k++) {
      const { dir, cleanup } = project();
      try {
        let crashed = false;
        const failing = instrumentedFs((n, name) => {
          if (mode === 'crash' && n >= k) {
            crashed = true;
            throw errno('EIO');
          }
          if (mode === 'EIO once' && n === k) throw errno('EIO');
          if (mode === 'ENOSPC from then on' && n >= k && ['openSync', 'writeSync', 'mkdirSync'].includes(name)) throw errno('ENOSPC');
        });
        let error: unknown;
        try {
          await writeChanges(dir, changes, { fs: failing });
        } catch (caught) {
          error = caught;
        }
        assert.ok(error === undefined || isLazifyError(error), `${mode} at call ${k}: ${String(error)}`);
        if (mode !== 'crash' && error && /no file was changed/.test((error as Error).message) && !/next lazify apply/.test((error as Error).message)) {
          assert.equal(outcome(snapshot(dir)), 'untouched', `${mode} at call ${k}: said no file was changed`);
        }
        if (!crashed && error === undefined) assert.equal(outcome(snapshot(dir)), 'complete');
        const recovery = recoverJournal(dir);
        if (recovery) tally.recovered++;
        const end = outcome(snapshot(dir));
        assert.notEqual(end, 'other', `${mode} at call ${k}: ${[...snapshot(dir).keys()].join(' ')}`);
        tally.cases++;
        tally[end]++;
      } finally {
        cleanup();
      }
    }
  }
  assert.equal(tally.cases, calls * modes.length);
  assert.ok(tally.untouched > 0 && tally.complete > 0, JSON.stringify(tally));
  t.diagnostic(`fault cases: ${JSON.stringify(tally)}`);
});

test('SIGTERM at any call of a write: the write is undone (before the commit point) or finished (after it), with no journal left', async (t) => {
  const calls = await countCalls();
  const keepAlive = () => {};
  process.on('SIGTERM', keepAlive); // the test runner must outlive the signals it sends itself
  try {
    let undone = 0;
    let finished = 0;
    for (let k = 1; k <= calls; k++) {
      const { dir, cleanup } = project();
      try {
        const signalling = instrumentedFs((n) => {
          if (n === k) process.kill(process.pid, 'SIGTERM');
        });
        await assert.rejects(writeChanges(dir, changes, { fs: signalling }), (error) => isLazifyError(error) && /interrupted by SIGTERM/.test(error.message));
        const end = outcome(snapshot(dir));
        assert.notEqual(end, 'other', `SIGTERM at call ${k}`);
        if (end === 'untouched') undone++;
        else finished++;
      } finally {
        cleanup();
      }
    }
    assert.ok(undone > 0 && finished > 0, `undone ${undone}, finished ${finished}`);
    t.diagnostic(`SIGTERM cases: ${calls} (undone ${undone}, finished ${finished})`);
  } finally {
    process.off('SIGTERM', keepAlive);
  }
});

test('restoreFiles puts back every byte, mode and folder a write made', async () => {
  const { dir, cleanup } = project();
  try {
    const written = await writeChanges(dir, changes);
    await restoreFiles(dir, written);
    assert.equal(outcome(snapshot(dir)), 'untouched');
  } finally {
    cleanup();
  }
});

test('a journal left by a live process is not touched, and refused in one line', () => {
  const { dir, cleanup } = project();
  try {
    fs.mkdirSync(join(dir, JOURNAL_DIR));
    fs.writeFileSync(join(dir, JOURNAL_DIR, 'lock'), `${process.ppid}\n`);
    assert.throws(() => recoverJournal(dir), (error) => isLazifyError(error) && /another lazify \(pid \d+\) is writing/.test(error.message));
    assert.ok(fs.existsSync(join(dir, JOURNAL_DIR, 'lock')));
  } finally {
    cleanup();
  }
});

test('a committed journal whose target was edited since is refused, not overwritten', async () => {
  const { dir, cleanup } = project();
  try {
    // Every temp file is written and committed, then no rename or removal works: the write stops just past its commit point.
    const crashAfterCommit: JournalFileSystem = {
      ...instrumentedFs(() => {}),
      unlinkSync: () => {
        throw errno('EIO');
      },
      renameSync: (from, to) => {
        if (String(from).endsWith('.lazify-tmp')) throw errno('EIO');
        fs.renameSync(from, to);
      },
    };
    await assert.rejects(writeChanges(dir, changes, { fs: crashAfterCommit }), /run lazify apply again to finish it/);
    assert.ok(fs.existsSync(join(dir, JOURNAL_DIR, 'committed')));
    fs.writeFileSync(join(dir, 'src/a.ts'), 'edited by hand\n');
    assert.throws(() => recoverJournal(dir), (error) => isLazifyError(error) && /src\/a\.ts changed after an interrupted apply/.test(error.message));
    assert.equal(fs.readFileSync(join(dir, 'src/a.ts'), 'utf8'), 'edited by hand\n');
  } finally {
    cleanup();
  }
});
