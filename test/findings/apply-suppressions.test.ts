import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuppressions } from '../../src/findings/apply-suppressions.js';
import { parseFindingsBaseline, toFindingsBaseline } from '../../src/findings/findings-baseline.js';
import { findFindings } from '../../src/findings/find-findings.js';
import type { Finding } from '../../src/findings/finding.js';
import { describeSuppressions } from '../../src/report/describe-suppressions.js';
import { graphFromSources } from './graph-from-sources.js';

const finding = (id: string, kind: Finding['kind'], file: string, line: number, bytes = 0): Finding => ({
  id, kind, file, line, severity: 'low', message: id, cost: { exclusiveBytes: bytes, exclusiveModules: bytes ? 1 : 0 },
});
const registry = finding('registry:src/router.ts:MODELS', 'registry', 'src/router.ts', 10, 2_000_000);
const heavy = finding('heavy-import:src/a.ts:openai', 'heavy-import', 'src/a.ts', 1, 50_000);
const cycle = finding('cycle:src/a.ts', 'cycle', 'src/a.ts', 2);
const env = finding('global-side-effect:src/env.ts:process.env.X', 'global-side-effect', 'src/env.ts', 3);
const all = [registry, heavy, cycle, env];
const ids = (findings: Finding[]) => findings.map((f) => f.id);

test('nothing to apply: every finding is reported, nothing counted', () => {
  const result = applySuppressions(all);
  assert.deepEqual(ids(result.findings), ids(all));
  assert.deepEqual(result.summary, { kindOff: 0, minSaving: 0, ignoreRule: 0, inlineComment: 0, baseline: 0, fixedSinceBaseline: 0 });
  assert.deepEqual(result.diagnostics, []);
});

test('ignore rules: by id, by kind, by file glob, by kind and file together', () => {
  assert.deepEqual(ids(applySuppressions(all, { ignore: ['registry:src/router.ts:MODELS'] }).findings), ids([heavy, cycle, env]));
  assert.deepEqual(ids(applySuppressions(all, { ignore: [{ kind: 'cycle' }] }).findings), ids([registry, heavy, env]));
  assert.deepEqual(ids(applySuppressions(all, { ignore: [{ file: 'src/a.*' }] }).findings), ids([registry, env]));
  const both = applySuppressions(all, { ignore: [{ kind: 'heavy-import', file: 'src/**', reason: 'loads on purpose' }] });
  assert.deepEqual(ids(both.findings), ids([registry, cycle, env]));
  assert.deepEqual(both.suppressed.map((s) => [s.finding.id, s.by, s.reason]), [[heavy.id, 'ignore-rule', 'loads on purpose']]);
  // A rule that matches nothing is said, so a stale config gets cleaned up.
  const stale = applySuppressions(all, { ignore: ['registry:src/gone.ts:X'] });
  assert.deepEqual(stale.diagnostics.map((d) => d.code), ['unused-ignore-rule']);
});

test('kinds turned off and minSaving; findings that cost no bytes stay whatever minSaving says', () => {
  const result = applySuppressions(all, { kinds: { registry: false, cycle: true }, minSaving: 100_000 });
  assert.deepEqual(ids(result.findings), ids([cycle, env]));
  assert.equal(result.summary.kindOff, 1);
  assert.equal(result.summary.minSaving, 1);
});

test('inline comments: on the finding\'s line or the line above, for the kinds named (or all), nowhere else', () => {
  const comments = {
    'src/router.ts': [{ line: 9, kinds: ['registry'], reason: 'plugins register at import' }],
    'src/a.ts': [{ line: 1, kinds: [] }],
    'src/env.ts': [{ line: 1, kinds: ['global-side-effect'] }],
  };
  const result = applySuppressions(all, { comments });
  // src/a.ts:1 silences the heavy import on line 1 and the cycle on line 2 (the line below it).
  assert.deepEqual(ids(result.findings), [env.id]);
  assert.equal(result.summary.inlineComment, 3);
  assert.equal(result.suppressed.find((s) => s.finding === registry)?.reason, 'plugins register at import');
  // The env.ts comment is two lines above its finding: it silences nothing, and is reported.
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.file, d.line]), [['unused-ignore-comment', 'src/env.ts', 1]]);
  const other = applySuppressions(all, { comments: { 'src/router.ts': [{ line: 10, kinds: ['cycle'] }] } });
  assert.ok(other.findings.includes(registry), 'a comment for another kind leaves the finding');
});

test('an inline comment naming no known kind is a warning with the closest kind', () => {
  const result = applySuppressions(all, { comments: { 'src/router.ts': [{ line: 10, kinds: ['registy'] }] } });
  assert.ok(result.findings.includes(registry));
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.message]), [
    ['unknown-ignore-kind', 'warning', 10, 'lazify-ignore names "registy", which is no finding kind (did you mean "registry"?)'],
  ]);
});

test('baseline: only findings it does not list are reported; fixed entries are counted; the file round-trips', () => {
  const baseline = parseFindingsBaseline(JSON.stringify(toFindingsBaseline([registry, cycle, finding('cycle:src/old.ts', 'cycle', 'src/old.ts', 1)])), 'b.json');
  assert.deepEqual(baseline.findings.map((f) => f.id), ['cycle:src/a.ts', 'cycle:src/old.ts', 'registry:src/router.ts:MODELS']);
  const result = applySuppressions(all, { baseline });
  assert.deepEqual(ids(result.findings), ids([heavy, env]));
  assert.equal(result.summary.baseline, 2);
  assert.equal(result.summary.fixedSinceBaseline, 1);
  assert.equal(describeSuppressions(result.summary), '2 findings not listed: 2 already in the baseline; 1 baseline entry is fixed (--update-baseline drops it)');
  assert.throws(() => parseFindingsBaseline('{"kind":"other"}', 'b.json'), { message: /^b\.json: not a lazify findings baseline/ });
  assert.throws(() => parseFindingsBaseline('nope', 'b.json'), { message: /^b\.json: not valid JSON/ });
});

test('finding ids carry no line: moving code down keeps every id, so rules and baselines keep matching', () => {
  const sources = (pad: string) => ({
    'src/index.ts': `${pad}import './env';\nimport { a } from './a';\nimport OpenAI from 'openai';\nexport function make() { return new OpenAI(); }\nexport { a };\n`,
    'src/env.ts': `${pad}process.env.LEVEL ??= 'info';\nprocess.env.LEVEL ??= 'info';\n`,
    'src/a.ts': `${pad}import { b } from './b';\nexport function a() { return b(); }\n`,
    'src/b.ts': `${pad}import { a } from './a';\nexport function b() { return 1; }\nexport const c = () => a();\n`,
  });
  const before = findFindings(graphFromSources(sources(''), { openai: 800_000 }));
  const after = findFindings(graphFromSources(sources('// moved\n\n\n'), { openai: 800_000 }));
  assert.deepEqual(ids(after).sort(), ids(before).sort());
  assert.notDeepEqual(after.map((f) => f.line), before.map((f) => f.line));
  // Two identical mutations in one file still get two ids.
  assert.deepEqual(ids(before).filter((id) => id.startsWith('global-side-effect')).sort(), ['global-side-effect:src/env.ts:process.env.LEVEL', 'global-side-effect:src/env.ts:process.env.LEVEL#2']);
});
