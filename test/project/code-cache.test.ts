// src/project/code-cache.cts keeps V8's compiled code of one CommonJS file (TypeScript) between
// runs. Each case runs a fresh Node, as a lazify run is: the code is kept when the process ends,
// used by the next one, and a file that changed, or kept code that is not V8's, only means
// compiling afresh: the module always loads and behaves the same.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const codeCacheModule = join(repoRoot, 'src/project/code-cache.cts');

/** Requires `file` in a fresh Node with its code kept in `cacheDir` (undefined: none); what it exports. */
function requireInFreshNode(file: string, cacheDir: string | undefined, flags: string[] = []): unknown {
  const script = `require(${JSON.stringify(codeCacheModule)}).compileWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
const m = require(${JSON.stringify(file)});
console.log(JSON.stringify({ answer: m.answer, doubled: m.double(21), name: m.double.name, filename: m.filename, word: m.word }));`;
  const run = spawnSync(process.execPath, [...flags, '--import', 'tsx', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

const keptCode = (cacheDir: string) => {
  try {
    return readdirSync(join(cacheDir, 'compiled')).map((name) => join(cacheDir, 'compiled', name));
  } catch {
    return [];
  }
};

test('the compiled code is kept by the first run and used by the next; a changed file or broken kept code compiles afresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-code-cache-'));
  try {
    const file = join(dir, 'module.js');
    const cacheDir = join(dir, 'cache');
    writeFileSync(file, 'exports.answer = 6 * 7;\nexports.double = function double(x) { return x * 2; };\nexports.filename = __filename;\n');
    const expected = { answer: 42, doubled: 42, name: 'double', filename: file };

    assert.deepEqual(requireInFreshNode(file, cacheDir), expected);
    const [kept] = keptCode(cacheDir);
    assert.ok(kept, 'kept when the first run ended');
    const keptAt = statSync(kept).mtimeMs;
    assert.deepEqual(requireInFreshNode(file, cacheDir), expected);
    assert.deepEqual(keptCode(cacheDir), [kept]);
    assert.equal(statSync(kept).mtimeMs, keptAt, 'V8 took the kept code: nothing written again');

    // Other V8 flags: a copy of their own, and the first is left as it was for runs without them.
    assert.deepEqual(requireInFreshNode(file, cacheDir, ['--max-semi-space-size=32']), expected);
    assert.equal(keptCode(cacheDir).length, 2);
    assert.deepEqual(requireInFreshNode(file, cacheDir), expected);
    assert.equal(statSync(kept).mtimeMs, keptAt, 'the kept code of runs without the flags is still V8\'s');
    rmSync(keptCode(cacheDir).find((code) => code !== kept)!);

    // Bytes that are not V8's code: rejected, compiled afresh, and kept again.
    writeFileSync(kept, Buffer.alloc(4096, 7));
    assert.deepEqual(requireInFreshNode(file, cacheDir), expected);
    assert.notEqual(statSync(kept).size, 4096);

    // The same length, another text: another name, so never the old code.
    writeFileSync(file, 'exports.answer = 7 * 6;\nexports.double = function double(y) { return y + y; };\nexports.filename = __filename;\n');
    assert.deepEqual(requireInFreshNode(file, cacheDir), expected);
    assert.equal(keptCode(cacheDir).length, 2);

    // Not ASCII, with a byte order mark: read as UTF-8 without the mark, as Node reads it.
    writeFileSync(file, '\uFEFFexports.answer = 42;\nexports.double = (x) => 2 * x;\nexports.double = function double(x) { return x * 2; };\nexports.filename = __filename;\nexports.word = "café ☕";\n');
    assert.deepEqual(requireInFreshNode(file, cacheDir), { ...expected, word: 'café ☕' });
    assert.deepEqual(requireInFreshNode(file, cacheDir), { ...expected, word: 'café ☕' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with no cache directory (LAZIFY_DISABLE_CACHE, --no-cache) nothing is kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-code-cache-'));
  try {
    const file = join(dir, 'module.js');
    writeFileSync(file, 'exports.answer = 42;\nexports.double = function double(x) { return x * 2; };\nexports.filename = __filename;\n');
    assert.deepEqual(requireInFreshNode(file, undefined), { answer: 42, doubled: 42, name: 'double', filename: file });
    assert.deepEqual(readdirSync(dir), ['module.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an API call\'s cacheDir covers TypeScript\'s compiled code when that call loads TypeScript: false keeps it nowhere, a directory keeps it there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-code-cache-api-'));
  try {
    const fromEnvironment = join(dir, 'environment');
    const chosen = join(dir, 'chosen');
    const fixture = join(repoRoot, 'fixtures/gateway-cjs');
    const analyzeInFreshNode = (cacheDir: string | false | undefined) => {
      const options = cacheDir === undefined ? '{}' : `{ cacheDir: ${JSON.stringify(cacheDir)} }`;
      // The built API, as a library user loads it (under tsx, the ES module import of the .cts
      // file and TypeScript's require of it are two instances).
      const script = `const { analyze } = await import(${JSON.stringify(join(repoRoot, 'dist/src/index.js'))});\nconst report = await analyze(${JSON.stringify(fixture)}, ${options});\nconsole.log(report.findings.length);`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LAZIFY_CACHE_DIR: fromEnvironment, LAZIFY_DISABLE_CACHE: '' } });
      assert.equal(run.status, 0, run.stderr);
      assert.ok(Number(run.stdout.trim()) > 0, 'the analysis ran');
    };
    analyzeInFreshNode(false);
    assert.deepEqual(keptCode(fromEnvironment), [], 'cacheDir: false keeps no compiled code');
    analyzeInFreshNode(chosen);
    assert.equal(keptCode(chosen).length, 1, 'kept in the directory the call names');
    assert.deepEqual(keptCode(fromEnvironment), []);
    analyzeInFreshNode(undefined);
    assert.equal(keptCode(fromEnvironment).length, 1, 'without cacheDir, where the environment says');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
