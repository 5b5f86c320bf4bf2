// The type gate of apply: an ES module package whose tsconfig loads no Node types
// (`"types": []`, as projects that keep globals out do) has one CommonJS file. Deferring its
// import writes a `require` loader, which such a project cannot type (TS2591); deferring the
// ES module file's import writes `await import()`, which it can. The first operation is left
// out, named with file:line and TypeScript's message; the second applies. The project's own
// type error (in the CommonJS file, moved down by the rewrite) is never counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { renderApplyReport } from '../../src/api/plan-and-apply.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

function project() {
  const temp = writeTempProject({
    'package.json': JSON.stringify({ name: 'gate-case', version: '1.0.0', type: 'module', main: 'dist/index.js' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, types: [], rootDir: 'src', outDir: 'dist', skipLibCheck: true }, include: ['src'] }),
    'src/index.ts': `export { warn } from './warn.js';\n`,
    'src/warn.ts': `import pc from 'picocolors';\n\nexport async function warn(message: string): Promise<string> {\n  return pc.yellow(message);\n}\n`,
    'src/legacy.cts': `import pc from 'picocolors';\n\nexport const limit: number = 'ten';\n\nexport function fail(message: string): string {\n  return pc.red(message);\n}\n`,
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  const plan = {
    schemaVersion: 1,
    root: temp.dir,
    operations: [
      { id: 'defer-picocolors-cjs', transform: 'defer-heavy-import', summary: '', files: ['src/legacy.cts'], options: { bindings: ['pc'], moduleFormat: 'cjs' } },
      { id: 'defer-picocolors-esm', transform: 'defer-heavy-import', summary: '', files: ['src/warn.ts'], options: { bindings: ['pc'], moduleFormat: 'esm' } },
    ],
  };
  return { ...temp, plan };
}

test('an operation that adds a type error is left out, named with file:line and the message; the rest applies', async () => {
  const { dir, plan, cleanup } = project();
  try {
    const result = await apply(dir, { plan, dryRun: true });
    assert.deepEqual(result.changes.map((c) => c.path), ['src/warn.ts']);
    assert.equal(result.blocked.length, 1);
    assert.equal(result.blocked[0]!.id, 'defer-picocolors-cjs');
    assert.deepEqual(
      result.blocked[0]!.diagnostics.map((d) => [d.file, d.code, d.severity, d.operation]),
      [['src/legacy.cts', 'TS2591', 'error', 'defer-picocolors-cjs']],
      'only the new error: the old TS2322 on `limit` is the project\'s own',
    );
    const line = result.blocked[0]!.diagnostics[0]!.line;
    const { output } = renderApplyReport(result);
    assert.match(output, new RegExp(`not applied \\(defer-picocolors-cjs\\): it would add 1 type error\\(s\\):\\n  src/legacy\\.cts:${line}: TS2591 Cannot find name 'require'`));
  } finally {
    cleanup();
  }
});

test('with force both operations apply and the added type error is listed', async () => {
  const { dir, plan, cleanup } = project();
  try {
    const result = await apply(dir, { plan, dryRun: true, force: true });
    assert.deepEqual(result.changes.map((c) => c.path), ['src/legacy.cts', 'src/warn.ts']);
    assert.deepEqual(result.blocked, []);
    assert.deepEqual(result.typeErrors.map((d) => [d.file, d.code]), [['src/legacy.cts', 'TS2591']]);
  } finally {
    cleanup();
  }
});
