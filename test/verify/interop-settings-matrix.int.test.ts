// A settings matrix for deferred imports, checked by the real compiler: a small TypeScript
// project imports, from four local packages, a default export (ES types, CommonJS runtime with
// `__esModule`, as tsc-built SDKs ship), named exports with a type among them, a namespace and a
// package typed `declare namespace x {...} export = x`. For each interop setting a project may
// use (esModuleInterop on and off, allowSyntheticDefaultImports alone, isolatedModules,
// verbatimModuleSyntax under CommonJS and under ES modules, bundler resolution), the project
// compiles cleanly before, apply defers every value import, and `tsc` (the typescript 5.x
// devDependency, not the TypeScript lazify bundles) reports nothing after. Under
// verbatimModuleSyntax, and where the file writes inline `type` modifiers, the type-only names
// that stay are written as that setting and that file require. The project is also built and
// its exports called in Node, before and after: the loaders give the values the imports gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apply } from '../../src/index.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

/** How the project's source file imports the packages. */
type ImportStyle =
  /** `import Client from 'modern-sdk'`, `import legacy from 'legacy-sdk'` (needs interop for `export =`). */
  | 'esm-default'
  /** No interop: `import legacy = require('legacy-sdk')` for the `export =` package. */
  | 'require-equals-legacy'
  /** CommonJS under verbatimModuleSyntax: only `import x = require()` and `import type`. */
  | 'require-equals-all';

interface Cell {
  name: string;
  compilerOptions: Record<string, unknown>;
  /** package.json `type` of the project (and, for ES module projects, of modern-sdk). */
  type: 'commonjs' | 'module';
  moduleFormat: 'cjs' | 'esm';
  style: ImportStyle;
  /**
   * False where Node cannot run the built code even before apply: allowSyntheticDefaultImports
   * without esModuleInterop types a default import that only a bundler's or Babel's interop gives.
   */
  runs?: false;
}

const cells: Cell[] = [
  { name: 'commonjs + esModuleInterop', compilerOptions: { module: 'commonjs', esModuleInterop: true }, type: 'commonjs', moduleFormat: 'cjs', style: 'esm-default' },
  { name: 'commonjs, esModuleInterop off', compilerOptions: { module: 'commonjs', esModuleInterop: false }, type: 'commonjs', moduleFormat: 'cjs', style: 'require-equals-legacy' },
  { name: 'commonjs + allowSyntheticDefaultImports only', compilerOptions: { module: 'commonjs', esModuleInterop: false, allowSyntheticDefaultImports: true }, type: 'commonjs', moduleFormat: 'cjs', style: 'esm-default', runs: false },
  { name: 'commonjs + esModuleInterop + isolatedModules', compilerOptions: { module: 'commonjs', esModuleInterop: true, isolatedModules: true }, type: 'commonjs', moduleFormat: 'cjs', style: 'esm-default' },
  { name: 'nodenext CommonJS package + verbatimModuleSyntax', compilerOptions: { module: 'nodenext', verbatimModuleSyntax: true }, type: 'commonjs', moduleFormat: 'cjs', style: 'require-equals-all' },
  { name: 'nodenext ES module package + verbatimModuleSyntax', compilerOptions: { module: 'nodenext', verbatimModuleSyntax: true }, type: 'module', moduleFormat: 'esm', style: 'esm-default' },
  { name: 'esnext + bundler resolution + isolatedModules', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', esModuleInterop: true, isolatedModules: true }, type: 'module', moduleFormat: 'esm', style: 'esm-default' },
];

/** The four packages: each a package.json, a runtime file and its declarations. */
function packages(type: 'commonjs' | 'module'): Record<string, string> {
  const esm = type === 'module';
  return {
    'node_modules/modern-sdk/package.json': JSON.stringify({ name: 'modern-sdk', version: '1.0.0', type, main: 'index.js', types: 'index.d.ts' }),
    'node_modules/modern-sdk/index.js': esm
      ? `export default class Client { constructor(options) { this.key = options.key; } send(text) { return text; } }\nexport function helper(text) { return text.trim(); }\nexport const VERSION = '1.0.0';\n`
      : `'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\nclass Client { constructor(options) { this.key = options.key; } send(text) { return text; } }\nexports.default = Client;\nexports.helper = (text) => text.trim();\nexports.VERSION = '1.0.0';\n`,
    'node_modules/modern-sdk/index.d.ts': `export interface Options {\n  key: string;\n}\nexport default class Client {\n  constructor(options: Options);\n  send(text: string): string;\n}\nexport declare function helper(text: string): string;\nexport declare const VERSION: string;\n`,
    'node_modules/legacy-sdk/package.json': JSON.stringify({ name: 'legacy-sdk', version: '1.0.0', main: 'index.js', types: 'index.d.ts' }),
    'node_modules/legacy-sdk/index.js': `'use strict';\nfunction legacy(options) { return { send: (text) => options.key + text }; }\nmodule.exports = legacy;\n`,
    'node_modules/legacy-sdk/index.d.ts': `declare namespace legacy {\n  interface Options {\n    key: string;\n  }\n  interface Connection {\n    send(text: string): string;\n  }\n}\ndeclare function legacy(options: legacy.Options): legacy.Connection;\nexport = legacy;\n`,
    'node_modules/tools-ns/package.json': JSON.stringify({ name: 'tools-ns', version: '1.0.0', main: 'index.js', types: 'index.d.ts' }),
    'node_modules/tools-ns/index.js': `'use strict';\nexports.format = (text) => '[' + text + ']';\n`,
    'node_modules/tools-ns/index.d.ts': `declare namespace tools {\n  function format(text: string): string;\n}\nexport = tools;\n`,
  };
}

function source(cell: Cell): string {
  const esm = cell.moduleFormat === 'esm';
  // CommonJS under verbatimModuleSyntax has no `export` on declarations: it ends with `export =`.
  const commonJsOnly = cell.style === 'require-equals-all';
  const fn = (signature: string, type: string, body: string) => `${commonJsOnly ? '' : 'export '}${esm ? 'async ' : ''}function ${signature}: ${esm ? `Promise<${type}>` : type} {\n  ${body}\n}\n`;
  const imports =
    cell.style === 'require-equals-all'
      ? [`import modern = require('modern-sdk');`, `import type { Options } from 'modern-sdk';`, `import tools = require('tools-ns');`, `import legacy = require('legacy-sdk');`]
      : [
          `import Client from 'modern-sdk';`,
          // Inline `type` modifiers: the style the kept type-only names must follow.
          `import { helper, type Options, VERSION } from 'modern-sdk';`,
          `import * as tools from 'tools-ns';`,
          cell.style === 'require-equals-legacy' ? `import legacy = require('legacy-sdk');` : `import legacy from 'legacy-sdk';`,
        ];
  const client = cell.style === 'require-equals-all' ? 'modern.default' : 'Client';
  const helper = cell.style === 'require-equals-all' ? 'modern.helper' : 'helper';
  const version = cell.style === 'require-equals-all' ? 'modern.VERSION' : 'VERSION';
  return [
    ...imports,
    '',
    fn('send(options: Options, text: string)', 'string', `return new ${client}(options).send(${helper}(text));`),
    fn('version()', 'string', `return ${version};`),
    fn('format(text: string)', 'string', 'return tools.format(text);'),
    // Types from legacy-sdk's namespace, and a callback over what it returns: a lost type shows.
    fn('connect(options: legacy.Options, texts: string[])', 'string[]', 'const connection = legacy(options);\n  return texts.map((text) => connection.send(text));'),
    ...(commonJsOnly ? ['export = { send, version, format, connect };\n'] : []),
  ].join('\n');
}

function project(cell: Cell) {
  const temp = writeTempProject({
    'package.json': JSON.stringify({ name: 'matrix-case', version: '1.0.0', type: cell.type, main: 'dist/index.js' }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: { target: 'es2022', strict: true, skipLibCheck: false, types: ['node'], rootDir: 'src', outDir: 'dist', noEmit: true, ...cell.compilerOptions },
      include: ['src'],
    }),
    'src/index.ts':
      cell.style === 'require-equals-all'
        ? `import client = require('./client');\nexport = client;\n`
        : `export { send, version, format, connect } from './client${cell.type === 'module' ? '.js' : ''}';\n`,
    'src/client.ts': source(cell),
    ...packages(cell.moduleFormat === 'esm' ? 'module' : 'commonjs'),
  });
  mkdirSync(join(temp.dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules/@types/node'), join(temp.dir, 'node_modules/@types/node'), 'dir');
  symlinkSync(join(repoRoot, 'node_modules/undici-types'), join(temp.dir, 'node_modules/undici-types'), 'dir');
  return temp;
}

const typecheck = (dir: string) => {
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`.trim();
};

/** Builds the project (tsc with emit) and calls its four exports in a fresh Node: what they return, as JSON. */
function behaviour(dir: string): string {
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit', 'false'], { cwd: dir, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const script = [
    `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'dist/index.js')).href)});`,
    // An `export =` CommonJS module is the default of its namespace.
    `const api = typeof m.send === 'function' ? m : m.default;`,
    `console.log(JSON.stringify([await api.send({ key: 'k' }, ' hi '), await api.version(), await api.format('x'), await api.connect({ key: 'k' }, ['a', 'b'])]));`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

const BINDINGS: Record<ImportStyle, string[]> = {
  'esm-default': ['Client', 'helper', 'VERSION', 'tools', 'legacy'],
  'require-equals-legacy': ['Client', 'helper', 'VERSION', 'tools', 'legacy'],
  'require-equals-all': ['modern', 'tools', 'legacy'],
};

for (const cell of cells) {
  test(`interop matrix: ${cell.name}: every value import deferred, no tsc diagnostic after apply`, async () => {
    const { dir, cleanup } = project(cell);
    try {
      assert.equal(typecheck(dir), '', 'the project must compile before apply');
      const calls = cell.runs === false ? undefined : behaviour(dir);
      if (calls !== undefined) assert.equal(calls, JSON.stringify(['hi', '1.0.0', '[x]', ['ka', 'kb']]));
      const plan = {
        schemaVersion: 1,
        root: dir,
        operations: [{ id: 'defer-sdks', transform: 'defer-heavy-import', summary: '', files: ['src/client.ts'], options: { bindings: BINDINGS[cell.style], moduleFormat: cell.moduleFormat } }],
      };
      const result = await apply(dir, { plan, force: true });
      assert.deepEqual(result.operations.map((op) => [op.failed, op.reports]), [[undefined, []]]);
      assert.deepEqual(result.typeErrors, [], 'the in-memory type gate agrees');
      const after = readFileSync(join(dir, 'src/client.ts'), 'utf8');
      // Only type-only imports are left at the top: nothing loads at import.
      for (const line of after.split('\n').filter((l) => /^import /.test(l))) {
        assert.match(line, /^import type |^import \{ (type \w+(, )?)+ \} from /, `a value import is left: ${line}\n${after}`);
      }
      assert.equal(typecheck(dir), '', `tsc after apply:\n${after}`);
      if (calls !== undefined) assert.equal(behaviour(dir), calls, 'the built project returns the same');
      if (cell.style !== 'require-equals-all') {
        // The file writes `{ helper, type Options, VERSION }`: `Options` keeps its inline modifier,
        // and under verbatimModuleSyntax the whole import must be type-only to be dropped.
        assert.match(after, /^import (type \{ Options \}|\{ type Options \}) from 'modern-sdk';$/m, after);
      }
    } finally {
      cleanup();
    }
  });
}
