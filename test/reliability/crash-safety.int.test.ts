// Crash safety of `lazify apply`, for real: the built CLI writes a 24-file plan and is killed
// with SIGKILL at moments spread over its write (one random moment in each slice of it), SIGTERM'd, or runs out of disk on a small tmpfs.
// Every trial must end, after the next apply's recovery, byte-identical (bytes and modes) to the
// untouched tree or to the completely applied one, with no temp file and no journal left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, watch, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../helpers/copy-fixture.js';
import { resetTree, snapshotTree, treeDifferences, type Tree } from '../helpers/tree-snapshot.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');
const JOURNAL = '.lazify-journal';
const MODULES = 24;

/**
 * A CommonJS package of 24 modules that each import a dependency eagerly, plus a plan deferring
 * each import: every module changes. Files are padded to ~24 KB so the write takes a while.
 */
function manyModuleProject(dir: string): string {
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/heavy-lib'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "many-modules", "version": "1.0.0", "main": "src/index.js" }\n');
  writeFileSync(join(dir, 'node_modules/heavy-lib/package.json'), '{ "name": "heavy-lib", "version": "1.0.0", "main": "index.js" }\n');
  writeFileSync(join(dir, 'node_modules/heavy-lib/index.js'), 'exports.Heavy = class Heavy { constructor(n) { this.n = n; } };\n');
  const operations = [];
  const requires = [];
  for (let i = 0; i < MODULES; i++) {
    const n = String(i).padStart(2, '0');
    const padding = Array.from({ length: 400 }, (_, line) => `// line ${line} of module ${n}, so that writing it takes a moment\n`).join('');
    writeFileSync(
      join(dir, `src/mod-${n}.js`),
      `'use strict';\nconst { Heavy } = require('heavy-lib');\n\nfunction use${n}() {\n  return new Heavy('${n}');\n}\n\nmodule.exports = { use${n} };\n${padding}`,
    );
    operations.push({ id: `heavy-import:src/mod-${n}.js:heavy-lib`, transform: 'defer-heavy-import', summary: `defer heavy-lib in src/mod-${n}.js`, files: [`src/mod-${n}.js`], options: { bindings: ['Heavy'], moduleFormat: 'cjs' } });
    requires.push(`  ...require('./mod-${n}.js'),`);
  }
  writeFileSync(join(dir, 'src/index.js'), `'use strict';\nmodule.exports = {\n${requires.join('\n')}\n};\n`);
  const planFile = join(dir, '..', `${MODULES}-modules.plan.json`);
  writeFileSync(planFile, JSON.stringify({ schemaVersion: 1, root: '.', operations }, null, 2));
  return planFile;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** When the journal appeared and went, ms from spawn (undefined when not seen). */
  journalSeen?: number;
  journalGone?: number;
}

/**
 * Runs `lazify apply`; when `killAt` is given, sends `signal` that many ms after the journal
 * appears (busy-waiting, for sub-millisecond delays): that is the start of the write.
 */
function runApply(dir: string, planFile: string, kill?: { afterMs: number; signal: NodeJS.Signals }): Promise<Run> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, 'apply', dir, '--plan', planFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const run: Partial<Run> = {};
    const watcher = watch(dir, (_event, name) => {
      if (name !== JOURNAL) return;
      const now = performance.now() - start;
      if (existsSync(join(dir, JOURNAL))) {
        if (run.journalSeen !== undefined) return;
        run.journalSeen = now;
        if (kill) {
          const until = performance.now() + kill.afterMs;
          while (performance.now() < until) {
            // busy-wait: timers are too coarse for a write that lasts a few milliseconds
          }
          child.kill(kill.signal);
        }
      } else run.journalGone = now;
    });
    child.on('exit', (code, signal) => {
      watcher.close();
      resolve({ ...run, code, signal, stderr });
    });
  });
}

function assertUntouchedOrApplied(dir: string, untouched: Tree, applied: Tree, what: string): 'untouched' | 'applied' {
  const now = snapshotTree(dir);
  const fromUntouched = treeDifferences(now, untouched);
  if (fromUntouched.length === 0) return 'untouched';
  const fromApplied = treeDifferences(now, applied);
  assert.deepEqual(fromApplied, [], `${what}: neither untouched (${fromUntouched.slice(0, 4).join(', ')}) nor applied`);
  return 'applied';
}

const work = mkdtempSync(join(tmpdir(), 'lazify-crash-'));
const dir = join(work, 'project');
const planFile = manyModuleProject(dir);
const untouched = snapshotTree(dir);

test.after(() => rmSync(work, { recursive: true, force: true }));

let applied: Tree;
const windows: number[] = [];

test('calibration: a full apply writes all 24 files and leaves no journal; its write window is measured', async (t) => {
  for (let i = 0; i < 3; i++) {
    resetTree(dir, untouched);
    const run = await runApply(dir, planFile);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.journalSeen !== undefined && run.journalGone !== undefined, 'the journal was seen to come and go');
    windows.push(run.journalGone - run.journalSeen);
    applied = snapshotTree(dir);
  }
  const changed = [...applied.keys()].filter((p) => untouched.get(p)?.kind === 'file' && treeDifferences(new Map([[p, applied.get(p)!]]), new Map([[p, untouched.get(p)!]])).length > 0);
  assert.equal(changed.length, MODULES);
  assert.ok(![...applied.keys()].some((p) => p.includes(JOURNAL) || p.includes('.lazify-tmp')));
  t.diagnostic(`write windows (journal seen -> gone): ${windows.map((w) => w.toFixed(1)).join(', ')} ms`);
});

test('kill -9 at 24 moments spread over the write: after the next apply recovers, each tree is untouched or applied', async (t) => {
  const trials = 24;
  const longest = Math.max(...windows);
  const tally: Record<string, number> = {};
  for (let trial = 0; trial < trials; trial++) {
    resetTree(dir, untouched);
    // The measured write window and a little past it, cut into one slice per trial: a random
    // delay inside each slice covers the whole write evenly, where random delays over all of it
    // leave gaps (stratified sampling).
    const afterMs = ((trial + Math.random()) / trials) * longest * 1.2;
    const run = await runApply(dir, planFile, { afterMs, signal: 'SIGKILL' });
    // A journal with neither its entry list nor the commit marker is one being written (nothing
    // touched yet) or being removed after the write (intent.json goes first): either end is whole.
    const phase = !existsSync(join(dir, JOURNAL))
      ? run.signal === 'SIGKILL' ? 'killed after the write finished' : 'finished before the kill'
      : existsSync(join(dir, JOURNAL, 'committed')) ? 'killed after the commit point'
      : existsSync(join(dir, JOURNAL, 'intent.json')) ? 'killed before the commit point' : 'killed with no entry list in the journal';
    const recovery = spawnSync(process.execPath, [cli, 'apply', dir, '--plan', planFile], { encoding: 'utf8' });
    assert.equal(recovery.status, 0, recovery.stderr);
    if (phase.includes('commit point')) {
      assert.match(recovery.stdout, /an earlier apply was interrupted/, `trial ${trial} (${phase}): recovery says what it did`);
    }
    const end = assertUntouchedOrApplied(dir, untouched, applied, `trial ${trial}, ${afterMs.toFixed(2)} ms, ${phase}`);
    if (phase === 'killed after the commit point') assert.equal(end, 'applied', 'past the commit point the write rolls forward');
    if (phase === 'killed before the commit point') assert.equal(end, 'untouched', 'before the commit point the write rolls back');
    tally[`${phase} -> ${end}`] = (tally[`${phase} -> ${end}`] ?? 0) + 1;
  }
  t.diagnostic(`kill -9 trials: ${trials}; ${JSON.stringify(tally)}`);
  const midWrite = Object.entries(tally).filter(([k]) => k.includes('commit point') || k.includes('no entry list')).reduce((sum, [, n]) => sum + n, 0);
  assert.ok(midWrite >= trials / 4, `most kills land inside the write (${midWrite} of ${trials})`);
});

test('SIGTERM during the write: the write is undone or finished before lazify exits, with no journal left', async (t) => {
  const trials = 8;
  const longest = Math.max(...windows);
  const tally: Record<string, number> = {};
  for (let trial = 0; trial < trials; trial++) {
    resetTree(dir, untouched);
    const afterMs = ((trial + Math.random()) / trials) * longest;
    const run = await runApply(dir, planFile, { afterMs, signal: 'SIGTERM' });
    assert.ok(!existsSync(join(dir, JOURNAL)), `trial ${trial}: no journal left (${run.stderr})`);
    const end = assertUntouchedOrApplied(dir, untouched, applied, `SIGTERM trial ${trial}`);
    if (run.code === 2) {
      assert.match(run.stderr, end === 'untouched' ? /^lazify: interrupted by SIGTERM before any file was changed; nothing was written\n$/ : /^lazify: interrupted by SIGTERM after the write was committed: finished writing all 24 file\(s\)/);
    } else {
      // Past the write (the journal already gone), SIGTERM ends lazify the default way, or comes after it exited.
      assert.equal(end, 'applied', `trial ${trial}: exit ${run.code ?? run.signal} after the write (${run.stderr})`);
      assert.ok(run.code === 0 || run.signal === 'SIGTERM', `trial ${trial}: exit ${run.code ?? run.signal} (${run.stderr})`);
    }
    const how = run.code === null ? `killed by ${run.signal}` : `exit ${run.code}`;
    tally[`${how} -> ${end}`] = (tally[`${how} -> ${end}`] ?? 0) + 1;
  }
  t.diagnostic(`SIGTERM trials: ${trials}; ${JSON.stringify(tally)}`);
});

test('a full disk (a small tmpfs): apply says ENOSPC in one line and the tree stays untouched, at every size that cannot hold the write', async (t) => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'lazify-tmpfs-'));
  const probe = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
  if (probe.status !== 0) {
    rmSync(mountPoint, { recursive: true, force: true });
    t.skip('cannot mount a tmpfs here (needs root); the ENOSPC cases are covered by test/edits/write-journal.int.test.ts');
    return;
  }
  spawnSync('umount', [mountPoint]);
  const tally: Record<string, number> = {};
  try {
    // The project takes ~0.6 MB; the journal needs about twice that, the temp files as much again.
    for (const sizeKb of [700, 900, 1100, 1300, 1500, 1700, 1900, 2100, 2300, 2600, 3000, 4000]) {
      assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', mountPoint]).status, 0);
      try {
        const small = join(mountPoint, 'project');
        cpSync(dir, small, { recursive: true });
        resetTree(small, untouched);
        const run = spawnSync(process.execPath, [cli, 'apply', small, '--plan', planFile], { encoding: 'utf8' });
        const end = assertUntouchedOrApplied(small, untouched, applied, `tmpfs of ${sizeKb} KB`);
        if (run.status === 0) assert.equal(end, 'applied');
        else {
          assert.equal(run.status, 2, run.stderr);
          assert.match(run.stderr, /^lazify: could not write .*ENOSPC.*; no file was changed\n$/);
          assert.equal(end, 'untouched');
        }
        tally[`${sizeKb} KB`] = run.status ?? -1;
      } finally {
        spawnSync('umount', [mountPoint]);
      }
    }
  } finally {
    rmSync(mountPoint, { recursive: true, force: true });
  }
  t.diagnostic(`tmpfs sizes -> exit code: ${JSON.stringify(tally)}`);
  assert.ok(Object.values(tally).includes(2) && Object.values(tally).includes(0), 'some sizes are too small, some big enough');
});
