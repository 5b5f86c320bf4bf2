// The built CLI (`npm run build` first) on temp copies of the fixtures.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');
const lazify = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

/** Every file under dir with its size and mtime, to prove analyze wrote nothing. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        out.push(`${path} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

test('analyze gateway-cjs: text report with ranked findings and the cost tree; writes nothing', () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  try {
    const before = snapshot(dir);
    const result = lazify('analyze', dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^gateway-cjs \(src\/index\.ts\): importing it loads [\d.]+ MB in \d+ modules/);
    assert.match(result.stdout, /Findings \(\d+, biggest savings first\)/);
    assert.match(result.stdout, /src\/utils\.ts:\d+ eager-init encoder /);
    assert.match(result.stdout, /Cost tree/);
    assert.match(result.stdout, /js-tiktoken@\d/);
    assert.doesNotMatch(result.stdout, /\x1b\[/, 'no colours when stdout is not a TTY');
    assert.deepEqual(snapshot(dir), before);
  } finally {
    cleanup();
  }
});

test('analyze --format json: schema v1 with modules, registry entries and cycle files', () => {
  const { dir, cleanup } = copyFixture('gateway-cjs');
  try {
    const result = lazify('analyze', dir, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.entry, 'src/index.ts');
    const utils = report.modules.find((m: { id: string }) => m.id === 'src/utils.ts');
    assert.ok(utils.exclusiveSize > 0 && utils.cumulativeSize >= utils.exclusiveSize);
    const registry = report.findings.find((f: { kind: string }) => f.kind === 'registry');
    assert.ok(registry.entries.length >= 12);
    assert.ok(registry.entries.every((e: { module?: string }) => typeof e.module === 'string'));
    const cycle = report.findings.find((f: { kind: string }) => f.kind === 'cycle');
    assert.ok(cycle.files.includes('src/utils.ts'));
  } finally {
    cleanup();
  }
});

test('analyze --format markdown and --entry', () => {
  const { dir, cleanup } = copyFixture('gateway-esm');
  try {
    const result = lazify('analyze', dir, '--format', 'markdown', '--entry', 'src/router.ts');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^### lazify: `gateway-esm`/);
    assert.match(result.stdout, /Importing `src\/router\.ts` loads \*\*/);
  } finally {
    cleanup();
  }
});

test('unusable input: exit 2 with one line naming the problem, no stack', () => {
  const empty = writeTempProject({ 'index.js': '' });
  const noEntry = writeTempProject({ 'package.json': JSON.stringify({ main: 'dist/gone.js' }) });
  try {
    for (const [args, needle] of [
      [['analyze', empty.dir], empty.dir],
      [['analyze', noEntry.dir], 'dist/gone.js'],
      [['analyze', noEntry.dir, '--entry', 'nope.js'], 'nope.js'],
      [['analyze', join(empty.dir, 'missing-dir')], 'missing-dir'],
    ] as const) {
      const result = lazify(...args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.ok(result.stderr.includes(needle), result.stderr);
      assert.doesNotMatch(result.stderr, /\bat /);
    }
  } finally {
    empty.cleanup();
    noEntry.cleanup();
  }
});

test('analyze keeps what it read of installed packages in LAZIFY_CACHE_DIR, never in the project; --no-cache keeps nothing', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  const cache = mkdtempSync(join(tmpdir(), 'lazify-cli-cache-'));
  try {
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'analyze', dir, '--format', 'json', ...args], { encoding: 'utf8', env: { ...process.env, LAZIFY_CACHE_DIR: cache } });
    const before = snapshot(dir);
    const uncached = run('--no-cache');
    assert.equal(uncached.status, 0, uncached.stderr);
    assert.deepEqual(readdirSync(cache), [], '--no-cache writes no cache');
    const cold = run();
    const warm = run();
    assert.equal(cold.status, 0, cold.stderr);
    assert.equal(readdirSync(join(cache, 'installed-files')).length, 1);
    assert.equal(cold.stdout, uncached.stdout);
    assert.equal(warm.stdout, uncached.stdout);
    assert.deepEqual(snapshot(dir), before);
  } finally {
    rmSync(cache, { recursive: true, force: true });
    cleanup();
  }
});
