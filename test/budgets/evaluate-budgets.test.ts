import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateBudgets } from '../../src/budgets/evaluate-budgets.js';

const metrics = { modules: 30, bytes: 2_000_000, importMs: 400, importRatio: 8 };
const status = (result: ReturnType<typeof evaluateBudgets>) => Object.fromEntries(result.verdicts.map((v) => [v.metric, v.status]));

test('within every budget passes; one over fails and says which', () => {
  assert.equal(evaluateBudgets(metrics, { modules: 30, bytes: 2_000_000, importRatio: 10 }).passed, true);
  const over = evaluateBudgets(metrics, { modules: 29, importRatio: 10 });
  assert.equal(over.passed, false);
  assert.deepEqual(status(over), { modules: 'over', bytes: 'unchecked', importMs: 'unchecked', importRatio: 'ok' });
});

test('growth past the baseline fails: any for counts and bytes, beyond 10% for times', () => {
  const grew = evaluateBudgets(metrics, {}, { modules: 29, bytes: 2_000_000, importMs: 370, importRatio: 7 });
  assert.deepEqual(status(grew), { modules: 'grew', bytes: 'ok', importMs: 'ok', importRatio: 'grew' });
  assert.equal(grew.passed, false);
  assert.equal(evaluateBudgets(metrics, {}, { modules: 31, bytes: 2_100_000, importMs: 400, importRatio: 7.5 }).passed, true);
});

test('a time budget without a measurement is not met', () => {
  const result = evaluateBudgets({ modules: 1, bytes: 1 }, { importRatio: 3 });
  assert.deepEqual(status(result).importRatio, 'unmeasured');
  assert.equal(result.passed, false);
  assert.equal(evaluateBudgets({ modules: 1, bytes: 1 }, {}).passed, true);
});
