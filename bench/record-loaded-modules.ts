// `node --import dist/bench/record-loaded-modules.js ...`: at exit, writes the files the process
// loaded (one absolute path a line) to $LAZIFY_LOADED_MODULES_FILE. ES modules are seen by a
// load hook (Node runs it on its hooks thread, which appends each URL as it loads); CommonJS
// modules required from CommonJS never reach that hook, so the CommonJS cache is added at exit.
// The hooks thread slows loading: time a command without this preload, count with it.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const output = process.env.LAZIFY_LOADED_MODULES_FILE;
if (output) {
  register('./loaded-modules-hooks.js', import.meta.url, { data: { output } });
  process.on('exit', () => {
    const cjs = Object.keys(createRequire(import.meta.url).cache);
    appendFileSync(output, cjs.map((file) => `${file}\n`).join(''));
  });
}
