import assert from 'node:assert/strict';
import test from 'node:test';
import { diagnosticAnnotations, findingAnnotations, renderGithubAnnotations } from '../../src/report/github-annotations.js';
import { sampleResult } from './sample-result.js';

test('workflow commands: file, line, col, title; %, CR, LF escaped everywhere, : and , in properties', () => {
  const out = renderGithubAnnotations([{ level: 'warning', file: 'src/a,b:c.ts', line: 3, column: 7, title: 'x: 50%, y', message: 'one\r\ntwo 100%: a, b' }]);
  assert.equal(out, '::warning file=src/a%2Cb%3Ac.ts,line=3,col=7,title=x%3A 50%25%2C y::one%0D%0Atwo 100%25: a, b\n');
  assert.equal(renderGithubAnnotations([{ level: 'error', message: 'no place' }]), '::error::no place\n');
});

test('findings: ranked, paths under the prefix; error when past --fail-on, else warning, notice for low', () => {
  const { findings } = sampleResult();
  const plain = findingAnnotations(findings, { pathPrefix: 'packages/gw' });
  assert.deepEqual(plain.map((a) => [a.level, a.file, a.line]), [
    ['warning', 'packages/gw/src/utils.ts', 3],
    ['warning', 'packages/gw/src/registry.ts', 5],
    ['notice', 'packages/gw/src/index.ts', 1],
  ]);
  assert.match(plain[1]!.title!, /^lazify high: Eager registry PROVIDERS \(saves 881 KB, 2 modules\)$/);
  assert.deepEqual(findingAnnotations(findings, { failOn: 'medium' }).map((a) => a.level), ['error', 'error', 'notice']);
});

test('diagnostics: severity to level, location only when it has a file', () => {
  const annotations = diagnosticAnnotations([
    { code: 'parse-error', severity: 'error', message: 'bad', file: 'src/x.ts', line: 2, column: 5 },
    { code: 'esm-in-require', severity: 'info', message: 'note' },
  ]);
  assert.equal(renderGithubAnnotations(annotations), '::error file=src/x.ts,line=2,col=5,title=lazify parse-error::bad\n::notice title=lazify esm-in-require::note\n');
});
