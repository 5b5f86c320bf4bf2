// Real on real: ai-providers 2.1.3 from npm (a provider registry nobody here wrote) ships its
// TypeScript source, its vitest tests and its tsconfig. Installed once by name with its own
// dependency versions pinned, copied to a committed temp project, then: lazify apply, the
// package's own build (tsc with its tsconfig), its own tests (vitest), the same export names,
// no file touched outside its source, no new type error. Patch size and import time are printed.
//
// The published tsconfig extends the monorepo's `../../tsconfig.base.json`, which is not in the
// tarball: the set-up writes one (strict NodeNext, as the package's `.js` specifiers need) and
// installs @types/node, which the monorepo root provided.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const PACKAGE = 'ai-providers@2.1.3';
/** The versions its ranges resolved to when this test was written, and its test runner. */
const INSTALL = [PACKAGE, 'ai@5.0.277', 'language-models@2.1.3', 'vitest@2.1.9', 'dotenv@16.6.1', '@types/node@20.19.43'];
const cache = join(tmpdir(), 'lazify-real-ai-providers-2.1.3');

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
}

/** Installs the package and its pinned dependencies once per machine (shared by reruns). */
function install(): string {
  const modules = join(cache, 'node_modules');
  if (!existsSync(join(cache, 'installed'))) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), '{ "name": "lazify-real-package-cache", "private": true }\n');
    const r = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...INSTALL], cache);
    assert.equal(r.status, 0, `npm install ${INSTALL.join(' ')}:\n${r.stderr}`);
    writeFileSync(join(cache, 'installed'), '');
  }
  return modules;
}

/** A committed copy at <tmp>/packages/ai-providers with the base tsconfig its tsconfig extends. */
function copyPackage(modules: string): { dir: string; cleanup: () => void } {
  const top = mkdtempSync(join(tmpdir(), 'lazify-ai-providers-'));
  const dir = join(top, 'packages/ai-providers');
  cpSync(join(modules, 'ai-providers'), dir, { recursive: true, filter: (src) => !/[\\/](dist|\.turbo|node_modules)([\\/]|$)/.test(src.slice(modules.length)) });
  writeFileSync(
    join(top, 'tsconfig.base.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, declaration: true, sourceMap: true, esModuleInterop: true, skipLibCheck: true } }),
  );
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n');
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'published']]) {
    assert.equal(run('git', args, dir).status, 0);
  }
  return { dir, cleanup: () => rmSync(top, { recursive: true, force: true }) };
}

function build(dir: string): string {
  const r = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
  return `${r.stdout}${r.stderr}`.trim();
}

/** Each test's name and outcome from vitest's JSON report. */
function ownTests(dir: string, modules: string): Record<string, string> {
  const out = join(dir, 'vitest-report.json');
  run(process.execPath, [join(modules, 'vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${out}`], dir);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  rmSync(out);
  return Object.fromEntries(report.testResults.flatMap((f) => f.assertionResults.map((a) => [a.fullName, a.status])));
}

/** Export names of the built entry and the median of 5 import times (fresh node each, ms around `import()`). */
function importProbe(dir: string): { names: string[]; ms: number } {
  const script = `const t = process.hrtime.bigint(); const m = await import(${JSON.stringify(join(dir, 'dist/index.js'))}); console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6, names: Object.keys(m).sort() }));`;
  const runs = Array.from({ length: 5 }, () => JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], dir).stdout) as { ms: number; names: string[] });
  return { names: runs[0]!.names, ms: runs.map((r) => r.ms).sort((a, b) => a - b)[2]! };
}

test(`${PACKAGE}: apply, then its own build and tests pass as before, same exports, only its source touched`, { timeout: 1_200_000 }, async () => {
  const modules = install();
  const { dir, cleanup } = copyPackage(modules);
  try {
    assert.equal(build(dir), '', 'the published source builds');
    const testsBefore = ownTests(dir, modules);
    const before = importProbe(dir);
    const result = await apply(dir);
    assert.ok(result.written && result.changes.length > 0, 'lazify changes something');
    assert.deepEqual(result.blocked, [], 'no operation adds a type error');
    for (const change of result.changes) {
      assert.match(change.path, /^src\//, `${change.path} is outside the package source`);
      assert.doesNotMatch(change.path, /\.(test|spec)\./, `${change.path} is a test`);
    }
    assert.equal(build(dir), '', 'its own build (tsc, its tsconfig): no type error after apply');
    assert.deepEqual(ownTests(dir, modules), testsBefore, 'its own tests: every test has the outcome it had');
    const after = importProbe(dir);
    assert.deepEqual(after.names, before.names, 'the entry exports the same names');
    const lines = result.diff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
    const passed = Object.values(testsBefore).filter((s) => s === 'passed').length;
    console.log(
      `${PACKAGE}: ${result.changes.length} file(s), ${lines} line(s) changed; own tests ${passed}/${Object.keys(testsBefore).length} passed before and after;` +
        ` import of dist/index.js ${before.ms.toFixed(0)} ms -> ${after.ms.toFixed(0)} ms (median of 5 fresh node processes)`,
    );
  } finally {
    cleanup();
  }
});
