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

test('operations that save only together go with one the gate leaves out: the partner is skipped as nothing-saved and nothing changes', async () => {
  const { dir, plan, cleanup } = project();
  try {
    const [cjs, esm] = plan.operations;
    const paired = { ...plan, operations: [{ ...cjs!, together: [esm!.id] }, { ...esm!, together: [cjs!.id] }] };
    const result = await apply(dir, { plan: paired, dryRun: true });
    assert.deepEqual(result.blocked.map((b) => b.id), ['defer-picocolors-cjs']);
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.operations.map((op) => op.id), []);
    assert.deepEqual(
      result.skipped.map((d) => [d.code, d.operation, d.file]),
      [['nothing-saved', 'defer-picocolors-esm', 'src/warn.ts']],
    );
    assert.match(renderApplyReport(result).output, /^Nothing to change: 2 of the plan's operations are left out \(below\)\.$/m);
    assert.match(renderApplyReport(result).output, /^not applied \(defer-picocolors-esm\): it saves anything only with defer-picocolors-cjs, which is not applied: alone, its rewrite would stop nothing loading$/m);
  } finally {
    cleanup();
  }
});

test('a plan edited down to one of operations that save only together applies none of them', async () => {
  const { dir, plan, cleanup } = project();
  try {
    const [cjs, esm] = plan.operations;
    const edited = { ...plan, operations: [{ ...esm!, together: [cjs!.id] }] };
    const result = await apply(dir, { plan: edited, dryRun: true });
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.blocked, []);
    assert.deepEqual(result.skipped.map((d) => [d.code, d.operation]), [['nothing-saved', 'defer-picocolors-esm']]);
    assert.match(renderApplyReport(result).output, /^Nothing to change: 1 of the plan's operations is left out \(below\)\.\nnot applied \(defer-picocolors-esm\)/m);
  } finally {
    cleanup();
  }
});

// The checker alone: the changed program is checked first and the original only where the
// change leaves errors, which must not change what counts. b.ts imports the changed a.ts and
// has an error of its own; c.ts has one too and nothing it imports changes.
test('only errors a change adds count: an importer\'s own error is not one, whether or not the change adds another', async () => {
  const { ChangeTypeChecker } = await import('../../src/verify/typecheck-changes.js');
  const a = `export const value: number = 1;\n`;
  const b = `import { value } from './a';\n\nexport const old: string = 1;\nexport const sum: number = value + 1;\n`;
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'gate-order', version: '1.0.0' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', strict: true, types: [], noEmit: true }, include: ['src'] }),
    'src/a.ts': a,
    'src/b.ts': b,
    'src/c.ts': `export const other: boolean = 'no';\n`,
  });
  try {
    const checker = ChangeTypeChecker.open(dir)!;
    assert.ok(checker);
    // No new error (b.ts and c.ts keep theirs): nothing counts.
    assert.deepEqual(checker.newDiagnostics([{ path: 'src/a.ts', before: a, after: `// first\nexport const value: number = 2;\n` }]), []);
    // a.ts now gives a string: b.ts's sum is new (its old error, moved or not, is not).
    const added = checker.newDiagnostics([{ path: 'src/a.ts', before: a, after: `export const value: string = 'one';\n` }]);
    assert.deepEqual(added.map((d) => [d.file, d.code, d.line, d.message]), [['src/b.ts', 'TS2322', 4, "Type 'string' is not assignable to type 'number'."]]);
    // A changed file whose own old error stays and moves down, beside a created file with one.
    const withNew = checker.newDiagnostics([
      { path: 'src/b.ts', before: b, after: `// moved\n${b}` },
      { path: 'src/d.ts', before: undefined, after: `export const created: number = 'x';\n` },
    ]);
    assert.deepEqual(withNew.map((d) => [d.file, d.code, d.line]), [['src/d.ts', 'TS2322', 1]]);
  } finally {
    cleanup();
  }
});

test('a file the parser runs out of stack on: unchanged, it costs no check of the others; changed, its change is reported as unchecked', async () => {
  const { ChangeTypeChecker } = await import('../../src/verify/typecheck-changes.js');
  const deep = `export const deep = ${'('.repeat(20_000)}1${')'.repeat(20_000)};\n`;
  const a = `export const value: number = 1;\n`;
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'gate-deep', version: '1.0.0' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', strict: true, types: [], noEmit: true }, include: ['src'] }),
    'src/a.ts': a,
    'src/deep.ts': deep,
    'src/uses.ts': `import { deep } from './deep';\nexport const twice = deep * 2;\n`,
  });
  try {
    const checker = ChangeTypeChecker.open(dir)!;
    // Its importer's error for the missing file is there before and after: it does not count.
    assert.deepEqual(checker.newDiagnostics([{ path: 'src/a.ts', before: a, after: `export const value: number = 2;\n` }]), []);
    assert.deepEqual(checker.newDiagnostics([{ path: 'src/a.ts', before: a, after: `export const value: number = 'two';\n` }]).map((d) => [d.file, d.code]), [['src/a.ts', 'TS2322']]);
    const changed = checker.newDiagnostics([{ path: 'src/deep.ts', before: deep, after: `// changed\n${deep}` }]);
    assert.deepEqual(changed.map((d) => [d.file, d.code, d.severity]), [['src/deep.ts', 'nesting-too-deep', 'error']]);
    assert.match(changed[0]!.message, /src\/deep\.ts nests expressions too deeply to parse .*; its change cannot be type-checked$/);
  } finally {
    cleanup();
  }
});
