import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyChoices } from '../../src/plan/apply-choices.js';
import type { Plan } from '../../src/plan/plan.js';

const plan = (): Plan => ({
  schemaVersion: 1,
  root: '/p',
  operations: [
    { id: 'a', transform: 'god-module-to-focused-modules', summary: '', files: ['src/utils.ts'], options: { module: 'src/utils.ts', clusters: [] } },
    { id: 'b', transform: 'defer-eager-init', summary: '', files: ['src/x.ts'], options: { file: 'src/x.ts', name: 'x', moduleFormat: 'cjs' } },
  ],
});

test('--deprecate sets the option each transform declares for it (the split\'s deprecate), and no other', () => {
  const given = plan();
  applyChoices(given, { deprecate: true });
  assert.equal(given.operations[0]!.options.deprecate, true);
  assert.equal('deprecate' in given.operations[1]!.options, false);
});

test('without the choice, operations keep their options', () => {
  const given = plan();
  applyChoices(given, { deprecate: false });
  assert.deepEqual(given, plan());
});
