import assert from 'node:assert/strict';
import test from 'node:test';
import { renderTextReport } from '../../src/report/text-report.js';
import { sampleResult } from './sample-result.js';

test('findings are ranked by saving, each as `file:line kind symbol saving` over its message', () => {
  const { output, exitCode } = renderTextReport(sampleResult());
  assert.equal(exitCode, 0);
  const section = output.slice(output.indexOf('Findings'), output.indexOf('Cost tree'));
  const findingLines = section.split('\n').filter((l) => /^ {2}src\/\S+:\d+ /.test(l));
  assert.deepEqual(
    findingLines.map((l) => l.trim().split(' ').slice(0, 3).join(' ')),
    ['src/utils.ts:3 eager-init encoder', 'src/registry.ts:5 registry PROVIDERS', 'src/index.ts:1 cycle'],
  );
  assert.match(output, /src\/utils\.ts:3 eager-init encoder saves 4\.8 MB, 1 module\n {6}getEncoding runs at import\n/);
  assert.match(output, /\n {6}'openai' -> openai OpenAI\n/, 'registry entries listed: key -> module export');
  assert.match(output, /src\/index\.ts -> src\/registry\.ts/, 'cycle files listed');
});

test('the cost tree shows own / cumulative / exclusive sizes, biggest subtree first, packages with versions', () => {
  const { output } = renderTextReport(sampleResult());
  const tree = output.slice(output.indexOf('Cost tree'));
  assert.match(tree, /src\/index\.ts {2}1000 B \/ 5\.6 MB \/ 5\.6 MB/);
  assert.ok(tree.indexOf('src/utils.ts') < tree.indexOf('src/registry.ts'), 'utils keeps more loaded than registry');
  assert.match(tree, /└─ js-tiktoken@1\.0\.0/);
  assert.doesNotMatch(tree, /zod/, 'a lazily loaded package keeps nothing loaded');
});

test('diagnostics are listed with file:line; colours only when asked for', () => {
  const plain = renderTextReport(sampleResult()).output;
  assert.match(plain, /src\/index\.ts:9 unresolved-import cannot resolve '\.\/gone'/);
  assert.doesNotMatch(plain, /\x1b\[/);
  assert.match(renderTextReport(sampleResult(), { color: true }).output, /\x1b\[/);
});

test('--fail-on sets exit code 1 when a finding is at least that severe', () => {
  assert.equal(renderTextReport(sampleResult(), { failOn: 'high' }).exitCode, 1);
  const onlyLow = sampleResult();
  onlyLow.findings = onlyLow.findings.filter((f) => f.severity === 'low');
  assert.equal(renderTextReport(onlyLow, { failOn: 'medium' }).exitCode, 0);
});
