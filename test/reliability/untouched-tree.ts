// What the reliability tests share: a git-committed temp copy of a fixture with a sibling
// "outside" directory, the built CLI, and a byte-exact snapshot of both trees, so every case
// can assert that a refusal wrote nothing anywhere.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');

/** Runs the built CLI (`npm run build` first). */
export function lazify(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? repoRoot, encoding: 'utf8', env: options.env ?? process.env });
}

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A committed copy of a fixture and an empty directory beside it, both removed by `cleanup`. */
export interface Workspace {
  dir: string;
  outside: string;
  /** Commits everything in `dir` (after a case changed the tree on purpose). */
  commit(): void;
  cleanup(): void;
}

export function committedCopy(name = 'gateway-cjs'): Workspace {
  const copy = copyFixture(name);
  const outside = mkdtempSync(join(tmpdir(), 'lazify-outside-'));
  writeFileSync(join(copy.dir, '.gitignore'), 'node_modules\ndist\n');
  git(copy.dir, 'init', '-q');
  const commit = () => {
    git(copy.dir, 'add', '-A');
    git(copy.dir, 'commit', '-q', '--allow-empty', '-m', 'state');
  };
  commit();
  return {
    dir: copy.dir,
    outside,
    commit,
    cleanup: () => {
      copy.cleanup();
      rmSync(outside, { recursive: true, force: true });
    },
  };
}

/**
 * Every entry under `dir` (not following symlinks): path -> file hash and mode, link target or
 * `dir`. git's index is left out: `git status` refreshes its stat cache without changing content.
 */
export function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const absolute = join(current, name);
      const rel = relative(dir, absolute);
      if (rel === join('.git', 'index')) continue;
      const stat = lstatSync(absolute);
      if (stat.isSymbolicLink()) entries.set(rel, `link ${readlinkSync(absolute)}`);
      else if (stat.isDirectory()) {
        entries.set(rel, 'dir');
        walk(absolute);
      } else entries.set(rel, `${(stat.mode & 0o7777).toString(8)} ${createHash('sha256').update(readFileSync(absolute)).digest('hex')}`);
    }
  };
  walk(dir);
  return entries;
}

/** Asserts that nothing under any of `dirs` changed since `before` (same order). */
export function assertUnchanged(dirs: string[], before: Array<Map<string, string>>): void {
  dirs.forEach((dir, i) => assert.deepEqual(snapshot(dir), before[i], `${dir} changed`));
}

/**
 * Runs `args` and asserts the refusal contract: exit code 2, exactly one line on stderr that
 * matches `message`, and no file changed in any of `watched`.
 */
export function assertRefused(args: string[], message: RegExp, watched: string[], options: { env?: NodeJS.ProcessEnv } = {}): void {
  const before = watched.map(snapshot);
  const r = lazify(args, options);
  assert.equal(r.status, 2, `exit ${r.status}\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`);
  assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr.slice(0, 2000));
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assertUnchanged(watched, before);
}

/** The default plan of a project as JSON (written by `lazify plan --format json`). */
export function defaultPlan(dir: string): { schemaVersion: 1; root: string; operations: Array<{ id: string; transform: string; files: string[]; options: Record<string, any> }> } {
  const r = lazify(['plan', dir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Writes a plan outside the project (so the tree stays clean) and returns its path. */
export function writePlan(outsideDir: string, plan: unknown, name = 'plan.json'): string {
  const file = join(outsideDir, name);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}
