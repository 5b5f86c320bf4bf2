import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wholeOperationGroups, withWholeGroups } from '../../src/plan/planned-together.js';
import type { Finding } from '../../src/findings/finding.js';
import type { PlanOperation } from '../../src/plan/plan.js';

const finding = (id: string, together?: string[]): Finding => ({
  id,
  kind: 'heavy-import',
  severity: 'medium',
  file: `lib/${id}.js`,
  line: 1,
  message: '',
  cost: { exclusiveBytes: 100, exclusiveModules: 1 },
  symbol: id,
  ...(together ? { together } : {}),
});
const operation = (id: string): PlanOperation => ({ id, transform: 'defer-heavy-import', summary: '', files: [`lib/${id}.js`], options: {} });
const planned = (...findings: Finding[]) => findings.map((f) => ({ finding: f, operation: operation(f.id) }));

test('findings that save only together keep their operations when every partner has one', () => {
  const { operations, skipped } = withWholeGroups(planned(finding('chat', ['embed']), finding('embed', ['chat']), finding('solo')));
  assert.deepEqual(operations.map((o) => o.id), ['chat', 'embed', 'solo']);
  // Each names its partners' operations, for apply to run them all or none too.
  assert.deepEqual(operations.map((o) => o.together), [['embed'], ['chat'], undefined]);
  assert.deepEqual(skipped, []);
});

test('a finding whose partner got no operation is dropped as saving nothing; findings outside the group stay', () => {
  const { operations, skipped } = withWholeGroups(planned(finding('chat', ['embed']), finding('solo')));
  assert.deepEqual(operations.map((o) => o.id), ['solo']);
  assert.deepEqual(skipped, [
    {
      code: 'nothing-saved',
      severity: 'info',
      message: "chat's providers stay loaded unless embed is planned too, and it is not: deferring them here alone would save nothing",
      file: 'lib/chat.js',
      line: 1,
      finding: 'chat',
    },
  ]);
});

test('dropping one finding drops those that needed it in turn, until every group left is whole', () => {
  // c lacks d; b needs c; a needs b; g needs c and d.
  const { operations, skipped } = withWholeGroups(planned(finding('a', ['b']), finding('b', ['c']), finding('c', ['d']), finding('g', ['c', 'd']), finding('e', ['f']), finding('f', ['e'])));
  assert.deepEqual(operations.map((o) => o.id), ['e', 'f']);
  assert.deepEqual(skipped.map((d) => d.finding), ['c', 'g', 'b', 'a']);
  assert.match(skipped[1]!.message, /unless d is planned too, and it is not/);
});

test('a finding with several operations keeps or loses all of them', () => {
  const chat = finding('chat', ['embed']);
  const two = [{ finding: chat, operation: operation('chat#a') }, { finding: chat, operation: operation('chat#b') }];
  assert.deepEqual(withWholeGroups(two).operations, []);
  assert.deepEqual(withWholeGroups([...two, ...planned(finding('embed', ['chat']))]).operations.map((o) => o.id), ['chat#a', 'chat#b', 'embed']);
});

test('apply side: an operation whose partner is not in the plan is dropped as saving nothing, and those needing it in turn; whole groups stay', () => {
  const op = (id: string, together?: string[]): PlanOperation => ({ ...operation(id), ...(together ? { together } : {}) });
  const { operations, skipped } = wholeOperationGroups([op('a', ['b']), op('b', ['gone']), op('e', ['f']), op('f', ['e']), op('solo')]);
  assert.deepEqual(operations.map((o) => o.id), ['e', 'f', 'solo']);
  assert.deepEqual(skipped, [
    { code: 'nothing-saved', severity: 'info', message: 'it saves anything only with gone, which is not applied: alone, its rewrite would stop nothing loading', file: 'lib/b.js', operation: 'b' },
    { code: 'nothing-saved', severity: 'info', message: 'it saves anything only with b, which is not applied: alone, its rewrite would stop nothing loading', file: 'lib/a.js', operation: 'a' },
  ]);
});
