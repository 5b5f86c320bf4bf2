import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../../src/plan/validate-plan.js';
import { FileSet } from '../../src/edits/file-set.js';
import { runPlan } from '../../src/edits/run-plan.js';
import { isLazifyError } from '../../src/diagnostics/diagnostic.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const caseDir = join(repoRoot, 'transforms/god-module-to-focused-modules/__testfixtures__/ts-commonjs');
const root = join(caseDir, 'before');
const operation = JSON.parse(readFileSync(join(caseDir, 'operation.json'), 'utf8')) as { files: string[]; options: Record<string, unknown> };

function splitPlan(edit: (options: any) => void = () => {}): any {
  const options = structuredClone(operation.options);
  edit(options);
  return { schemaVersion: 1, root, operations: [{ id: 'split', transform: 'god-module-to-focused-modules', summary: '', files: operation.files, options }] };
}

function problemOf(plan: unknown): string {
  try {
    validatePlan(plan, new FileSet(root));
  } catch (error) {
    assert.ok(isLazifyError(error), String(error));
    assert.equal(error.code, 'invalid-plan');
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error.message;
  }
  return assert.fail('expected the plan to be rejected');
}

test('a plan as lazify writes it is valid', () => {
  assert.equal(validatePlan(splitPlan(), new FileSet(root)).operations.length, 1);
});

test('invalid plans are rejected with one line naming the problem', () => {
  assert.match(problemOf([]), /expected a JSON object/);
  assert.match(problemOf({ schemaVersion: 2, operations: [] }), /unsupported schemaVersion 2/);
  assert.match(problemOf({ schemaVersion: 1, operations: [{ transform: 'x' }] }), /operation 1 has no "id"/);
  assert.match(problemOf({ ...splitPlan(), operations: [{ ...splitPlan().operations[0], transform: 'no-such' }] }), /unknown transform "no-such"/);
  assert.match(problemOf(splitPlan((o) => o.clusters[0].exports.push('notThere'))), /src\/utils\.ts does not export "notThere"/);
  assert.match(problemOf(splitPlan((o) => o.clusters[1].exports.push('countTokens'))), /"countTokens" is listed in two clusters/);
  assert.match(problemOf(splitPlan((o) => (o.clusters[0].module = 'src/registry.ts'))), /src\/registry\.ts already exists/);
  assert.match(problemOf(splitPlan((o) => (o.clusters[1].module = o.clusters[0].module))), /two clusters are both named src\/utils\/tokenization\.ts/);
  assert.match(problemOf(splitPlan((o) => (o.clusters = []))), /"clusters" must be a non-empty array/);
  const twice = splitPlan();
  twice.operations.push({ ...twice.operations[0] });
  assert.match(problemOf(twice), /two operations have the id "split"/);
});

test('an edited plan applies as edited: a renamed module, a function moved to another cluster', () => {
  const plan = validatePlan(
    splitPlan((o) => {
      o.clusters[1].module = 'src/billing.ts';
      o.clusters[1].exports = o.clusters[1].exports.filter((n: string) => n !== 'priceOf');
      o.clusters[0].exports.push('priceOf');
    }),
    new FileSet(root),
  );
  const { changes } = runPlan(plan, root);
  const after = new Map(changes.map((c) => [c.path, c.after]));
  assert.ok(after.has('src/billing.ts'));
  assert.ok(!after.has('src/utils/pricing.ts'));
  // priceOf and the table only it reads moved with it; cost now imports it from there.
  assert.match(after.get('src/utils/tokenization.ts')!, /export function priceOf[\s\S]*const PRICES|const PRICES[\s\S]*export function priceOf/);
  assert.match(after.get('src/billing.ts')!, /import \{ priceOf, type Price(Table)? ?.*\} from '\.\/utils\/tokenization';|import \{[^}]*priceOf[^}]*\} from '\.\/utils\/tokenization';/);
  assert.match(after.get('src/utils.ts')!, /export \{ cost, formatDollars \} from '\.\/billing';/);
});
