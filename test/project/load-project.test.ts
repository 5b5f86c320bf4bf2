import assert from 'node:assert/strict';
import { join } from 'node:path';
import test from 'node:test';
import { LazifyError } from '../../src/diagnostics/diagnostic.js';
import { loadProject } from '../../src/project/load-project.js';
import { fixture } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

test('gateway-cjs: main dist/index.js maps back to src/index.ts through rootDir/outDir, before any build', () => {
  const project = loadProject(fixture('gateway-cjs'));
  assert.equal(project.entryFile, join(fixture('gateway-cjs'), 'src/index.ts'));
  assert.equal(project.entrySource, 'main');
  assert.equal(project.formats.formatOf(project.entryFile), 'commonjs');
});

test('gateway-js: a JavaScript main is the entry itself, CommonJS', () => {
  const project = loadProject(fixture('gateway-js'));
  assert.equal(project.entryFile, join(fixture('gateway-js'), 'index.js'));
  assert.equal(project.tsconfig, undefined);
  assert.equal(project.formats.formatOf(project.entryFile), 'commonjs');
});

test('gateway-esm: main maps to the ESM source', () => {
  const project = loadProject(fixture('gateway-esm'));
  assert.equal(project.entryFile, join(fixture('gateway-esm'), 'src/index.ts'));
  assert.equal(project.formats.formatOf(project.entryFile), 'esm');
});

test('edge/exports-subpaths: exports "." with the require condition beats a stale main', () => {
  const project = loadProject(fixture('edge/exports-subpaths'));
  assert.equal(project.entryFile, join(fixture('edge/exports-subpaths'), 'src/index.ts'));
  assert.equal(project.entrySource, 'exports');
});

test('nested export conditions are followed in key order; types is not a runtime condition', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({
      type: 'module',
      main: 'legacy.js',
      exports: { '.': { types: './types.d.ts', node: { import: './node.mjs', require: './node.cjs' }, default: './x.js' } },
    }),
    'node.mjs': 'export {}',
    'node.cjs': '',
    'legacy.js': '',
  });
  try {
    assert.equal(loadProject(dir).entryFile, join(dir, 'node.mjs'));
  } finally {
    cleanup();
  }
});

test('a CommonJS package takes the require branch of a conditions object', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ exports: { import: './esm.mjs', require: './cjs.cjs' } }),
    'esm.mjs': '',
    'cjs.cjs': '',
  });
  try {
    assert.equal(loadProject(dir).entryFile, join(dir, 'cjs.cjs'));
  } finally {
    cleanup();
  }
});

test('no package.json is a LazifyError naming the directory', () => {
  const { dir, cleanup } = writeTempProject({ 'index.js': '' });
  try {
    assert.throws(
      () => loadProject(dir),
      (error: unknown) => error instanceof LazifyError && error.code === 'no-package-json' && error.message.includes(dir),
    );
  } finally {
    cleanup();
  }
});

test('an entry that does not exist is a LazifyError naming it', () => {
  const { dir, cleanup } = writeTempProject({ 'package.json': JSON.stringify({ main: 'lib/missing.js' }) });
  try {
    assert.throws(
      () => loadProject(dir),
      (error: unknown) => error instanceof LazifyError && error.code === 'entry-not-found' && error.message.includes('lib/missing.js'),
    );
    assert.throws(
      () => loadProject(dir, { entry: 'nope.ts' }),
      (error: unknown) => error instanceof LazifyError && error.message.includes('nope.ts'),
    );
  } finally {
    cleanup();
  }
});

test('--entry overrides package.json, and a dist path given there maps to source too', () => {
  const project = loadProject(fixture('gateway-cjs'), { entry: 'dist/main.js' });
  assert.equal(project.entryFile, join(fixture('gateway-cjs'), 'src/main.ts'));
  assert.equal(project.entrySource, 'option');
  assert.equal(loadProject(fixture('gateway-cjs'), { entry: 'src/router.ts' }).entryFile, join(fixture('gateway-cjs'), 'src/router.ts'));
});

test('tsconfig extends is applied (outDir/rootDir from the base config)', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ main: 'build/index.js' }),
    'tsconfig.base.json': JSON.stringify({ compilerOptions: { outDir: 'build', rootDir: 'lib', module: 'commonjs' } }),
    'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json', include: ['lib'] }),
    'lib/index.ts': 'export const x = 1;',
  });
  try {
    const project = loadProject(dir);
    assert.equal(project.entryFile, join(dir, 'lib/index.ts'));
    assert.equal(project.formats.formatOf(project.entryFile), 'commonjs');
  } finally {
    cleanup();
  }
});

test('a tsconfig extending a base that is not installed is a diagnostic; invalid JSON is a LazifyError', () => {
  const missingBase = writeTempProject({
    'package.json': JSON.stringify({ main: 'build/index.js' }),
    'lib/index.ts': '',
    'tsconfig.json': JSON.stringify({ extends: '@some/tsconfig-not-installed', compilerOptions: { outDir: 'build', rootDir: 'lib' } }),
  });
  const invalid = writeTempProject({ 'package.json': '{ nope' });
  const badTsconfig = writeTempProject({ 'package.json': '{}', 'index.js': '', 'tsconfig.json': '{ "compilerOptions": ' });
  try {
    const project = loadProject(missingBase.dir);
    assert.equal(project.entryFile, join(missingBase.dir, 'lib/index.ts'), 'its own outDir/rootDir still apply');
    assert.deepEqual(project.diagnostics.map((d) => d.code), ['tsconfig-extends-not-found']);
    assert.throws(() => loadProject(invalid.dir), (e: unknown) => e instanceof LazifyError && e.code === 'bad-package-json');
    assert.throws(() => loadProject(badTsconfig.dir), (e: unknown) => e instanceof LazifyError && e.code === 'bad-tsconfig');
  } finally {
    missingBase.cleanup();
    invalid.cleanup();
    badTsconfig.cleanup();
  }
});

test('module format per file: extensions, package type, TS module setting', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ type: 'module', main: 'a.js' }),
    'a.js': '',
    'cjs/package.json': JSON.stringify({ type: 'commonjs' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs' } }),
  });
  try {
    const { formats } = loadProject(dir);
    assert.equal(formats.formatOf(join(dir, 'a.js')), 'esm');
    assert.equal(formats.formatOf(join(dir, 'cjs/b.js')), 'commonjs');
    assert.equal(formats.formatOf(join(dir, 'x.cjs')), 'commonjs');
    assert.equal(formats.formatOf(join(dir, 'cjs/x.mjs')), 'esm');
    assert.equal(formats.formatOf(join(dir, 'src/x.ts')), 'commonjs', 'TS compiled to CommonJS runs as CommonJS');
    assert.equal(formats.formatOf(join(dir, 'src/x.mts')), 'esm');
  } finally {
    cleanup();
  }
});

test('a tsup build without tsconfig outDir: the entry maps back through its source map, or the user is told to pass --entry', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'lazify-tsup-'));
  try {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', main: 'dist/index.js', devDependencies: { tsup: '^8.0.0' } }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true } }));
    writeFileSync(join(dir, 'src', 'index.ts'), "export { helper } from './helper';\n");
    writeFileSync(join(dir, 'src', 'helper.ts'), 'export const helper = () => 1;\n');
    writeFileSync(join(dir, 'dist', 'index.js'), '"use strict";\nexports.helper = () => 1;\n//# sourceMappingURL=index.js.map\n');
    writeFileSync(join(dir, 'dist', 'index.js.map'), JSON.stringify({ version: 3, sources: ['../src/helper.ts', '../src/index.ts'], mappings: '' }));
    const mapped = loadProject(dir);
    assert.equal(mapped.entryFile, join(dir, 'src', 'index.ts'));
    assert.deepEqual(mapped.diagnostics.map((d) => d.code), ['entry-from-source-map']);

    rmSync(join(dir, 'dist', 'index.js.map'));
    writeFileSync(join(dir, 'dist', 'index.js'), '"use strict";\nexports.helper = () => 1;\n');
    const unmapped = loadProject(dir);
    assert.equal(unmapped.entryFile, join(dir, 'dist', 'index.js'));
    assert.deepEqual(unmapped.diagnostics.map((d) => d.code), ['entry-is-build-output']);
    assert.match(unmapped.diagnostics[0]!.message, /dist\/index\.js is build output \(built by tsup\?\).*pass --entry src\/index\.ts/);
    assert.equal(loadProject(dir, { entry: 'dist/index.js' }).diagnostics.length, 0, 'an --entry the user chose is taken as it is');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
