// A map the entry loads can be written by files the entry does not load: a subpath export of the
// package, or the package's own tests. Converting it to getters would make those writes throw
// (`Cannot set property no-five of #<Object> which has only a getter`), so the plan leaves it eager
// and names the write. The analysis reads only what the entry loads; the plan reads the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/index.js';
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

async function planned(files: Record<string, string>): Promise<{ operations: string[]; skipped: string[] }> {
  const { dir, cleanup } = writeTempProject({ ...base, ...files });
  try {
    const result = await plan(dir, { cacheDir: false });
    return { operations: result.plan.operations.map((o) => `${o.transform} ${o.id}`), skipped: skippedLines(result.skipped) };
  } finally {
    cleanup();
  }
}

test('a rules map nothing else writes converts', async () => {
  assert.deepEqual((await planned({})).operations, ['registry-to-manifest registry:lib/rules.js:module.exports']);
});

test('a subpath export the entry does not load writes an entry through the index: the map stays eager', async () => {
  const result = await planned({ 'deprecate.js': `'use strict';\nconst rules = require('./index');\nrules['no-five'] = { ...rules['no-five'], meta: { deprecated: true } };\nmodule.exports = rules;\n` });
  assert.deepEqual(result.operations, []);
  assert.match(result.skipped.join('\n'), /stays-eager registry:lib\/rules\.js:module\.exports: module\.exports stays eager: module\.exports has an entry written by deprecate\.js:3 \(`rules\['no-five'\] = /);
});

test('a test of the package that writes an entry: the map stays eager, so the test still passes untouched', async () => {
  const result = await planned({ 'test/rules.test.js': `'use strict';\nconst rules = require('../lib/rules');\nrules['no-six'] = require('../lib/no-five');\n` });
  assert.deepEqual(result.operations, []);
  assert.match(result.skipped.join('\n'), /module\.exports has an entry written by test\/rules\.test\.js:3 \(`rules\['no-six'\] = require\('\.\.\/lib\/no-five'\)`\)/);
});
