// Each file is parsed by the parser that reads it (JSX in .jsx, .tsx and React .js files), and
// a file no parser reads costs only what needs it: the heavy-import deferral leaves that file
// out with one line naming it (the other importers are deferred), an operation that must
// rewrite it is skipped with that line, and the rest of the plan applies. Nothing aborts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { renderApplyReport } from '../../src/api/plan-and-apply.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

function project(extra: Record<string, string> = {}) {
  const temp = writeTempProject({
    'package.json': JSON.stringify({ name: 'jsx-case', version: '1.0.0', main: 'src/index.js' }),
    'src/index.js': `'use strict';\nconst { getEncoding } = require('js-tiktoken');\nconst { label } = require('./label');\n\nfunction countTokens(text) {\n  return getEncoding('cl100k_base').encode(String(text)).length;\n}\n\nmodule.exports = { countTokens, label };\n`,
    'src/label.js': `'use strict';\nexports.label = (n) => \`\${n} tokens\`;\n`,
    // Valid JSX that the \`ts\` parser cannot read: it used to stop the whole apply.
    'src/view.jsx': `import { getEncoding } from 'js-tiktoken';\n\nexport function TokenCount({ text }) {\n  return <span className="tokens">{getEncoding('cl100k_base').encode(text).length}</span>;\n}\n`,
    ...extra,
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  return temp;
}

const BROKEN = `const { getEncoding } = require('js-tiktoken');\nexports.broken = function ( {\n`;

test('a valid .jsx file is read with a JSX parser: the deferral rewrites it like any other importer', async () => {
  const { dir, cleanup } = project();
  try {
    const result = await apply(dir, { dryRun: true });
    assert.deepEqual(result.operations.map((op) => [op.id, op.failed]), [['heavy-import:src/index.js:js-tiktoken', undefined]]);
    assert.deepEqual(result.changes.map((c) => c.path), ['src/index.js', 'src/view.jsx']);
    const view = result.changes.find((c) => c.path === 'src/view.jsx')!.after;
    assert.match(view, /^ {2}const \{ getEncoding \} = loadJsTiktoken\(\);\n {2}return <span className="tokens">/m);
  } finally {
    cleanup();
  }
});

test('an unparsable importer is left out of the plan with one line naming it; the other files are deferred', async () => {
  const { dir, cleanup } = project({ 'src/broken.js': BROKEN });
  try {
    const result = await apply(dir, { dryRun: true });
    assert.deepEqual(result.skipped.map((d) => [d.code, d.finding, d.file, d.message]), [
      ['parse-error', 'heavy-import:src/index.js:js-tiktoken', 'src/broken.js', 'src/broken.js: cannot parse: Unexpected token (3:0)'],
    ]);
    assert.deepEqual(result.changes.map((c) => c.path), ['src/index.js', 'src/view.jsx']);
    const { output, exitCode } = renderApplyReport(result);
    assert.equal(exitCode, 0);
    assert.match(output, /^skipped: heavy-import:src\/index\.js:js-tiktoken: src\/broken\.js: cannot parse: Unexpected token \(3:0\)$/m);
  } finally {
    cleanup();
  }
});

test('an operation that must rewrite an unparsable file is skipped with one line; the rest of the plan applies', async () => {
  const { dir, cleanup } = project({ 'src/broken.js': BROKEN });
  try {
    const plan = {
      schemaVersion: 1,
      root: dir,
      operations: [
        { id: 'defer-broken', transform: 'defer-heavy-import', summary: '', files: ['src/broken.js'], options: { bindings: ['getEncoding'], moduleFormat: 'cjs' } },
        { id: 'defer-view', transform: 'defer-heavy-import', summary: '', files: ['src/view.jsx'], options: { bindings: ['getEncoding'], moduleFormat: 'cjs' } },
      ],
    };
    const result = await apply(dir, { plan, dryRun: true });
    assert.deepEqual(result.operations.map((op) => [op.id, op.failed && [op.failed.code, op.failed.file, op.failed.message]]), [
      ['defer-broken', ['cannot-parse', 'src/broken.js', 'src/broken.js: cannot parse: Unexpected token (3:0)']],
      ['defer-view', undefined],
    ]);
    assert.deepEqual(result.changes.map((c) => c.path), ['src/view.jsx']);
    assert.match(renderApplyReport(result).output, /^skipped \(defer-broken\): src\/broken\.js: cannot parse: Unexpected token \(3:0\)$/m);
  } finally {
    cleanup();
  }
});
