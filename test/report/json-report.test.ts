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

test('a package imported through a subpath lists its bytes by specifier; one imported by its name alone does not', () => {
  const result = sampleResult();
  result.graph.modules['js-tiktoken']!.loadedBy = [
    { specifiers: ['js-tiktoken'], bytes: 4_990_000 },
    { specifiers: ['js-tiktoken', 'js-tiktoken/lite'], bytes: 10_000 },
  ];
  result.graph.modules.openai!.loadedBy = [{ specifiers: ['openai'], bytes: 900_000 }];
  const report = toJsonReport(result);
  assert.deepEqual(report.modules.find((m) => m.id === 'js-tiktoken')!.loadedBy, result.graph.modules['js-tiktoken']!.loadedBy);
  assert.equal('loadedBy' in report.modules.find((m) => m.id === 'openai')!, false);
});

test('docs/json-schema.md documents every field the report has', () => {
  const doc = readFileSync(join(repoRoot, 'docs/json-schema.md'), 'utf8');
  assert.ok(doc.includes('`loadedBy`'), 'docs/json-schema.md mentions `loadedBy`');
  const report = toJsonReport(sampleResult());
  const fields = new Set<string>([...Object.keys(report), ...Object.keys(report.summary), ...report.modules.flatMap((m) => Object.keys(m)), ...report.modules.flatMap((m) => m.imports.flatMap((i) => Object.keys(i))), ...Object.keys(report.savings[0])]);
  for (const field of fields) assert.ok(doc.includes(`\`${field}\``), `docs/json-schema.md mentions \`${field}\``);
  assert.match(doc, /schemaVersion.*1/);
});

/** Every key of the objects in `value`, recursively (values of `imports`-like maps excepted by `skip`). */
function keysOf(value: unknown, skip: (key: string) => boolean = () => false): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        keys.add(key);
        if (!skip(key)) walk(child);
      }
    }
  };
  walk(value);
  return keys;
}

test("docs/json-schema.md documents every field of every command's JSON, and each has its schemaVersion", async () => {
  const doc = readFileSync(join(repoRoot, 'docs/json-schema.md'), 'utf8');
  const { renderImportTimeReport } = await import('../../src/report/importtime-report.js');
  const { renderImportTimeComparison } = await import('../../src/report/importtime-comparison-report.js');
  const { compareImportTimes } = await import('../../src/measure/compare-import-times.js');
  const { renderWhyReport } = await import('../../src/report/why-report.js');
  const { renderPlanReport } = await import('../../src/report/plan-report.js');
  const { renderTransformsReport } = await import('../../src/report/transforms-report.js');
  const { sampleImportTime } = await import('../measure/sample-import-time.js');
  const measurement = sampleImportTime();
  measurement.tree[0]!.topLevel = [{ kind: 'call', call: 'getEncoding', callee: 'js-tiktoken', line: 3, ms: 1 }];
  measurement.tree[0]!.failed = 'threw';
  measurement.instrumentedTotalMs = 400;
  const slower = { ...sampleImportTime(), totalMs: 100 };
  const documents: Record<string, unknown> = {
    importtime: JSON.parse(renderImportTimeReport(measurement, 'json').output),
    compare: JSON.parse(renderImportTimeComparison(compareImportTimes(measurement, slower), 'json').output),
    why: JSON.parse(
      renderWhyReport(
        { root: '/p', entry: 'src/index.ts', target: 'openai', exclusiveBytes: 1, exclusiveModules: 1, diagnostics: [], chains: [{ modules: ['src/index.ts', 'openai'], eager: true, steps: [{ from: 'src/index.ts', to: 'openai', kind: 'import', lazy: false, line: 1 }] }] },
        { format: 'json' },
      ).output,
    ),
    plan: JSON.parse(renderPlanReport({ plan: { schemaVersion: 1, root: '/p', operations: [{ id: 'a', transform: 't', summary: 's', files: ['f'], options: {} }] }, skipped: [] }, 'json').output),
    transforms: JSON.parse(renderTransformsReport([{ name: 'n', description: 'd', phase: 'defer', options: [{ name: 'o', description: 'd', required: true }] }], 'json').output),
  };
  const { renderApplyReport } = await import('../../src/report/apply-report.js');
  const step = { ran: true, ok: true, command: 'npm test', output: '' };
  documents.apply = JSON.parse(
    renderApplyReport(
      {
        root: '/p',
        plan: { schemaVersion: 1, root: '/p', operations: [] },
        skipped: [{ code: 'nothing-saved', severity: 'info', message: 'm', file: 'f', line: 1, finding: 'k:f', operation: 'a' }],
        operations: [
          {
            id: 'a',
            changed: ['f'],
            reports: [{ code: 'transform-note', severity: 'info', message: 'n', file: 'f', operation: 'a' }],
            lines: [{ path: 'f', added: 1, removed: 0 }],
            failed: { code: 'cannot-parse', severity: 'warning', message: 'f: cannot parse: x', file: 'f', operation: 'a' },
          },
        ],
        changes: [{ path: 'f', before: undefined, after: '' }],
        diff: '',
        written: true,
        patchFile: '/p.patch',
        restored: true,
        recovery: { message: 'm' } as never,
        verification: { build: step, tests: step, exports: { before: [], after: [], missing: [], added: [] }, ok: true },
        importTime: { before: { entry: 'e', totalMs: 1, totalIqrMs: 0, moduleCount: 1, runs: 1 }, after: { failed: 'x' } },
        blocked: [{ id: 'b', diagnostics: [{ code: 'TS2322', severity: 'error', message: 'm', file: 'f', line: 1, operation: 'b' }] }],
        typeErrors: [],
      },
      { format: 'json' },
    ).output,
  );
  const missing = new Set<string>();
  for (const [command, document] of Object.entries(documents)) {
    // apply's is 2: its notes became diagnostics (docs/json-schema.md).
    const version = command === 'apply' ? 2 : 1;
    assert.equal((document as { schemaVersion: number }).schemaVersion, version, `${command} has schemaVersion ${version}`);
    // `imports` is a map from module ids, `options` a transform's own: their keys are data, not fields.
    for (const field of keysOf(document, (key) => key === 'imports' || key === 'options' || key === 'recovery')) {
      if (!doc.includes(`\`${field}\``)) missing.add(`${field} (${command})`);
    }
  }
  assert.deepEqual([...missing], [], 'fields docs/json-schema.md does not mention');
});
