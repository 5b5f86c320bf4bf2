// lazify check through the built CLI (`npm run build` first), on a small temp project: exit 0
// within budget, 1 over it or past the baseline, 2 for input it cannot use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLazify } from '../helpers/run-lazify.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const project = () => writeTempProject({
  'package.json': JSON.stringify({ name: 'tiny', version: '1.0.0', main: 'index.js' }),
  'index.js': "'use strict';\nconst { a } = require('./lib/a');\nconst { b } = require('./lib/b');\nmodule.exports = { a, b };\n",
  'lib/a.js': "'use strict';\nexports.a = () => 'a';\n",
  'lib/b.js': "'use strict';\nexports.b = () => 'b';\n",
});

test('within budget: exit 0 and a table with every metric, the measured time as a ratio to a bare node start', () => {
  const { dir, cleanup } = project();
  try {
    const run = runLazify(['check', dir, '--runs', '1', '--max-modules', '3', '--max-bytes', '10KB', '--max-import-ratio', '1000']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^lazify check: tiny \(index\.js\)\n/);
    assert.match(run.stdout, /^ {2}metric +actual +budget +baseline +result$/m);
    assert.match(run.stdout, /^ {2}modules at import +3 +3 +- +ok$/m);
    assert.match(run.stdout, /^ {2}bytes at import +\d+ B +10\.0 KB +- +ok$/m);
    assert.match(run.stdout, /^ {2}import \/ node start +\d+\.\dx +1000\.0x +- +ok$/m);
    assert.match(run.stdout, /a bare `node -e 0` took \d+ ms in the same run/);
    assert.match(run.stdout, /\nPASS: 3 of 3 checks within budget\n$/);
    const json = JSON.parse(runLazify(['check', dir, '--runs', '1', '--max-modules', '3', '--format', 'json']).stdout);
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.kind, 'check');
    assert.equal(json.passed, true);
    assert.equal(json.metrics.modules, 3);
    assert.ok(json.metrics.importMs > 0 && json.metrics.importRatio > 0 && json.timing.nodeStartMs > 0);
  } finally {
    cleanup();
  }
});

test('over budget: exit 1, the row and the verdict say which; config budgets apply and flags override them', () => {
  const { dir, cleanup } = project();
  try {
    const over = runLazify(['check', dir, '--no-measure', '--max-modules', '2']);
    assert.equal(over.status, 1, over.stdout + over.stderr);
    assert.match(over.stdout, /^ {2}modules at import +3 +2 +- +OVER budget$/m);
    assert.match(over.stdout, /\nFAIL: modules at import over budget\n$/);
    writeFileSync(join(dir, 'lazify.config.json'), JSON.stringify({ budgets: { modules: 2, bytes: '1 KB' } }));
    const configured = runLazify(['check', dir, '--no-measure', '--format', 'markdown']);
    assert.equal(configured.status, 1);
    assert.match(configured.stdout, /^\| modules at import \| 3 \| 2 \| - \| \*\*OVER budget\*\* \|$/m);
    const flags = runLazify(['check', dir, '--no-measure', '--max-modules', '3', '--max-bytes', '1MB']);
    assert.equal(flags.status, 0, flags.stdout);
  } finally {
    cleanup();
  }
});

test('--baseline: written when missing, then growth past it fails; --update-baseline accepts it', () => {
  const { dir, cleanup } = project();
  try {
    const baseline = join(dir, 'lazify-check.json');
    const first = runLazify(['check', dir, '--no-measure', '--baseline', baseline]);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stderr, /^lazify: wrote the import's metrics to /);
    assert.equal(JSON.parse(readFileSync(baseline, 'utf8')).metrics.modules, 3);
    // One more module at import.
    writeFileSync(join(dir, 'lib/c.js'), "'use strict';\nexports.c = 1;\n");
    writeFileSync(join(dir, 'lib/b.js'), "'use strict';\nrequire('./c');\nexports.b = () => 'b';\n");
    const grown = runLazify(['check', dir, '--no-measure', '--baseline', baseline]);
    assert.equal(grown.status, 1, grown.stdout);
    assert.match(grown.stdout, /^ {2}modules at import +4 +- +3 +GREW past baseline$/m);
    assert.equal(runLazify(['check', dir, '--no-measure', '--baseline', baseline, '--update-baseline']).status, 0);
    assert.equal(runLazify(['check', dir, '--no-measure', '--baseline', baseline]).status, 0);
  } finally {
    cleanup();
  }
});

test('input check cannot use: exit 2, one line on stderr', () => {
  const { dir, cleanup } = project();
  try {
    const size = runLazify(['check', dir, '--max-bytes', 'lots']);
    assert.equal(size.status, 2);
    assert.equal(size.stderr, 'lazify: --max-bytes must be a size such as 2MB, 500KB or a number of bytes, got "lots"\n');
    const ratio = runLazify(['check', dir, '--max-import-ratio', '0']);
    assert.equal(ratio.status, 2);
    writeFileSync(join(dir, 'bad.json'), '{ "budgets": { "importRatio": -1 } }');
    const config = runLazify(['check', dir, '--config', join(dir, 'bad.json')]);
    assert.equal(config.status, 2);
    assert.match(config.stderr, /bad\.json: "budgets\.importRatio" must be more than 0\n$/);
    writeFileSync(join(dir, 'b.json'), '[]');
    const baseline = runLazify(['check', dir, '--no-measure', '--baseline', join(dir, 'b.json')]);
    assert.equal(baseline.status, 2);
    assert.match(baseline.stderr, /b\.json: not a lazify check baseline/);
    const missing = runLazify(['check', join(dir, 'nowhere')]);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.split('\n').length, 2, missing.stderr);
  } finally {
    cleanup();
  }
});
