import assert from 'node:assert/strict';
import test from 'node:test';
import { lazyLoadingFormat, outputModuleFormat } from '../../src/plan/output-module-format.js';
import { publishesTwoBuilds } from '../../src/project/dual-build.js';
import { fileFormat } from '../../src/project/detect-module-format.js';

const reader = (files: Record<string, string>) => ({ root: '/p', read: (path: string) => files[path] });

test('the plan decides module format as the graph does: "module": "preserve" follows package.json type', () => {
  const cases: Array<[string, string | undefined, 'module' | undefined]> = [
    ['src/a.ts', 'preserve', undefined],
    ['src/a.ts', 'preserve', 'module'],
    ['src/a.ts', 'commonjs', 'module'],
    ['src/a.ts', 'NodeNext', undefined],
    ['src/a.ts', 'ESNext', undefined],
    ['src/a.ts', undefined, 'module'],
    ['src/a.mts', 'commonjs', undefined],
    ['src/a.cjs', undefined, 'module'],
    ['lib/a.js', 'esnext', undefined],
  ];
  for (const [file, module, type] of cases) {
    const project = reader({
      'package.json': JSON.stringify(type ? { type } : {}),
      'tsconfig.json': JSON.stringify(module ? { compilerOptions: { module } } : {}),
    });
    const graph = fileFormat(file, type === 'module' ? 'esm' : 'commonjs', module);
    assert.equal(outputModuleFormat(file, project), graph === 'commonjs' ? 'cjs' : 'esm', `${file} module=${module} type=${type}`);
  }
  assert.equal(fileFormat('src/a.ts', 'commonjs', 'preserve'), 'commonjs');
  assert.equal(fileFormat('src/a.ts', 'esm', 'preserve'), 'esm');
});

test('a TypeScript source of a package with a CommonJS and an ES module build loads lazily with import(), which both run', () => {
  const genkitShaped = {
    type: 'commonjs',
    main: 'lib/index.js',
    exports: { '.': { require: './lib/index.js', import: './lib/index.mjs', types: './lib/index.d.ts', default: './lib/index.js' } },
    engines: { node: '>=22.12.0' },
  };
  const project = reader({ 'package.json': JSON.stringify(genkitShaped), 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext' } }) });
  assert.equal(outputModuleFormat('src/gemini.ts', project), 'esm');
  // No createRequire(import.meta.url) either: the CommonJS build has no import.meta.
  assert.equal(lazyLoadingFormat('src/gemini.ts', project), 'esm');
  // A built CommonJS file (the rewritten bundle itself) runs only as CommonJS.
  assert.equal(outputModuleFormat('dist/index.js', project), 'cjs');
});

test('an ES module package with a CommonJS build too (tsup\'s dist/index.cjs) loads lazily with import(), never createRequire(import.meta.url)', () => {
  const tsupShaped = {
    type: 'module',
    main: './dist/index.cjs',
    module: './dist/index.js',
    exports: { '.': { import: './dist/index.js', require: './dist/index.cjs' } },
    engines: { node: '>=22.12.0' },
  };
  const project = reader({ 'package.json': JSON.stringify(tsupShaped), 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext' } }) });
  assert.equal(lazyLoadingFormat('src/providers.ts', project), 'esm');
  assert.equal(lazyLoadingFormat('src/providers.js', project), 'esm');
  // The same package with only its ES module build loads synchronously where Node allows it.
  const esmOnly = { ...tsupShaped, main: './dist/index.js', exports: { '.': { import: './dist/index.js', default: './dist/index.js' } } };
  delete (esmOnly as Partial<typeof tsupShaped>).module;
  assert.equal(lazyLoadingFormat('src/providers.ts', reader({ 'package.json': JSON.stringify(esmOnly), 'tsconfig.json': '{}' })), 'esm-require');
});

test('an ES module build beside the CommonJS one: an import condition or a module field naming another file', () => {
  assert.equal(publishesTwoBuilds({ main: 'dist/index.js', module: 'dist/index.mjs' }), true);
  assert.equal(publishesTwoBuilds({ exports: { '.': { import: { types: './a.d.mts', default: './a.mjs' }, require: { default: './a.js' } } } }), true);
  assert.equal(publishesTwoBuilds({ exports: [{ import: './a.mjs', default: './a.cjs' }] }), true);
  // One build only.
  assert.equal(publishesTwoBuilds({ main: 'dist/index.js' }), false);
  assert.equal(publishesTwoBuilds({ main: './dist/index.js', module: 'dist/index.js' }), false);
  assert.equal(publishesTwoBuilds({ exports: { '.': { import: './a.js', require: './a.js' } } }), false);
  assert.equal(publishesTwoBuilds({ exports: './dist/index.js' }), false);
  assert.equal(publishesTwoBuilds({ type: 'module', exports: { '.': { import: './a.js', require: './a.cjs' } } }), true);
  assert.equal(publishesTwoBuilds({ type: 'module', main: './dist/index.cjs', module: './dist/index.js' }), true);
  assert.equal(publishesTwoBuilds({ type: 'module', exports: { '.': { import: './a.js', default: './a.js' } } }), false);
  assert.equal(publishesTwoBuilds({ type: 'module', exports: './dist/index.js' }), false);
  assert.equal(publishesTwoBuilds(undefined), false);
});
