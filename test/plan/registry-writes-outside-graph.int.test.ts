// A map the entry loads can be written by files the entry does not load: a subpath export of the
// package, or the package's own tests. Converting it to getters would make those writes throw
// (`Cannot set property no-five of #<Object> which has only a getter`), so the analysis reads those
// files too when the entry loads a map: its finding names the write, and the plan leaves the map eager.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { analyze, plan } from '../../src/index.js';
import { writeTempProject } from '../helpers/write-temp-project.js';
import { skippedLines } from '../helpers/skipped-lines.js';

const RULE = `'use strict';\nmodule.exports = { meta: { type: 'problem' }, create() { return {}; } };\n`;
const base = {
  'package.json': JSON.stringify({ name: 'rules-plugin', version: '1.0.0', main: 'index.js', exports: { '.': './index.js', './deprecate': './deprecate.js' } }),
  'index.js': `'use strict';\nmodule.exports = require('./lib/rules');\n`,
  'lib/rules.js': `'use strict';\nmodule.exports = {\n  'no-five': require('./no-five'),\n  'no-six': require('./no-six'),\n};\n`,
  'lib/no-five.js': RULE,
  'lib/no-six.js': RULE,
};

/** The plan of the project, and what the analysis says of the map: convertible, or its blockers. */
async function planned(files: Record<string, string>): Promise<{ operations: string[]; skipped: string[]; finding: string }> {
  const { dir, cleanup } = writeTempProject({ ...base, ...files });
  try {
    const result = await plan(dir, { cacheDir: false });
    return { operations: result.plan.operations.map((o) => `${o.transform} ${o.id}`), skipped: skippedLines(result.skipped), finding: await mapFinding(dir, false) };
  } finally {
    cleanup();
  }
}

async function mapFinding(dir: string, cacheDir: string | false): Promise<string> {
  const finding = (await analyze(dir, { cacheDir })).findings.find((f) => f.kind === 'registry' && f.file === 'lib/rules.js');
  assert.ok(finding, 'the analysis reports the rules map');
  return finding.convertible ? 'convertible' : (finding.blockers ?? []).join('; ');
}

test('a rules map nothing else writes converts', async () => {
  const result = await planned({});
  assert.deepEqual(result.operations, ['registry-to-manifest registry:lib/rules.js:module.exports']);
  assert.equal(result.finding, 'convertible');
});

test('a subpath export the entry does not load writes an entry through the index: the map stays eager', async () => {
  const result = await planned({ 'deprecate.js': `'use strict';\nconst rules = require('./index');\nrules['no-five'] = { ...rules['no-five'], meta: { deprecated: true } };\nmodule.exports = rules;\n` });
  assert.deepEqual(result.operations, []);
  assert.match(result.skipped.join('\n'), /stays-eager registry:lib\/rules\.js:module\.exports: module\.exports stays eager: module\.exports has an entry written by deprecate\.js:3 \(`rules\['no-five'\] = /);
  assert.match(result.finding, /^module\.exports has an entry written by deprecate\.js:3 /);
});

test('a test of the package that writes an entry: the map stays eager, so the test still passes untouched', async () => {
  const result = await planned({ 'test/rules.test.js': `'use strict';\nconst rules = require('../lib/rules');\nrules['no-six'] = require('../lib/no-five');\n` });
  assert.deepEqual(result.operations, []);
  assert.match(result.skipped.join('\n'), /module\.exports has an entry written by test\/rules\.test\.js:3 \(`rules\['no-six'\] = require\('\.\.\/lib\/no-five'\)`\)/);
  assert.equal(result.finding, "module.exports has an entry written by test/rules.test.js:3 (`rules['no-six'] = require('../lib/no-five')`): a lazy entry is a getter with no setter");
});

test('a test that requires the package inside its callback, or writes through the require() itself: the map stays eager', async () => {
  const inCallback = await planned({ 'test/rules.test.js': `'use strict';\ndescribe('rules', () => {\n  const rules = require('../index');\n  rules['no-six'] = require('../lib/no-five');\n});\n` });
  assert.deepEqual(inCallback.operations, []);
  assert.equal(inCallback.finding, "module.exports has an entry written by test/rules.test.js:4 (`rules['no-six'] = require('../lib/no-five')`): a lazy entry is a getter with no setter");
  const direct = await planned({ 'test/rules.test.js': `'use strict';\ndelete require('../lib/rules')['no-five'];\n` });
  assert.deepEqual(direct.operations, []);
  assert.match(direct.skipped.join('\n'), /module\.exports has an entry written by test\/rules\.test\.js:2 \(`delete require\('\.\.\/lib\/rules'\)\['no-five'\]`\)/);
});

test('a kept analysis is not reused once a test that writes an entry is added, nor once a test starts writing one', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lazify-writes-'));
  const dir = join(root, 'plugin');
  const cache = join(root, 'cache');
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  try {
    for (const [path, text] of Object.entries(base)) write(path, text);
    write('test/other.test.js', `'use strict';\nconst rules = require('../lib/rules');\nconsole.log(Object.keys(rules));\n`);
    // Files changed in the last two seconds keep an analysis from being kept.
    await sleep(2_100);
    assert.equal(await mapFinding(dir, cache), 'convertible');
    assert.equal(await mapFinding(dir, cache), 'convertible');
    write('test/rules.test.js', `'use strict';\nconst rules = require('../lib/rules');\nrules['no-six'] = require('../lib/no-five');\n`);
    await sleep(2_100);
    assert.match(await mapFinding(dir, cache), /^module\.exports has an entry written by test\/rules\.test\.js:3 /);
    rmSync(join(dir, 'test/rules.test.js'));
    await sleep(2_100);
    assert.equal(await mapFinding(dir, cache), 'convertible');
    write('test/other.test.js', `'use strict';\nconst rules = require('../lib/rules');\nrules['no-five'] = {};\n`);
    await sleep(2_100);
    assert.match(await mapFinding(dir, cache), /^module\.exports has an entry written by test\/other\.test\.js:3 /);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
