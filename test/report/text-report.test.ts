import assert from 'node:assert/strict';
import test from 'node:test';
import { renderTextReport } from '../../src/report/text-report.js';
import { sampleResult } from './sample-result.js';

test('findings are ranked by saving, each as `file:line kind symbol saving` over its message', () => {
  const { output, exitCode } = renderTextReport(sampleResult());
  assert.equal(exitCode, 0);
  const section = output.slice(output.indexOf('Findings'), output.indexOf('Cost tree'));
  const findingLines = section.split('\n').filter((l) => /^ {2}(high|medium|low) +src\/\S+:\d+ /.test(l));
  assert.deepEqual(
    findingLines.map((l) => l.trim().split(/ +/).slice(0, 4).join(' ')),
    ['medium src/utils.ts:3 eager-init encoder', 'high src/registry.ts:5 registry PROVIDERS', 'low src/index.ts:1 cycle'],
  );
  assert.match(output, /  medium src\/utils\.ts:3 eager-init encoder saves 4\.8 MB, 1 module\n {9}getEncoding runs at import\n/);
  assert.match(output, /\n {9}'openai' -> openai OpenAI\n/, 'registry entries listed: key -> module export');
  assert.match(output, /src\/index\.ts -> src\/registry\.ts/, 'cycle files listed');
});

test('a registry of many modules lists its first entries and counts the rest', () => {
  const result = sampleResult();
  const registry = result.findings.find((f) => f.kind === 'registry')!;
  registry.entries = Array.from({ length: 25 }, (_, i) => ({ key: `f${i}`, module: `f${i}.js`, export: `f${i}`, valueShape: 'reference' as const, line: i + 1 }));
  const lines = renderTextReport(result).output.split('\n').filter((l) => /^ {9}('f\d+' -> |\.\.\. )/.test(l));
  assert.equal(lines.length, 20);
  assert.equal(lines[0]!.trim(), "'f0' -> f0.js f0");
  assert.equal(lines[18]!.trim(), "'f18' -> f18.js f18");
  assert.equal(lines[19]!.trim(), '... 6 more (--format json lists all)');
});

test('the cost tree shows own / cumulative / exclusive sizes, biggest subtree first, packages with versions', () => {
  const { output } = renderTextReport(sampleResult());
  const tree = output.slice(output.indexOf('Cost tree'));
  assert.match(tree, /src\/index\.ts {2}1000 B \/ 5\.6 MB \/ 5\.6 MB/);
  assert.ok(tree.indexOf('src/utils.ts') < tree.indexOf('src/registry.ts'), 'utils keeps more loaded than registry');
  assert.match(tree, /└─ js-tiktoken@1\.0\.0/);
  assert.doesNotMatch(tree, /zod/, 'a lazily loaded package keeps nothing loaded');
});

test('diagnostics are listed under their file, with line and severity as a word; colours only when asked for', () => {
  const plain = renderTextReport(sampleResult()).output;
  assert.match(plain, /Diagnostics \(1\)\n {2}src\/index\.ts\n {4}9 {5}warning unresolved-import cannot resolve '\.\/gone'\n/);
  assert.doesNotMatch(plain, /\x1b\[/);
  assert.match(renderTextReport(sampleResult(), { color: true }).output, /\x1b\[/);
});

test('--fail-on sets exit code 1 when a finding is at least that severe', () => {
  assert.equal(renderTextReport(sampleResult(), { failOn: 'high' }).exitCode, 1);
  const onlyLow = sampleResult();
  onlyLow.findings = onlyLow.findings.filter((f) => f.severity === 'low');
  assert.equal(renderTextReport(onlyLow, { failOn: 'medium' }).exitCode, 0);
});

test('diagnostics grouped by package, each file once', () => {
  const result = sampleResult();
  result.diagnostics = [
    { code: 'unresolved-import', severity: 'warning', message: "cannot resolve './a'", file: 'src/index.ts', line: 9 },
    { code: 'parse-error', severity: 'error', message: 'unexpected token', file: 'node_modules/@scope/pkg/index.js', line: 3, column: 7 },
    { code: 'unresolved-import', severity: 'warning', message: "cannot resolve './b'", file: 'src/index.ts', line: 4 },
  ];
  const { output } = renderTextReport(result);
  const section = output.slice(output.indexOf('Diagnostics'));
  assert.equal(
    section,
    [
      'Diagnostics (3)',
      '  sample',
      '    src/index.ts',
      "      4     warning unresolved-import cannot resolve './b'",
      "      9     warning unresolved-import cannot resolve './a'",
      '  @scope/pkg',
      '    node_modules/@scope/pkg/index.js',
      '      3:7   error  parse-error unexpected token',
      '',
    ].join('\n'),
  );
});

test('findings that share one saving are said once: "these 2 registries load the same ...; convert both"', () => {
  const result = sampleResult();
  const registry = result.findings[0]!;
  result.findings.push({ ...registry, id: 'registry:src/other.ts:MORE', file: 'src/other.ts', line: 2, symbol: 'MORE' });
  const { output } = renderTextReport(result);
  const findings = output.slice(output.indexOf('Findings'), output.indexOf('Cost tree'));
  assert.equal(findings.match(/881 KB/g)?.length, 1, 'the shared saving is printed once');
  assert.match(output, /  high   these 2 registries load the same module; convert both to save 881 KB, 2 modules\n {9}src\/other\.ts:2 registry MORE \(object-map, 1 entry\)\n {9}src\/registry\.ts:5 registry PROVIDERS \(object-map, 1 entry\)\n {9}Replace the registry/);
  assert.match(output, /Findings \(4, biggest savings first\)/);
});

test('factories that save only together (their findings name each other) are said once, with their providers; a third finding of the kind stays apart', () => {
  const result = sampleResult();
  const factory = (file: string, symbol: string, together: string[], bindings: string[]) => ({
    id: `heavy-import:${file}:${symbol}`,
    kind: 'heavy-import' as const,
    severity: 'low' as const,
    file,
    line: 5,
    symbol,
    message: `${symbol} picks one of 2 providers`,
    cost: { exclusiveBytes: 307, exclusiveModules: 2 },
    bindings,
    together,
  });
  result.findings = [
    factory('lib/chat.js', 'chatModel', ['heavy-import:lib/embed.js:embedder'], ['OpenAIProvider', 'AnthropicProvider']),
    factory('lib/embed.js', 'embedder', ['heavy-import:lib/chat.js:chatModel'], ['OpenAI', 'AnthropicProvider']),
    { ...factory('lib/solo.js', 'solo', [], ['X', 'Y']), together: undefined },
  ];
  const { output } = renderTextReport(result);
  assert.match(output, /\n  low    these 2 factories pick among the same providers \(AnthropicProvider, OpenAI, OpenAIProvider\), each keeping them loaded for the other; fix both to save 307 B, 2 modules\n {9}lib\/chat\.js:5 heavy-import chatModel\n {9}lib\/embed\.js:5 heavy-import embedder\n/);
  assert.match(output, /\n  low    lib\/solo\.js:5 heavy-import solo saves 307 B, 2 modules\n {9}solo picks one of 2 providers\n/);
});

test('with a width, long lines wrap under their indent; without one they stay whole', () => {
  const result = sampleResult();
  result.findings[1]!.message = 'word '.repeat(40).trim();
  const wrapped = renderTextReport(result, { width: 40 }).output.split('\n');
  const start = wrapped.findIndex((l) => l.startsWith('         word'));
  const block = wrapped.slice(start, wrapped.findIndex((l, i) => i > start && !l.startsWith('         word')));
  assert.ok(block.length > 1, 'the message wrapped');
  for (const line of block) assert.ok(line.length <= 40 && /^ {9}word( word)*$/.test(line), JSON.stringify(line));
  assert.equal(block.join(' ').replace(/ +/g, ' ').trim(), result.findings[1]!.message);
  const whole = renderTextReport(result).output;
  assert.ok(whole.includes(`         ${result.findings[1]!.message}\n`));
  // Colours do not count towards the width.
  for (const line of renderTextReport(result, { width: 40, color: true }).output.split('\n')) {
    if (line.includes('word')) assert.ok(line.replace(/\x1b\[[0-9;]*m/g, '').length <= 40);
  }
});

test('a file too big to parse is named under the headline, before "No findings" can read as clean', () => {
  const result = sampleResult();
  result.findings = [];
  result.diagnostics.push({ code: 'file-too-large', severity: 'warning', file: 'src/icons.js', message: 'src/icons.js is 17825792 bytes (over 16777216), not parsed: the modules it imports, their cost and any findings in them are missing from this analysis' });
  const { output } = renderTextReport(result);
  const head = output.slice(0, output.indexOf('No findings.'));
  assert.match(head, /Incomplete: src\/icons\.js is 17825792 bytes .* missing from this analysis\.\n/);
});
