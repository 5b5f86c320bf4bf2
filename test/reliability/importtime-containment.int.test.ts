// importtime contains what it runs: the measured program and everything it starts are killed at
// its exit, at the timeout and when lazify is stopped; the temp dir goes; the measured code
// cannot forge the report. Real child processes on throwaway projects; the only time bounds
// are generous ceilings (a 2 s timeout must not run past 10 s), never timing values.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { measure, LazifyError, type ImportTimeNode, type ImportTimeResult } from '../../src/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((cleanup) => cleanup()));

function project(files: Record<string, string>): string {
  const { dir, cleanup } = writeTempProject(files);
  cleanups.push(cleanup);
  return dir;
}

/** A fresh directory to serve as TMPDIR, so the test can see what lazify left in it. */
function freshTmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-tmpdir-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** measure() with os.tmpdir() pointed at `tmp` for its duration. */
async function measureIn(tmp: string, target: string, options: Parameters<typeof measure>[1]): Promise<ImportTimeResult> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    return await measure(target, options);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** Alive and not a zombie (an orphan killed here may wait for a reaper that never comes). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]!);
  } catch {
    return process.platform !== 'linux';
  }
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** Pids the measured code wrote to `<dir>/pids/*` (one file per process it started). */
function pidsIn(dir: string): number[] {
  const folder = join(dir, 'pids');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => Number(readFileSync(join(folder, name), 'utf8')));
}

/** Waits (a few seconds at most: the kill is a SIGKILL) until every listed process is gone; returns the survivors. */
async function survivors(pids: number[]): Promise<number[]> {
  await waitUntil(() => pids.every((pid) => !isAlive(pid)), 5_000);
  const alive = pids.filter(isAlive);
  for (const pid of alive) process.kill(pid, 'SIGKILL'); // do not leave them to the next test
  return alive;
}

function ids(nodes: ImportTimeNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...ids(node.children)]);
}

// CommonJS helpers the measured modules use: record a pid, start a process that sleeps.
const RECORD = `const fs = require('node:fs'); const path = require('node:path');
const record = (name, pid) => { fs.mkdirSync(path.join(__dirname, 'pids'), { recursive: true }); fs.writeFileSync(path.join(__dirname, 'pids', name), String(pid)); };
const { spawn } = require('node:child_process');
const sleeper = (options) => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], options);
`;

test('a detached grandchild (its own session) that sleeps is killed when the run ends; temp dir removed', async () => {
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': `${RECORD}record('self', process.pid);
const child = sleeper({ detached: true, stdio: 'ignore' }); child.unref(); record('detached', child.pid);
const group = sleeper({ stdio: 'ignore' }); group.unref(); record('in-group', group.pid);
module.exports = 1;\n`,
  });
  const tmp = freshTmp();
  const result = await measureIn(tmp, dir, { runs: 1, timeoutMs: 20_000 });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  const pids = pidsIn(dir);
  assert.equal(pids.length, 3);
  assert.deepEqual(await survivors(pids), []);
  assert.deepEqual(readdirSync(tmp), []);
});

test('a child that inherits stdio and hangs does not hold the run open: a 2 s timeout ends within 10 s, group killed', async () => {
  // The entry itself hangs too (a timer keeps it alive and the import never finishes).
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': `${RECORD}record('self', process.pid);
const child = sleeper({ stdio: 'inherit' }); record('inherits-stdio', child.pid);
const detached = sleeper({ stdio: 'inherit', detached: true }); record('detached-inherits-stdio', detached.pid);
const start = Date.now(); while (Date.now() - start < 60_000) {}\n`,
  });
  const tmp = freshTmp();
  const started = Date.now();
  const result = await measureIn(tmp, dir, { runs: 1, timeoutMs: 2_000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 10_000, `a 2 s timeout took ${elapsed} ms`);
  assert.ok(result.diagnostics.some((d) => d.code === 'import-timeout'), JSON.stringify(result.diagnostics));
  const pids = pidsIn(dir);
  assert.equal(pids.length, 3);
  assert.deepEqual(await survivors(pids), []);
  assert.deepEqual(readdirSync(tmp), []);
});

test('an entry that finishes while a stdio-inheriting child keeps running: the run ends, the child is killed', async () => {
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': `${RECORD}const child = sleeper({ stdio: 'inherit' }); record('inherits-stdio', child.pid);
module.exports = 1;\n`,
  });
  const tmp = freshTmp();
  const started = Date.now();
  const result = await measureIn(tmp, dir, { runs: 2, timeoutMs: 30_000 });
  assert.ok(Date.now() - started < 20_000);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(result.runs, 2);
  assert.deepEqual(await survivors(pidsIn(dir)), []);
  assert.deepEqual(readdirSync(tmp), []);
});

test('the temp dir is removed after a run that throws', async () => {
  const dir = project({ 'package.json': '{"name":"p","main":"index.js"}', 'index.js': "throw new Error('boom');\n" });
  const tmp = freshTmp();
  const result = await measureIn(tmp, dir, { runs: 1 });
  assert.ok(result.diagnostics.some((d) => d.code === 'import-threw'));
  assert.deepEqual(readdirSync(tmp), []);
});

test('the measured code cannot forge the report: no events file in its environment, unsigned lines on the pipes and unsigned recorder calls are ignored', async () => {
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': `require('./forger'); require('./real');\nmodule.exports = 1;\n`,
    'real.js': 'module.exports = 2;\n',
    'forger.js': `const fs = require('node:fs'); const path = require('node:path');
// What the process offers: environment variables, globals, stdin.
const seen = {
  env: Object.keys(process.env).filter((k) => k.startsWith('LAZIFY')),
  files: Object.entries(process.env).filter(([, v]) => /events|edges|\\.jsonl/.test(v)).map(([k]) => k),
  recorderKeys: Object.getOwnPropertyNames(globalThis.__lazifyImportTime || {}),
  runner: typeof globalThis.__lazifyRunner, key: typeof globalThis.__lazifyRunKey,
  stdin: fs.readFileSync(0, 'utf8'),
};
fs.writeFileSync(path.join(__dirname, 'seen.json'), JSON.stringify(seen));
// Forge through every channel: the old events-file variable, the pipes in the old and the new line format, the recorder.
for (const name of ['LAZIFY_EVENTS_FILE', 'LAZIFY_EDGES_FILE']) if (process.env[name]) fs.appendFileSync(process.env[name], '{"t":"s","k":"cjs","f":"/forged/env.js","ts":0}\\n');
const fake = (f) => JSON.stringify({ t: 's', k: 'cjs', f, ts: 1 });
for (const fd of [3, 4]) {
  for (const line of [fake('/forged/plain.js'), '999\\t' + fake('/forged/unsigned.js') + '\\t' + 'ab'.repeat(32), JSON.stringify({ t: 'done', ts: 2, maxRss: 1 })]) {
    try { fs.writeSync(fd, line + '\\n'); } catch {}
  }
  try { fs.writeSync(fd, JSON.stringify({ from: 'file:///forged/a.mjs', to: 'file:///forged/b.mjs', ts: 1 }) + '\\n'); } catch {}
}
const r = globalThis.__lazifyImportTime;
if (r) { r.s('file:///forged/esm.mjs'); r.e('file:///forged/esm.mjs'); r.s('file:///forged/esm2.mjs', 'ab'.repeat(32)); r.e('file:///forged/esm2.mjs', 'ab'.repeat(32)); }
try { r.emit({ t: 'done', ts: 3, maxRss: 1 }); } catch {}
`,
  });
  const result = await measure(dir, { runs: 1 });
  const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8'));
  assert.deepEqual(seen.files, [], 'no environment variable names an events file');
  assert.deepEqual(seen.recorderKeys.sort(), ['e', 's'], 'the global recorder offers only the signed module marks');
  assert.equal(seen.runner, 'undefined');
  assert.equal(seen.key, 'undefined');
  assert.equal(seen.stdin, '', 'the key was consumed from stdin before the package ran');
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(ids(result.tree).sort(), ['forger.js', 'index.js', 'real.js']);
  assert.ok(!JSON.stringify(result).includes('forged/'), 'no forged module anywhere in the result');
  const warning = result.diagnostics.find((d) => d.code === 'forged-records');
  assert.ok(warning, 'the forged lines are reported');
  assert.match(warning.message, /ignored \d+ record line/);
});

test('a forged "done" record does not hide a module that throws', async () => {
  const dir = project({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': `const fs = require('node:fs');
const done = JSON.stringify({ t: 'done', ts: 1, maxRss: 1 }) + '\\n';
try { fs.writeSync(3, done); } catch {}
if (process.env.LAZIFY_EVENTS_FILE) { fs.appendFileSync(process.env.LAZIFY_EVENTS_FILE, done); process.exit(0); }
throw new Error('real failure');\n`,
  });
  const result = await measure(dir, { runs: 1 });
  assert.ok(result.diagnostics.some((d) => d.code === 'import-threw' && /real failure/.test(d.message)), JSON.stringify(result.diagnostics));
});

test('an ES module cannot add a module or time through the recorder without the tag the hooks gave it', async () => {
  const dir = project({
    'package.json': '{"name":"p","type":"module","main":"index.js"}',
    'index.js': `import './a.js';
const r = globalThis.__lazifyImportTime;
r.s('file:///forged/esm.mjs'); r.e('file:///forged/esm.mjs');
r.s(import.meta.url); r.e(import.meta.url);
export const x = 1;\n`,
    'a.js': 'export const a = 1;\n',
  });
  const result = await measure(dir, { runs: 1 });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(ids(result.tree).sort(), ['a.js', 'index.js']);
  assert.ok(!JSON.stringify(result).includes('forged/'));
});

test('timeouts past the timer limit, zero, negative, NaN or infinite are refused (LazifyError), not run', async () => {
  const dir = project({ 'package.json': '{"name":"p","main":"index.js"}', 'index.js': 'module.exports = 1;\n' });
  for (const timeoutMs of [2 ** 31, 3_000_000_000, Number.POSITIVE_INFINITY, Number.NaN, 0, -1]) {
    await assert.rejects(measure(dir, { runs: 1, timeoutMs }), (error: unknown) => error instanceof LazifyError && /timeout/.test(error.message), `timeoutMs ${timeoutMs}`);
  }
  const atLimit = await measure(dir, { runs: 1, timeoutMs: 2 ** 31 - 1 });
  assert.equal(atLimit.runs, 1);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} to lazify during a measure kills the measured group and its detached grandchild, removes the temp dir`, async () => {
    const dir = project({
      'package.json': '{"name":"p","main":"index.js"}',
      'index.js': `${RECORD}record('self', process.pid);
const child = sleeper({ detached: true, stdio: 'ignore' }); child.unref(); record('detached', child.pid);
const group = sleeper({ stdio: 'inherit' }); record('in-group', group.pid);
const start = Date.now(); while (Date.now() - start < 120_000) {}\n`,
    });
    const tmp = freshTmp();
    const lazify = spawn(process.execPath, [join(repoRoot, 'dist/src/cli/index.js'), 'importtime', dir, '--runs', '1', '--timeout', '120'], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => lazify.on('exit', (code, sig) => resolve({ code, signal: sig })));
    try {
      assert.ok(await waitUntil(() => pidsIn(dir).length === 3, 60_000), 'the measured code started');
      const stoppedAt = Date.now();
      lazify.kill(signal);
      const outcome = await exited;
      assert.ok(Date.now() - stoppedAt < 10_000);
      assert.equal(outcome.signal, signal, 'lazify ends by the signal it was sent');
      assert.deepEqual(await survivors(pidsIn(dir)), []);
      assert.deepEqual(readdirSync(tmp), []);
    } finally {
      lazify.kill('SIGKILL');
    }
  });
}
