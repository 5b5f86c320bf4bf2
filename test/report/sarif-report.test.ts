import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import test from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FINDING_KIND_DOCS } from '../../src/findings/finding-kinds.js';
import { renderSarifReport, toSarif } from '../../src/report/sarif-report.js';
import { sampleResult } from './sample-result.js';

const require = createRequire(import.meta.url);

/** The published SARIF 2.1.0 schema (draft-04), as @microsoft/jest-sarif ships it. */
function sarifSchema(): object {
  return JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
}

test('SARIF: valid against the SARIF 2.1.0 JSON schema', () => {
  // unicodeRegExp off: one pattern of the schema (language) is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(sarifSchema());
  const log = JSON.parse(renderSarifReport(sampleResult(), { toolVersion: '0.1.0' }).output);
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  // The schema is strict enough to notice a broken document (so the check above can fail).
  const broken = structuredClone(log);
  broken.runs[0].results[0].level = 'fatal';
  delete broken.runs[0].tool.driver.name;
  assert.equal(validate(broken), false);
});

test('SARIF: one rule per finding kind with its description and help; results point at rules', () => {
  const run = toSarif(sampleResult(), { toolVersion: '0.1.0' }).runs[0]!;
  assert.equal(run.tool.driver.name, 'lazify');
  assert.equal(run.tool.driver.version, '0.1.0');
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id), Object.keys(FINDING_KIND_DOCS));
  for (const rule of run.tool.driver.rules) {
    assert.equal(rule.fullDescription.text, FINDING_KIND_DOCS[rule.id].description);
    assert.equal(rule.help.text, FINDING_KIND_DOCS[rule.id].help);
    assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
  }
  for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
});

test('SARIF: level from severity, location relative to the root, fingerprint from the finding id', () => {
  const result = sampleResult();
  const run = toSarif(result).runs[0]!;
  assert.deepEqual(
    run.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region?.startLine]),
    [
      ['eager-init', 'warning', 'src/utils.ts', 3],
      ['registry', 'error', 'src/registry.ts', 5],
      ['cycle', 'note', 'src/index.ts', 1],
    ],
  );
  assert.equal(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uriBaseId, 'PROJECTROOT');
  assert.equal(run.originalUriBaseIds.PROJECTROOT.uri, 'file:///project/');
  // The cycle's other module is a related location.
  assert.deepEqual(run.results[2]!.relatedLocations?.map((l) => l.physicalLocation.artifactLocation.uri), ['src/registry.ts']);
  // Same finding, other line: same fingerprint; another finding: another one.
  const fingerprint = (r: (typeof run.results)[number]) => r.partialFingerprints['lazifyFindingId/v1'];
  const moved = sampleResult();
  moved.findings[1]!.line = 40;
  const again = toSarif(moved).runs[0]!;
  assert.equal(fingerprint(again.results[0]!), fingerprint(run.results[0]!));
  assert.match(fingerprint(run.results[0]!)!, /^[0-9a-f]{64}$/);
  assert.equal(new Set(run.results.map(fingerprint)).size, run.results.length);
  // Diagnostics are tool notifications, with their place.
  assert.deepEqual(run.invocations[0]!.toolExecutionNotifications, [
    {
      level: 'warning',
      message: { text: "cannot resolve './gone'" },
      descriptor: { id: 'unresolved-import' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/index.ts', uriBaseId: 'PROJECTROOT' }, region: { startLine: 9 } } }],
    },
  ]);
});

test('SARIF: paths are URI-encoded and --fail-on sets the exit code', () => {
  const result = sampleResult();
  result.findings[0]!.file = 'src/my registry#1.ts';
  const run = toSarif(result).runs[0]!;
  assert.ok(run.results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'src/my%20registry%231.ts'));
  assert.equal(renderSarifReport(result, { failOn: 'high' }).exitCode, 1);
  assert.equal(renderSarifReport(result).exitCode, 0);
});
