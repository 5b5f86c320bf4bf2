// The kept scans of installed files change nothing an analysis reports: the same JSON report
// from a cold cache, a warm one and none, on gateways whose SDKs are real installed packages.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { analyze } from '../../src/pipeline/analyze.js';
import { toJsonReport } from '../../src/report/json-report.js';

const repo = new URL('../../', import.meta.url).pathname;

for (const fixture of ['gateway-cjs', 'gateway-js']) {
  test(`${fixture}: the same report with no cache, a cold cache and a warm one`, () => {
    const cache = mkdtempSync(join(tmpdir(), 'lazify-scans-int-'));
    try {
      const dir = join(repo, 'fixtures', fixture);
      const report = (cacheDir: string | false) => JSON.stringify(toJsonReport(analyze(dir, { cacheDir })));
      const none = report(false);
      assert.equal(readdirSync(cache).length, 0);
      const cold = report(cache);
      assert.equal(readdirSync(join(cache, 'installed-files')).length, 1, 'the cold run kept its scans');
      // The kept analysis would answer the next run whole: without it, the run reads the kept scans.
      rmSync(join(cache, 'analyses'), { recursive: true, force: true });
      const warm = report(cache);
      assert.equal(cold, none);
      assert.equal(warm, none);
      assert.ok(JSON.parse(none).summary.eagerBytes > 1_000_000, 'the SDKs were sized: there was something to keep');
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
}
