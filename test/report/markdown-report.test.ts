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
  assert.deepEqual(rows.map((r) => r.split(' | ')[3]), ['eager-init', 'registry', 'cycle']);
  assert.deepEqual(rows.map((r) => r.split(' | ')[0]), ['| medium', '| high', '| low'], 'severity as a word, first column');
  assert.match(output, /PROVIDERS loads openai at import \\\| use a manifest/);
  assert.match(output, /<details><summary>1 diagnostic<\/summary>/);
  assert.match(output, /\| `src\/index\.ts` \| 1000 B \| 5\.6 MB \| 5\.6 MB \|/);
  assert.match(output, /- `src\/index\.ts`\n {2}- line 9, \*\*warning\*\* `unresolved-import`: cannot resolve '\.\/gone'/);
});

test('findings that share one saving are one row with every place, the saving once', () => {
  const result = sampleResult();
  const registry = result.findings[0]!;
  result.findings.push({ ...registry, id: 'registry:src/other.ts:MORE', file: 'src/other.ts', line: 2, symbol: 'MORE' });
  const { output } = renderMarkdownReport(result);
  const rows = output.split('\n').filter((l) => l.includes('| registry |'));
  assert.equal(rows.length, 1);
  assert.match(rows[0]!, /^\| high \| 881 KB \(2\) together \| `src\/other\.ts:2`<br>`src\/registry\.ts:5` \| registry \| `MORE`<br>`PROVIDERS` \| these 2 registries load the same module; convert both\. \|$/);
});
