import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachMeasuredCost } from '../../src/measure/attach-measured-cost.js';
import type { Finding } from '../../src/findings/finding.js';
import { sampleResult } from '../report/sample-result.js';
import { sampleImportTime } from './sample-import-time.js';

const finding = (id: string, file: string, extra: Partial<Finding> = {}): Finding => ({
  id,
  kind: 'heavy-import',
  severity: 'medium',
  file,
  line: 1,
  message: id,
  cost: { exclusiveBytes: 1, exclusiveModules: 1 },
  ...extra,
});

test('measured exclusive ms: what stops loading, summed from measured self times, packages by name', () => {
  const { graph } = sampleResult();
  const findings = attachMeasuredCost(
    [
      finding('utils', 'src/utils.ts', { kind: 'god-module' }),
      finding('openai', 'src/registry.ts', { target: 'openai' }),
      finding('tiktoken', 'src/utils.ts', { target: 'js-tiktoken' }),
      finding('cycle', 'src/index.ts', { kind: 'cycle', cost: { exclusiveBytes: 0, exclusiveModules: 0 } }),
    ],
    graph,
    sampleImportTime(),
  );
  // src/utils.ts is also imported by src/registry.ts: making index's import lazy saves nothing,
  // but the finding is about utils itself, whose exclusive set is utils + js-tiktoken.
  assert.deepEqual(
    findings.map((f) => [f.id, f.cost.measuredMs]),
    [
      ['utils', 305],
      ['tiktoken', 300],
      ['openai', 70],
      ['cycle', undefined],
    ],
  );
});

test('reporters rank by measured ms when --measure gave them', async () => {
  const { rankFindings } = await import('../../src/report/rank-findings.js');
  const big = finding('big-bytes', 'src/a.ts', { cost: { exclusiveBytes: 9_000_000, exclusiveModules: 3, measuredMs: 10 } });
  const slow = finding('slow', 'src/b.ts', { cost: { exclusiveBytes: 1_000, exclusiveModules: 1, measuredMs: 900 } });
  assert.deepEqual(rankFindings([big, slow]).map((f) => f.id), ['slow', 'big-bytes']);
});
