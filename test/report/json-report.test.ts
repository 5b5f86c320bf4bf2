import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { renderJsonReport, toJsonReport } from '../../src/report/json-report.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { sampleResult } from './sample-result.js';

test('schema v1: entry, modules with sizes and imports, ranked findings, diagnostics', () => {
  const report = JSON.parse(renderJsonReport(sampleResult()).output);
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.entry, 'src/index.ts');
  const utils = report.modules.find((m: { id: string }) => m.id === 'src/utils.ts');
  assert.deepEqual(utils, {
    id: 'src/utils.ts',
    kind: 'local',
    size: 3000,
    cumulativeSize: 5_003_000,
    exclusiveSize: 5_003_000,
    eager: true,
    format: 'esm',
    imports: [
      { to: 'js-tiktoken', specifier: 'js-tiktoken', kind: 'import', lazy: false, line: 1 },
      { to: 'zod', specifier: 'zod', kind: 'dynamic-import', lazy: true, line: 2 },
    ],
  });
  assert.equal(report.modules.find((m: { id: string }) => m.id === 'openai').version, '6.0.0');
  assert.deepEqual(report.findings.map((f: { kind: string }) => f.kind), ['eager-init', 'registry', 'cycle']);
  assert.deepEqual(report.findings[1].entries, [{ key: 'openai', module: 'openai', export: 'OpenAI', valueShape: 'reference', line: 6 }]);
  assert.deepEqual(report.findings[2].files, ['src/index.ts', 'src/registry.ts']);
  assert.equal(report.diagnostics[0].code, 'unresolved-import');
  assert.equal(report.summary.eagerBytes, 1000 + 2000 + 3000 + 900_000 + 5_000_000);
});

test('docs/json-schema.md documents every field the report has', () => {
  const doc = readFileSync(join(repoRoot, 'docs/json-schema.md'), 'utf8');
  const report = toJsonReport(sampleResult());
  const fields = new Set<string>([...Object.keys(report), ...Object.keys(report.summary), ...report.modules.flatMap((m) => Object.keys(m)), ...report.modules.flatMap((m) => m.imports.flatMap((i) => Object.keys(i))), ...Object.keys(report.savings[0])]);
  for (const field of fields) assert.ok(doc.includes(`\`${field}\``), `docs/json-schema.md mentions \`${field}\``);
  assert.match(doc, /schemaVersion.*1/);
});
