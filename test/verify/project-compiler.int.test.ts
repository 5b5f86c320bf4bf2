// The type gate checks with the TypeScript the project builds with. Shrunk from litellm@0.12.0
// (a TypeScript gateway built with TypeScript 5.2 to CommonJS): its tsconfig names no `types`,
// so TypeScript 5 includes every visible `@types` package and `require` has Node's types. lazify's
// own copy is TypeScript 6, which includes none unless named: checked with it, every loader the
// rewrite wrote (`require('openai')`) was a TS2591, and apply left every operation out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { projectCompiler } from '../../src/project/project-compiler.js';
import { ts } from '../../src/project/typescript.cjs';
import { ChangeTypeChecker } from '../../src/verify/typecheck-changes.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const OWN_TYPESCRIPT = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }).version;

const HANDLER = `import pc from 'picocolors';\n\nexport function handle(model: string): string {\n  return pc.green(model);\n}\n`;

/** The project, with the named packages of lazify's node_modules linked into its own. */
function project(linked: string[], extra: Record<string, string> = {}) {
  const temp = writeTempProject({
    'package.json': JSON.stringify({ name: 'litellm-shape', version: '1.0.0', main: 'dist/index.js' }),
    // As litellm's: CommonJS, strict, no `types`, no `include` (src and tests are both compiled).
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2016', module: 'commonjs', declaration: true, outDir: './dist', esModuleInterop: true, strict: true, skipLibCheck: true } }),
    'src/index.ts': `export { handle } from './handler';\n`,
    'src/handler.ts': HANDLER,
    ...extra,
  });
  mkdirSync(join(temp.dir, 'node_modules/@types'), { recursive: true });
  for (const name of linked) symlinkSync(join(repoRoot, 'node_modules', name), join(temp.dir, 'node_modules', name), 'dir');
  return temp;
}

const WITH_REQUIRE = { path: 'src/handler.ts', before: HANDLER, after: `${HANDLER}\nexport const colours = require('picocolors') as typeof pc;\n` };

test('a project with its own TypeScript 5 is checked with it: its visible @types count, as its tsc counts them', () => {
  const { dir, cleanup } = project(['typescript', 'picocolors', '@types/node']);
  try {
    const checker = ChangeTypeChecker.open(dir)!;
    assert.deepEqual({ own: checker.compiler.own, version: checker.compiler.version }, { own: true, version: OWN_TYPESCRIPT });
    assert.notEqual(checker.compiler.ts, ts, 'not lazify\'s copy');
    assert.deepEqual(checker.newDiagnostics([WITH_REQUIRE]), []);
  } finally {
    cleanup();
  }
});

test('without a TypeScript of its own the project is checked with lazify\'s copy (6), which includes no @types unless named', () => {
  const { dir, cleanup } = project(['picocolors', '@types/node']);
  try {
    const checker = ChangeTypeChecker.open(dir)!;
    assert.deepEqual({ own: checker.compiler.own, version: checker.compiler.version }, { own: false, version: ts.version });
    assert.match(ts.version, /^6\./);
    assert.deepEqual(checker.newDiagnostics([WITH_REQUIRE]).map((d) => [d.file, d.code]), [['src/handler.ts', 'TS2591']]);
  } finally {
    cleanup();
  }
});

test('a TypeScript whose major the check cannot drive (7, the native compiler) is not loaded: lazify\'s copy checks', () => {
  const { dir, cleanup } = project([]);
  try {
    mkdirSync(join(dir, 'node_modules/typescript/lib'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: '7.0.2', main: 'lib/typescript.js' }));
    writeFileSync(join(dir, 'node_modules/typescript/lib/typescript.js'), `throw new Error('loaded');\n`);
    assert.deepEqual(projectCompiler(dir), { ts, version: ts.version, own: false });
    // A 5.x that fails to load is not used either.
    writeFileSync(join(dir, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: '5.4.5', main: 'lib/typescript.js' }));
    assert.deepEqual(projectCompiler(dir), { ts, version: ts.version, own: false });
  } finally {
    cleanup();
  }
});

test('apply: the require() loader of a deferred import is kept in a TypeScript 5 project whose tsconfig names no types', async () => {
  const { dir, cleanup } = project(['typescript', 'picocolors', '@types/node']);
  try {
    const plan = {
      schemaVersion: 1,
      root: dir,
      operations: [{ id: 'defer-picocolors', transform: 'defer-heavy-import', summary: '', files: ['src/handler.ts'], options: { bindings: ['pc'], moduleFormat: 'cjs' } }],
    };
    const result = await apply(dir, { plan, dryRun: true });
    assert.deepEqual(result.blocked, []);
    assert.deepEqual(result.changes.map((c) => c.path), ['src/handler.ts']);
    assert.match(result.changes[0]!.after, /require\('picocolors'\)/);
  } finally {
    cleanup();
  }
});
