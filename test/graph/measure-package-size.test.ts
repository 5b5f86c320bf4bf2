import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { LoadedBytesMeter, loadedSpecifiers } from '../../src/graph/measure-package-size.js';

test('loadedSpecifiers: requires and static imports load; import(), strings, comments, regexes and member requires do not', () => {
  const source = [
    "import a from 'a'; import 'b'; export * from \"c\"; export { x } from './d';",
    "const e = require('e'); const t = `${require('t')} 'no' ${ {a: 1}.a }`; x.require('no'); import('dyn');",
    "const r = /'no'/g; // require('no')",
    "function f() { return require(\"g\"); } const s = 'require(\"no\")'; import.meta.url; export const k = 'no';",
  ].join('\n');
  assert.deepEqual(loadedSpecifiers(source), ['a', 'b', 'c', './d', 'e', 't', 'g']);
});

test('a package costs the files its entry loads, not its folder: an unloaded browser bundle and a package.json subpath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-size-'));
  try {
    const pkg = join(dir, 'node_modules', 'pkg');
    mkdirSync(join(pkg, 'lib'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"pkg","main":"index.js"}');
    writeFileSync(join(pkg, 'index.js'), "module.exports = require('./lib/core');\n"); // 40 bytes
    writeFileSync(join(pkg, 'lib', 'core.js'), 'module.exports = 1;\n'); // 20 bytes
    writeFileSync(join(pkg, 'browser-bundle.js'), 'x'.repeat(100_000)); // never required
    const resolver = {
      resolve: (specifier: string) => (specifier === 'pkg/package.json' ? join(pkg, 'package.json') : undefined),
      formatOf: () => 'commonjs' as const,
    };
    const meter = new LoadedBytesMeter(resolver);
    assert.equal(meter.add('pkg', join(pkg, 'index.js')), 40 + 20);
    const other = new LoadedBytesMeter(resolver);
    assert.equal(other.add('pkg', join(pkg, 'package.json')), 32, 'require("pkg/package.json") loads one JSON file');
    assert.equal(meter.add('pkg', join(pkg, 'package.json')), 40 + 20 + 32, 'a second specifier of the same package adds what it loads');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two subpaths of one package: each costs what it loads, the package the union, and the shares say which loads what', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-size-'));
  try {
    const pkg = join(dir, 'node_modules', 'pkg');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'index.js'), "require('./core');require('./big');\n"); // 36 bytes
    writeFileSync(join(pkg, 'lite.js'), "require('./core');\n"); // 19 bytes
    writeFileSync(join(pkg, 'core.js'), 'module.exports = 1;\n'); // 20 bytes
    writeFileSync(join(pkg, 'big.js'), `module.exports = '${'x'.repeat(1000)}';\n`); // 1021 bytes
    const meter = new LoadedBytesMeter({ resolve: () => undefined, formatOf: () => 'commonjs' });
    assert.equal(meter.add('pkg', join(pkg, 'lite.js'), 'pkg/lite'), 19 + 20, 'the subpath alone: its entry and what it requires');
    assert.equal(meter.add('pkg', join(pkg, 'index.js'), 'pkg'), 19 + 20 + 36 + 1021, 'core.js, loaded by both, counts once');
    assert.equal(meter.add('pkg', join(pkg, 'lite.js'), 'pkg/lite'), 19 + 20 + 36 + 1021, 'a specifier seen before adds nothing');
    assert.deepEqual(meter.filesOf('pkg', 'pkg/lite'), [join(pkg, 'core.js'), join(pkg, 'lite.js')]);
    assert.deepEqual(meter.shares('pkg'), [
      { specifiers: ['pkg'], bytes: 36 + 1021 },
      { specifiers: ['pkg', 'pkg/lite'], bytes: 20 },
      { specifiers: ['pkg/lite'], bytes: 19 },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
