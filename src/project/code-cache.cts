// V8's compiled code of one big CommonJS file (TypeScript's 9 MB compiler), kept between runs in
// lazify's cache directory, as Node 22's `module.enableCompileCache()` keeps it for every module
// (Node 20 has none). Compiling TypeScript is about a third of what loading it costs, and every
// `lazify analyze` that parses anything loads it. The code kept is what V8 compiled by the end of
// the first run (the parser's functions too, compiled as they were first called), so a later run
// neither compiles the file nor those functions.
//
// The file is read and run as Node's CommonJS loader would (its `.js` handler, for that one file).
// V8 checks the kept code against the source, its own version and flags, and compiles afresh when
// it does not match (then the code is kept again). The file is written whole or not at all (a
// temporary file renamed), and nothing is an error: no cache directory, or one that cannot be
// written, means compiling as Node does.
import buffer = require('node:buffer');
import crypto = require('node:crypto');
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

interface CompilingModule {
  exports: unknown;
}

type LoadExtension = (module: CompilingModule, filename: string) => void;

/** Node's CommonJS loader; `_cache` is `require.cache` (which a loader hook such as tsx's may leave out). */
const Module = nodeModule.Module as unknown as { wrap(content: string): string; _cache: Record<string, unknown>; _extensions: Record<string, LoadExtension> };

/**
 * Makes the next `require()` of `file` compile it with the code kept in `cacheDir` (see the
 * file's header), or keep the code for the next run. Undefined `cacheDir`: nothing changes.
 */
export function compileWithCodeCache(file: string, cacheDir: string | undefined): void {
  // Loaded already (ts-morph first): no later compile of it to wait for.
  if (cacheDir === undefined || Module._cache[file]) return;
  const loadJs = Module._extensions['.js']!;
  Module._extensions['.js'] = function (this: unknown, module: CompilingModule, filename: string) {
    if (filename !== file) return loadJs.call(this, module, filename);
    Module._extensions['.js'] = loadJs;
    let keptFile: string | undefined;
    let kept: Buffer | undefined;
    try {
      keptFile = path.join(cacheDir, 'compiled', `${codeKey(filename)}.bin`);
      kept = fs.readFileSync(keptFile);
    } catch {
      kept = undefined; // none yet
    }
    const script = new vm.Script(Module.wrap(sourceText(fs.readFileSync(filename))), { filename, cachedData: kept });
    if (keptFile && (!kept || script.cachedDataRejected)) process.once('exit', () => keep(keptFile, script));
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: CompilingModule, filename: string, dirname: string) => unknown;
    wrapper.call(module.exports, module.exports, nodeModule.createRequire(filename), module, filename, path.dirname(filename));
  };
}

/**
 * The text of a source file's bytes, as Node's loader reads it (UTF-8, without a byte order
 * mark). TypeScript's compiler is ASCII: decoded as Latin-1, the same text, about 90 ms sooner.
 */
function sourceText(bytes: Buffer): string {
  if (buffer.isAscii(bytes)) return bytes.toString('latin1');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The kept code's name: the Node that compiled it, with its flags (V8 rejects code compiled under
 * other flags: runs that alternate them keep a copy each instead of compiling afresh by turns), the
 * file and its stat (any write moves its times; a reinstall gives a new inode). V8's own check of
 * the source compares only its length.
 */
function codeKey(filename: string): string {
  const stats = fs.statSync(filename);
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  const stamp = [process.version, process.arch, flags, filename, stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino].join('\0');
  return crypto.createHash('sha256').update(stamp).digest('hex').slice(0, 32);
}

function keep(keptFile: string, script: vm.Script): void {
  const temporary = `${keptFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(keptFile), { recursive: true });
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, keptFile);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
