// One diagnostic shape through plan and apply: what a plan leaves out, what a transform notes,
// why an operation failed or was blocked are `Diagnostic`s (a code a program can test, the
// finding or operation, the file and line), never bare strings a reader must parse. This walks
// the result types the reporters and API users read and fails on a note field that is text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Project, type Type } from 'ts-morph';
import { repoRoot } from '../helpers/copy-fixture.js';

/** Fields that carry notes, refusals or problems: each must hold diagnostics. */
const NOTE_FIELDS = new Set(['skipped', 'reports', 'notes', 'diagnostics', 'typeErrors', 'allowed', 'left']);
/** `failed` and `added` are notes in these types (elsewhere `added` counts lines or names exports). */
const NOTE_FIELDS_OF: Record<string, string[]> = { OperationResult: ['failed'], LintResult: ['failed', 'added'] };

/** The result types of plan and apply, and the planners' and stages' results they are made of. */
const ROOTS: Array<[file: string, type: string]> = [
  ['src/pipeline/results.ts', 'PlanResult'],
  ['src/pipeline/results.ts', 'ApplyResult'],
  ['src/plan/build-plan.ts', 'BuiltPlan'],
  ['src/plan/planner.ts', 'PlannerResult'],
  ['src/edits/run-operation.ts', 'OperationResult'],
  ['src/verify/block-type-errors.ts', 'TypeGateResult'],
];

const project = new Project({ tsConfigFilePath: join(repoRoot, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });

const isDiagnostic = (type: Type) => ['code', 'severity', 'message'].every((name) => type.getProperty(name));

/**
 * `path: type` for every note field reachable from `root` (through its properties, arrays and
 * unions, into the project's own types) whose value is not a diagnostic or a list of them.
 * `OperationResult.failed` and the lint step's `failed` and `added` are checked too.
 */
function textNotes(root: Type, rootName: string): string[] {
  const found: string[] = [];
  const seen = new Set<Type>();
  const walk = (type: Type, path: string) => {
    if (seen.has(type)) return;
    seen.add(type);
    const parts = type.isUnion() ? type.getUnionTypes() : type.isArray() ? [type.getArrayElementTypeOrThrow()] : [type];
    if (parts.length > 1 || parts[0] !== type) return parts.forEach((part) => walk(part, path));
    const declared = type.getSymbol()?.getDeclarations()[0]?.getSourceFile().getFilePath() ?? '';
    // Own types only: a library's (node's, TypeScript's) shapes are not lazify's to decide.
    if (!type.isObject() || declared.includes('/node_modules/') || type.getCallSignatures().length > 0) return;
    for (const property of type.getProperties()) {
      const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
      if (!declaration) continue;
      const value = property.getTypeAtLocation(declaration).getNonNullableType();
      const name = property.getName();
      const checked = NOTE_FIELDS.has(name) || Object.entries(NOTE_FIELDS_OF).some(([owner, names]) => path.endsWith(owner) && names.includes(name));
      if (checked) {
        const element = value.isArray() ? value.getArrayElementTypeOrThrow() : value;
        if (!isDiagnostic(element)) found.push(`${path}.${name}: ${value.getText()}`);
      }
      const typeName = value.isArray() ? value.getArrayElementTypeOrThrow().getSymbol()?.getName() : value.getSymbol()?.getName();
      walk(value, typeName && /^[A-Z]/.test(typeName) ? typeName : `${path}.${name}`);
    }
  };
  walk(root, rootName);
  return found;
}

test('plan and apply results carry diagnostics, not strings, in skipped, reports, failed, blocked and type errors', () => {
  const problems = ROOTS.flatMap(([file, name]) => {
    const source = project.addSourceFileAtPath(join(repoRoot, file));
    return textNotes(source.getInterfaceOrThrow(name).getType(), name);
  });
  assert.deepEqual([...new Set(problems)], []);
});

test('the check fails on a result type whose notes are strings', () => {
  const source = project.createSourceFile(
    join(repoRoot, 'src/pipeline/__text-notes.ts'),
    [
      "import type { Diagnostic } from '../diagnostics/diagnostic.js';",
      'interface OperationResult { id: string; reports: string[]; failed?: string }',
      'interface LintResult { added: Array<{ file: string; rule: string }>; allowed: string[]; failed?: string }',
      'interface Lines { added: number }',
      'export interface Result { skipped: string[]; diagnostics: Diagnostic[]; operations: OperationResult[]; lint: LintResult; lines: Lines; formatting: { left: Array<{ path: string; reason: string }> } }',
    ].join('\n'),
  );
  assert.deepEqual(textNotes(source.getInterfaceOrThrow('Result').getType(), 'Result'), [
    'Result.skipped: string[]',
    'OperationResult.reports: string[]',
    'OperationResult.failed: string',
    'LintResult.added: { file: string; rule: string; }[]',
    'LintResult.allowed: string[]',
    'LintResult.failed: string',
    'Result.formatting.left: { path: string; reason: string; }[]',
  ]);
});
