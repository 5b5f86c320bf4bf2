import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPlanReport } from '../../src/report/plan-report.js';
import type { PlanResult } from '../../src/pipeline/results.js';

const result: PlanResult = {
  plan: { schemaVersion: 1, root: '/p', operations: [] },
  skipped: [
    { code: 'nothing-saved', severity: 'info', message: 'splitting src/utils.ts frees nothing at import (x), and no import cycle runs through it', file: 'src/utils.ts', line: 1, finding: 'god-module:src/utils.ts' },
    { code: 'conflict', severity: 'warning', message: 'operations "a" and "b" both create src/m.ts', file: 'src/m.ts', finding: 'registry:src/r.ts:M', operation: 'b' },
  ],
};

test('plan text lists what was not planned, one line each: the operation (else the finding), then why', () => {
  const { output } = renderPlanReport(result, 'text');
  assert.match(
    output,
    /\nNot planned:\n {2}- god-module:src\/utils\.ts: splitting src\/utils\.ts frees nothing at import \(x\), and no import cycle runs through it\n {2}- b: operations "a" and "b" both create src\/m\.ts\n/,
  );
});

test('plan markdown folds the same lines', () => {
  const { output } = renderPlanReport(result, 'markdown');
  assert.match(output, /<details><summary>Not planned \(2\)<\/summary>\n\n- god-module:src\/utils\.ts: splitting .*\n- b: operations "a" and "b" both create src\/m\.ts\n\n<\/details>/);
});
