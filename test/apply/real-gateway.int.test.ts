// Real on real: apply on a gateway nobody here wrote. multi-llm-ts 5.1.1 (a devDependency,
// pinned) ships one CommonJS bundle, dist/index.js, that requires ten LLM SDKs at the top and
// uses them only inside engine code. After apply, requiring it loads none of those SDKs, the
// entry exports the same names, and every engine behaves as before (the same outcome and error
// for the same call, offline) while loading its own SDK on first use. Patch size and require
// time are printed, never asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { changedLines, requireProbe } from '../helpers/real-package.js';

const PACKAGE = join(repoRoot, 'node_modules/multi-llm-ts');
/** Engine name -> the SDK it talks through. */
const ENGINE_SDK: Record<string, string> = {
  openai: 'openai',
  anthropic: '@anthropic-ai/sdk',
  google: '@google/genai',
  mistralai: '@mistralai/mistralai',
  groq: 'groq-sdk',
};
const ENGINES = Object.keys(ENGINE_SDK);
const SDKS = Object.values(ENGINE_SDK);

/**
 * A copy of the package as a project of its own: dist and package.json copied, and a
 * node_modules of links to the repository's packages, overridden by the package's own nested
 * ones, so everything resolves to the same files as in place.
 */
function copyPackage(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-multi-llm-ts-'));
  cpSync(join(PACKAGE, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(PACKAGE, 'package.json'), join(dir, 'package.json'));
  const modules = join(dir, 'node_modules');
  const link = (from: string) => {
    for (const name of readdirSync(from)) {
      if (name === '.bin' || name === '.package-lock.json') continue;
      if (name.startsWith('@')) {
        mkdirSync(join(modules, name), { recursive: true });
        for (const scoped of readdirSync(join(from, name))) {
          rmSync(join(modules, name, scoped), { force: true, recursive: true });
          symlinkSync(join(from, name, scoped), join(modules, name, scoped), 'dir');
        }
      } else {
        rmSync(join(modules, name), { force: true, recursive: true });
        symlinkSync(join(from, name), join(modules, name), 'dir');
      }
    }
  };
  mkdirSync(modules);
  link(join(repoRoot, 'node_modules'));
  link(join(PACKAGE, 'node_modules'));
  rmSync(join(modules, 'multi-llm-ts'), { force: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Probe {
  exportNames: string[];
  /** SDK packages loaded by requiring the entry. */
  sdksAtRequire: string[];
  /** Per engine: what a completion call does offline, and which SDKs are loaded afterwards. */
  engines: Record<string, { outcome: string; sdksAfter: string[] }>;
}

/** Requires the entry in a fresh node, then asks each engine for a completion against a closed local port. */
function probe(dir: string): Probe {
  const script = `
    const sdks = ${JSON.stringify(SDKS)};
    const loadedSdks = () => sdks.filter((sdk) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + sdk + '/')));
    const m = require('./dist/index.js');
    const out = { exportNames: Object.keys(m).sort(), sdksAtRequire: loadedSdks(), engines: {} };
    (async () => {
      for (const name of ${JSON.stringify(ENGINES)}) {
        let outcome;
        try {
          const engine = m.igniteEngine(name, { apiKey: 'test', baseURL: 'http://127.0.0.1:9' });
          const model = { id: 'm', name: 'm', capabilities: { tools: false, vision: false, reasoning: false, caching: false } };
          const call = engine.complete(model, [new m.Message('user', 'hi')]).then(() => 'resolved');
          outcome = await Promise.race([call, new Promise((resolve) => setTimeout(() => resolve('no answer in 10 s'), 10_000))]);
        } catch (error) {
          outcome = error.constructor.name + ': ' + String(error.message).split('\\n')[0].slice(0, 80);
        }
        out.engines[name] = { outcome, sdksAfter: loadedSdks() };
      }
      // The engines log to stdout: the result follows a marker line.
      process.stdout.write('\\n@@probe@@' + JSON.stringify(out));
      process.exit(0);
    })();
  `;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.slice(result.stdout.lastIndexOf('@@probe@@') + '@@probe@@'.length)) as Probe;
}

test('multi-llm-ts (a real gateway bundle): after apply its SDKs load on first use, with the same exports and the same behaviour', { timeout: 600_000 }, async () => {
  const { dir, cleanup } = copyPackage();
  try {
    const before = probe(dir);
    const requireBefore = requireProbe(join(dir, 'dist/index.js'), dir);
    // The checks below mean something only if the untouched bundle loads the SDKs at require,
    // and each call gets as far as its SDK's request (refused by the closed port).
    assert.deepEqual(before.sdksAtRequire, SDKS, 'the published bundle requires every SDK at the top');
    for (const name of ENGINES) assert.match(before.engines[name]!.outcome, /Connection error|fetch failed/, name);

    const result = await apply(dir, { force: true });
    assert.deepEqual(result.changes.map((c) => c.path), ['dist/index.js']);
    assert.ok(result.plan.operations.every((o) => o.transform === 'defer-heavy-import'), result.plan.operations.map((o) => o.transform).join(', '));

    const after = probe(dir);
    assert.deepEqual(after.exportNames, before.exportNames, 'the entry exports exactly the same names');
    assert.deepEqual(after.sdksAtRequire, [], 'requiring the entry loads none of the SDKs');
    for (const name of ENGINES) {
      assert.equal(after.engines[name]!.outcome, before.engines[name]!.outcome, `${name}: same outcome as before apply`);
    }
    // Each engine's first call loaded its own SDK, and only SDKs of engines used so far.
    ENGINES.forEach((name, index) => {
      assert.deepEqual(after.engines[name]!.sdksAfter.sort(), ENGINES.slice(0, index + 1).map((e) => ENGINE_SDK[e]!).sort(), name);
    });

    // Printed, never asserted: speed is measured, not asserted.
    const requireAfter = requireProbe(join(dir, 'dist/index.js'), dir);
    console.log(
      `multi-llm-ts@5.1.1: ${result.changes.length} file(s), ${changedLines(result.diff)} line(s) changed; ` +
        `require of dist/index.js ${requireBefore.ms.toFixed(0)} ms -> ${requireAfter.ms.toFixed(0)} ms (median of 3 fresh node processes)`,
    );

    const again = await apply(dir, { dryRun: true });
    assert.deepEqual(again.changes.map((c) => c.path), [], 'a second apply changes nothing');
  } finally {
    cleanup();
  }
});
