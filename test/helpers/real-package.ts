// Set-up shared by the tests that apply lazify to a real package from npm: install it once per
// machine with its dependencies pinned, copy it to a committed temp project, measure its import.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command with a generous timeout, colour off and CI set (test runners stay non-interactive). */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const childEnv: Record<string, string | undefined> = { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', ...env };
  // Set by node:test in the test process itself: a package's own `node --test` would then report
  // to this runner's protocol instead of printing its results.
  delete childEnv.NODE_TEST_CONTEXT;
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024, env: childEnv });
}

/**
 * Installs `specs` (exact versions) into `<tmp>/<cacheName>` once per machine, without install
 * scripts, and returns its node_modules. A marker file names the specs, so a changed list
 * reinstalls instead of testing against a stale tree.
 */
export function installOnce(cacheName: string, specs: string[]): string {
  const cache = join(tmpdir(), cacheName);
  const marker = join(cache, 'installed');
  const wanted = specs.join('\n');
  if (!existsSync(marker) || spawnSync('cat', [marker], { encoding: 'utf8' }).stdout !== wanted) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), '{ "name": "lazify-real-package-cache", "private": true }\n');
    const r = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', ...specs], cache);
    assert.equal(r.status, 0, `npm install ${specs.join(' ')}:\n${r.stderr}`);
    writeFileSync(marker, wanted);
  }
  return join(cache, 'node_modules');
}

/**
 * Copies the installed package `name` (without its build output `outDir`) to a temp project,
 * links the cache's node_modules into it, writes `extraFiles` (what its monorepo provided),
 * and commits it all, so apply sees a clean git tree and `git status` shows what apply touched.
 */
export function committedCopy(
  modules: string,
  name: string,
  outDir: string,
  extraFiles: Record<string, string> = {},
): { dir: string; cleanup: () => void } {
  const top = mkdtempSync(join(tmpdir(), `lazify-${name.replace(/\W+/g, '-')}-`));
  const dir = join(top, 'package');
  const source = join(modules, name);
  const skipped = new RegExp(`^[\\\\/](${outDir}|node_modules)([\\\\/]|$)`);
  cpSync(source, dir, { recursive: true, filter: (src) => !skipped.test(src.slice(source.length)) });
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, '.gitignore'), `node_modules\n${outDir}\n`);
  for (const [file, text] of Object.entries(extraFiles)) writeFileSync(join(dir, file), text);
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'published']]) {
    assert.equal(run('git', args, dir).status, 0, `git ${args.join(' ')}`);
  }
  return { dir, cleanup: () => rmSync(top, { recursive: true, force: true }) };
}

/** Files git sees changed or added in the copy since its commit (paths relative to it). */
export function touchedFiles(dir: string): string[] {
  const r = run('git', ['status', '--porcelain', '--untracked-files=all'], dir);
  return r.stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
}

/**
 * Export names of a built CommonJS entry and the median of 3 import times, each in a fresh node
 * process (ms around `require`, so node's own start-up is not counted).
 */
export function requireProbe(entry: string, cwd: string): { names: string[]; ms: number } {
  const script = `const t = process.hrtime.bigint(); const m = require(${JSON.stringify(entry)}); console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6, names: Object.keys(m).sort() }));`;
  const runs = Array.from({ length: 3 }, () => {
    const r = run(process.execPath, ['-e', script], cwd);
    assert.equal(r.status, 0, `require ${entry}:\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; names: string[] };
  });
  return { names: runs[0]!.names, ms: runs.map((r) => r.ms).sort((a, b) => a - b)[1]! };
}

/** Added plus removed lines of a unified diff (file headers not counted). */
export function changedLines(diff: string): number {
  return diff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
}

/** The files among `files` that the installed prettier (in `modules`) finds clean in `dir`, in one prettier run. */
export function prettierClean(modules: string, dir: string, files: string[]): Set<string> {
  const r = run(process.execPath, [join(modules, 'prettier/bin/prettier.cjs'), '--list-different', ...files], dir);
  assert.ok(r.status === 0 || r.status === 1, `prettier --list-different: ${r.stderr}`);
  const different = new Set(r.stdout.split('\n').filter(Boolean));
  return new Set(files.filter((file) => !different.has(file)));
}
