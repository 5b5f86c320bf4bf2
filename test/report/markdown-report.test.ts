import assert from 'node:assert/strict';
import test from 'node:test';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { sampleResult } from './sample-result.js';

test('a PR comment: summary line, findings table ranked by saving, pipes escaped, folded details', () => {
  const { output, exitCode } = renderMarkdownReport(sampleResult());
  assert.equal(exitCode, 0);
  assert.match(output, /^### lazify: `sample`/);
  assert.match(output, /loads \*\*5\.6 MB\*\* in 5 modules/);
  const rows = output.split('\n').filter((l) => l.startsWith('| ') && /`src\//.test(l) && /\| (registry|eager-init|cycle) \|/.test(l));
  assert.deepEqual(rows.map((r) => r.split(' | ')[2]), ['eager-init', 'registry', 'cycle']);
  assert.match(output, /PROVIDERS loads openai at import \\\| use a manifest/);
  assert.match(output, /<details><summary>1 diagnostic<\/summary>/);
  assert.match(output, /\| `src\/index\.ts` \| 1000 B \| 5\.6 MB \| 5\.6 MB \|/);
});
