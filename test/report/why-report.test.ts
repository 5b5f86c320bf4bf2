import assert from 'node:assert/strict';
import test from 'node:test';
import { renderWhyReport } from '../../src/report/why-report.js';
import type { WhyResult } from '../../src/pipeline/results.js';

const result = (): WhyResult => ({
  root: '/p',
  entry: 'src/index.ts',
  target: 'openai',
  exclusiveBytes: 860_000,
  exclusiveModules: 1,
  diagnostics: [],
  chains: [
    {
      modules: ['src/index.ts', 'src/router.ts', 'src/providers/deepseek.ts', 'openai'],
      eager: true,
      steps: [
        { from: 'src/index.ts', to: 'src/router.ts', kind: 'import', lazy: false, line: 4 },
        { from: 'src/router.ts', to: 'src/providers/deepseek.ts', kind: 'import', lazy: false, line: 5 },
        { from: 'src/providers/deepseek.ts', to: 'openai', kind: 'import', lazy: false, line: 1 },
      ],
    },
  ],
});

test('why markdown: the verdict and each chain as a list item, every step in code', () => {
  const { output, exitCode } = renderWhyReport(result(), { format: 'markdown' });
  assert.equal(exitCode, 0);
  assert.equal(
    output,
    '### lazify why: `openai`\n\n`openai` is loaded **eagerly** from `src/index.ts` and alone keeps 840 KB (1 module) loaded. Shortest chains:\n\n' +
      '1. `src/index.ts:4` → `src/router.ts:5` → `src/providers/deepseek.ts:1` → `openai`\n',
  );
});

test('why text wraps a long chain at the width, continuation indented; json is versioned', () => {
  const lines = renderWhyReport(result(), { width: 40 }).output.trimEnd().split('\n');
  assert.deepEqual(lines, ['openai is loaded eagerly from', 'src/index.ts and alone keeps 840 KB (1', 'module) loaded; shortest chains:', '  src/index.ts:4 -> src/router.ts:5 ->', '  src/providers/deepseek.ts:1 -> openai']);
  assert.equal(JSON.parse(renderWhyReport(result(), { format: 'json' }).output).schemaVersion, 1);
});
