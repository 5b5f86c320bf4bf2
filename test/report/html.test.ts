import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtmlReport } from '../../src/report/html.js';
import { sampleImportTime } from '../measure/sample-import-time.js';

test('the HTML report is one self-contained page: inline style, script and data, nothing fetched', () => {
  const { output, exitCode } = renderHtmlReport({ importTime: sampleImportTime() });
  assert.equal(exitCode, 0);
  assert.match(output, /^<!doctype html>/);
  assert.match(output, /<style>[\s\S]+<\/style>/);
  assert.doesNotMatch(output, /<(script|link|img|iframe)\b[^>]*\b(src|href)=/i);
  assert.doesNotMatch(output, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no URL but the SVG namespace');
  const data = /<script id="lazify-data" type="application\/json">([\s\S]*?)<\/script>/.exec(output);
  assert.ok(data);
  const parsed = JSON.parse(data[1]);
  assert.equal(parsed.importTime.tree[0].id, 'src/index.ts');
  assert.equal(parsed.findings, null);
});

test('module ids and messages cannot break out of the page', () => {
  const importTime = sampleImportTime();
  importTime.tree[0].id = 'src/</script><img src=x onerror=alert(1)>.ts';
  importTime.diagnostics = [{ code: 'import-threw', severity: 'error', message: '<b>boom</b> & more' }];
  const { output } = renderHtmlReport({ importTime, findings: [] });
  assert.equal(output.match(/<\/script>/g)!.length, 2, 'only the two real script elements close');
  assert.doesNotMatch(output, /<img/);
  assert.match(output, /error: &lt;b&gt;boom&lt;\/b&gt; &amp; more/);
  const data = /<script id="lazify-data" type="application\/json">([\s\S]*?)<\/script>/.exec(output)!;
  assert.equal(JSON.parse(data[1]).importTime.tree[0].id, importTime.tree[0].id);
});
