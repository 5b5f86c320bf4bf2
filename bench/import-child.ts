// One cold import in a fresh process: `node dist/bench/import-child.js <entry file> require|import`.
// Prints `{"ms", "cpuMs", "exports"}`: wall and CPU time of the require/import call, and the
// entry's export names (so the parent can tell a rewrite kept the API); the parent times the whole process.
// CPU time is printed because on a loaded machine wall time mostly measures waiting for a core.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [entry, mode] = process.argv.slice(2);
if (!entry || (mode !== 'require' && mode !== 'import')) {
  console.error('usage: import-child.js <entry file> require|import');
  process.exit(2);
}
const cpuStart = process.cpuUsage();
const start = performance.now();
const loaded: unknown = mode === 'require' ? createRequire(import.meta.url)(entry) : await import(pathToFileURL(entry).href);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const exports = Object.keys(loaded as object).filter((name) => name !== '__esModule').sort();
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, exports }));
