import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The scripts that run INSIDE the measured child process. They are kept as source text and
// written to a temp dir per measurement because they must be plain JavaScript that Node loads
// before the user's code, whether lazify itself runs from dist/ or from src/ through tsx
// (tsc does not copy .cjs/.mjs files, and a TypeScript file would need a loader in the child
// that would also transform, and so slow down, the code being measured).
//
// Every record is one JSON line written synchronously to a pipe lazify opened for the run
// (fd 3 for the main thread's events, fd 4 for the ESM hooks' edges; no environment variable
// names them). Writing as we go (instead of once at exit) is what lets lazify say which module
// was loading when a run hung and had to be killed; a small write costs a few microseconds.
// Timestamps are `performance.timeOrigin + performance.now()`: absolute milliseconds, so the
// main thread and the ESM hooks thread (a separate worker) can be compared.
//
// The measured code runs in the same process and could write to those pipes too, so every
// line carries an HMAC (with a sequence number) under a per-run key that lazify writes to the
// child's stdin and closes: the preload reads it before any of the package's code runs, keeps
// it in a closure, and hands it to the hooks thread through a global it deletes at once. The
// parent keeps only lines whose HMAC checks out (verify-run-records.ts). The functions the
// recorder uses are captured before the package's code runs, so patching JSON.stringify or
// fs.writeSync later changes nothing. What this cannot stop: code that reads its own process's
// memory (node:inspector on itself, /proc/self/mem, a native addon) can find the key.

/**
 * `--require` preload: the run key, the recorder on globalThis, CommonJS timing and the exit record.
 *
 * CommonJS bodies run synchronously and nest: `Module.prototype.load` is called once per
 * module, on its first load only (cache hits return before it), and returns after the body
 * and everything it required have run. So its interval is the module's cumulative time and
 * `this.parent` is the module that pulled it in first. The resolution of a specifier happens
 * in `Module._load` before `load`, so it counts towards the importer's self time.
 */
const CJS_HOOK = String.raw`'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const { createHmac } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const stringify = JSON.stringify;
const writeSync = fs.writeSync;
const readSync = fs.readSync;
const perfNow = performance.now.bind(performance);
const resourceUsage = process.resourceUsage.bind(process);
const origin = performance.timeOrigin;
const EVENTS_FD = 3;
// The key line on stdin (see above). A pipe's reader can be told to wait (EAGAIN): retry.
function readKey() {
  const buffer = Buffer.alloc(128);
  let text = '';
  while (!text.includes('\n')) {
    let n;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if (error.code === 'EAGAIN') continue;
      throw error;
    }
    if (n === 0) break;
    text += buffer.toString('utf8', 0, n);
  }
  return text.trim();
}
const key = readKey();
const sign = (text) => createHmac('sha256', key).update(text).digest('hex');
const now = () => origin + perfNow();
let sequence = 0;
const emit = (record) => {
  const line = stringify(record);
  const n = sequence++;
  writeSync(EVENTS_FD, n + '\t' + line + '\t' + sign(n + '\t' + line) + '\n');
};
// ES module bodies call s/e (injected by the hooks with a tag only the hooks can compute for
// that URL), so the package's own code cannot add a module or a time it never ran.
const verifiedUrls = new Set();
const tagged = (url, tag) => {
  if (verifiedUrls.has(url + '\0' + tag)) return true;
  if (typeof url !== 'string' || tag !== sign('module\t' + url)) return false;
  verifiedUrls.add(url + '\0' + tag);
  return true;
};
const recorder = Object.freeze({
  s(url, tag) { const ts = now(); if (tagged(url, tag)) emit({ t: 's', k: 'esm', f: url, ts }); },
  e(url, tag) { const ts = now(); if (tagged(url, tag)) emit({ t: 'e', f: url, ts }); },
});
Object.defineProperty(globalThis, '__lazifyImportTime', { value: recorder, enumerable: false });
// The runner (loaded as the main script, before the package's code) takes these from here once.
let runnerTaken = false;
Object.defineProperty(globalThis, '__lazifyRunner', {
  configurable: true,
  enumerable: false,
  get() {
    delete globalThis.__lazifyRunner;
    if (runnerTaken) return undefined;
    runnerTaken = true;
    return { now, emit, finish() { finished = true; }, maxRss: () => resourceUsage().maxRSS };
  },
});
if (process.env.LAZIFY_ESM_HOOKS === '1') {
  // esm-register.mjs (an --import preload, after tsx's) takes the key and deletes this.
  Object.defineProperty(globalThis, '__lazifyRunKey', { configurable: true, enumerable: false, value: key });
}
delete process.env.LAZIFY_ESM_HOOKS;
let finished = false;
// Files whose load is open, innermost last. When ESM imports a CommonJS module, Node's ESM
// translator pre-creates cache entries (without a parent) for what it re-exports, so a later
// require() of those loads a module whose this.parent is unset: the open load is its parent.
const loading = [];
const originalLoad = Module.prototype.load;
Module.prototype.load = function lazifyTimedLoad(filename) {
  const parent = this.parent ? this.parent.filename : loading[loading.length - 1];
  emit({ t: 's', k: 'cjs', f: filename, p: parent, ts: now() });
  loading.push(filename);
  let ok = false;
  try {
    const result = originalLoad.call(this, filename);
    ok = true;
    return result;
  } finally {
    loading.pop();
    emit(ok ? { t: 'e', f: filename, ts: now() } : { t: 'x', f: filename, ts: now() });
  }
};
// A process.exit() from a module, told apart from the event loop running dry while the entry is
// still loading (a top-level await that never settles), which also ends in 'exit'.
let explicitExit = false;
const originalExit = process.exit;
process.exit = function lazifyRecordedExit(code) {
  explicitExit = true;
  return originalExit.call(process, code);
};
process.on('exit', (code) => {
  if (!finished) emit({ t: 'exit', code, explicit: explicitExit, ts: now(), maxRss: resourceUsage().maxRSS });
});
`;

/** `--import` preload: registers the ESM hooks (after tsx's, so ours see tsx's JavaScript). */
const ESM_REGISTER = String.raw`import { register } from 'node:module';
const key = globalThis.__lazifyRunKey;
delete globalThis.__lazifyRunKey;
register('./esm-hooks.mjs', import.meta.url, { data: { key } });
`;

/**
 * ESM hooks, on Node's hooks thread.
 *
 * ES modules are linked first and evaluated afterwards in a depth-first post-order, so a
 * module's body runs only after all of its imports have run: there is no call to wrap that
 * spans "the module and what it pulled in". We therefore record two things:
 * - resolve: every (importer, imported) pair in request order, with a timestamp. lazify replays
 *   Node's evaluation order over these edges to find which importer loaded each module first,
 *   and an edge resolved after the importer's body started is a dynamic import().
 * - load: the body's own start and end, by injecting a call at the very start of the first
 *   line (no newline added, so line numbers and inline source maps stay valid) and one on a
 *   new last line (before a trailing sourceMappingURL comment, which must stay last).
 * A CPU profile (--cpu-prof) was the alternative; it samples (1 ms by default) and attributes
 * time to functions, not reliably to a module's top level, so it is too coarse for self time.
 * Cumulative time is then the module's body plus its first-loaded children's cumulative time.
 */
const ESM_HOOKS = String.raw`import fs from 'node:fs';
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
const EDGES_FD = 4;
let key = '';
let sequence = 0;
const sign = (text) => createHmac('sha256', key).update(text).digest('hex');
const now = () => performance.timeOrigin + performance.now();
export function initialize(data) {
  key = data.key;
}
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (context.parentURL && !result.url.startsWith('node:')) {
    const line = JSON.stringify({ from: context.parentURL, to: result.url, ts: now() });
    const n = sequence++;
    fs.writeSync(EDGES_FD, n + '\t' + line + '\t' + sign(n + '\t' + line) + '\n');
  }
  return result;
}
const SOURCE_MAP_COMMENT = /\n\/\/[#@] sourceMappingURL=[^\n]*\s*$/;
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result.format !== 'module' || result.source == null) return result;
  let source = typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  const tag = JSON.stringify(sign('module\t' + url));
  const prologue = 'globalThis.__lazifyImportTime?.s(import.meta.url,' + tag + ');';
  const epilogue = '\n;globalThis.__lazifyImportTime?.e(import.meta.url,' + tag + ');';
  // A hashbang must stay the very first characters: put the prologue at the start of line 2.
  if (source.startsWith('#!')) {
    const lineEnd = source.indexOf('\n');
    source = lineEnd === -1 ? source + '\n' + prologue : source.slice(0, lineEnd + 1) + prologue + source.slice(lineEnd + 1);
  } else {
    source = prologue + source;
  }
  const map = SOURCE_MAP_COMMENT.exec(source);
  source = map ? source.slice(0, map.index) + epilogue + source.slice(map.index) : source + epilogue + '\n';
  return { ...result, source };
}
`;

/**
 * The measured program: loads the entry the way a user would (require for CommonJS, import()
 * for ESM) between two timestamps, then exits on purpose so that servers or timers started at
 * import time do not keep the run alive.
 */
const RUNNER = String.raw`import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const recorder = globalThis.__lazifyRunner;
const [entry, mode] = process.argv.slice(2);
recorder.emit({ t: 'begin', ts: recorder.now() });
try {
  if (mode === 'require') createRequire(import.meta.url)(entry);
  else await import(pathToFileURL(entry).href);
  recorder.emit({ t: 'done', ts: recorder.now(), maxRss: recorder.maxRss() });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  recorder.emit({ t: 'threw', ts: recorder.now(), message, stack: error instanceof Error ? error.stack : undefined, maxRss: recorder.maxRss() });
}
recorder.finish();
process.exit(0);
`;

/** Absolute paths of the child scripts written by {@link writeChildScripts}. */
export interface ChildScripts {
  dir: string;
  cjsHook: string;
  esmRegister: string;
  runner: string;
}

/** Writes the child-side scripts to a fresh temp dir. The caller removes `dir` when done. */
export function writeChildScripts(): ChildScripts {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-measure-'));
  const scripts = {
    dir,
    cjsHook: join(dir, 'cjs-hook.cjs'),
    esmRegister: join(dir, 'esm-register.mjs'),
    runner: join(dir, 'runner.mjs'),
  };
  writeFileSync(scripts.cjsHook, CJS_HOOK);
  writeFileSync(scripts.esmRegister, ESM_REGISTER);
  writeFileSync(join(dir, 'esm-hooks.mjs'), ESM_HOOKS);
  writeFileSync(scripts.runner, RUNNER);
  return scripts;
}
