// The project's own ESLint (8.57.1, a devDependency) on the files apply changed, before and
// after, in memory. A CommonJS project whose config enables `global-require` (a loader's
// `require` sits in a function on purpose): the loader line carries the directive a maintainer
// would write, with lazify's comment as its reason, and ESLint passes on the changed file as it
// did before. A rule the rewrite breaks for real is listed as file:line rule in apply's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply } from '../../src/index.js';
import { renderApplyReport } from '../../src/api/plan-and-apply.js';
import { REQUIRE_ALLOWED } from '../../src/messages/allowed-require.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

function project(rules: Record<string, string>) {
  const temp = writeTempProject({
    'package.json': JSON.stringify({ name: 'lint-case', version: '1.0.0', main: 'src/index.js' }),
    '.eslintrc.json': JSON.stringify({ root: true, env: { node: true, es2022: true }, parserOptions: { ecmaVersion: 2022, sourceType: 'script' }, rules }),
    'src/index.js': `'use strict';\nconst { getEncoding } = require('js-tiktoken');\n\nfunction countTokens(text) {\n  return getEncoding('cl100k_base').encode(String(text)).length;\n}\n\nmodule.exports = { countTokens };\n`,
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  return temp;
}

const eslint = (dir: string) => spawnSync(join(repoRoot, 'node_modules/.bin/eslint'), ['src/index.js'], { cwd: dir, encoding: 'utf8' });

test('global-require: the loader line says why it requires in a function, and ESLint passes after apply as before', async () => {
  const { dir, cleanup } = project({ 'global-require': 'error', 'no-unused-vars': 'error' });
  try {
    assert.equal(eslint(dir).status, 0, eslint(dir).stdout);
    const result = await apply(dir);
    assert.deepEqual(result.changes.map((c) => c.path), ['src/index.js']);
    assert.deepEqual(result.lint?.added, []);
    assert.deepEqual(result.lint?.allowed, [{ code: 'global-require', severity: 'info', message: REQUIRE_ALLOWED, file: 'src/index.js', line: 6 }]);
    assert.match(renderApplyReport(result).output, /^note: ESLint forbids require\(\) here; the loader lines say why they use it \(eslint-disable-next-line\): src\/index\.js:6 global-require$/m);
    const after = eslint(dir);
    assert.equal(after.status, 0, after.stdout);
    // The loader is wider than the file's lines, so it is laid out over three; the directive sits above its require.
    assert.match(
      result.changes[0]!.after,
      /^\/\/ lazify: loaded on first use instead of at import\.\nlet loadedJsTiktoken,\n  loadJsTiktoken = \(\) =>\n    \/\/ eslint-disable-next-line global-require -- loaded on first use\n    loadedJsTiktoken === undefined \? \(loadedJsTiktoken = require\('js-tiktoken'\)\) : loadedJsTiktoken;$/m,
    );
    assert.match(renderApplyReport(result).output, /^ESLint: no new problems in the 1 changed file\(s\)\.$/m);
  } finally {
    cleanup();
  }
});

test('a rule the rewrite breaks is listed as file:line rule in apply\'s output', async () => {
  // The project forbids `let`, which the memoised loader declares: a real new problem, not hidden.
  const { dir, cleanup } = project({});
  try {
    const rules = { 'no-restricted-syntax': ['error', { selector: "VariableDeclaration[kind='let']", message: 'use const' }] };
    writeFileSync(join(dir, '.eslintrc.json'), JSON.stringify({ root: true, env: { node: true, es2022: true }, parserOptions: { ecmaVersion: 2022 }, rules }));
    assert.equal(eslint(dir).status, 0, eslint(dir).stdout);
    const result = await apply(dir, { dryRun: true });
    assert.deepEqual(result.lint?.added, [{ code: 'no-restricted-syntax', severity: 'warning', message: 'use const', file: 'src/index.js', line: 3 }]);
    assert.match(renderApplyReport(result).output, /^warning: the rewrite adds 1 ESLint problem\(s\):\n {2}src\/index\.js:3: no-restricted-syntax use const$/m);
  } finally {
    cleanup();
  }
});

test('prefer-const and a formatter: the loader becomes `let loadedX` and `const loadX`, formatted again, and ESLint and prettier pass as before', async () => {
  const { dir, cleanup } = project({ 'prefer-const': 'error', 'global-require': 'error' });
  try {
    // A prettier project whose loader prettier breaks over lines (printWidth 60): the directive
    // and the split must follow its layout.
    writeFileSync(join(dir, '.prettierrc'), JSON.stringify({ singleQuote: true, printWidth: 60 }));
    writeFileSync(join(dir, 'src/index.js'), `'use strict';\nconst { getEncoding } = require('js-tiktoken');\n\nfunction countTokens(text) {\n  return getEncoding('cl100k_base').encode(String(text))\n    .length;\n}\n\nmodule.exports = { countTokens };\n`);
    const prettier = () => spawnSync(join(repoRoot, 'node_modules/.bin/prettier'), ['--check', 'src/index.js'], { cwd: dir, encoding: 'utf8' });
    assert.equal(prettier().status, 0, prettier().stdout);
    assert.equal(eslint(dir).status, 0, eslint(dir).stdout);
    const result = await apply(dir);
    assert.deepEqual(result.formatting?.formatted, ['src/index.js']);
    assert.deepEqual(result.lint?.added, []);
    const text = result.changes[0]!.after;
    assert.match(text, /^let loadedJsTiktoken;\nconst loadJsTiktoken = \(\) =>$/m);
    assert.match(text, /\/\/ eslint-disable-next-line global-require -- loaded on first use\n\s+\(loadedJsTiktoken = require\('js-tiktoken'\)\)/);
    const after = eslint(dir);
    assert.equal(after.status, 0, after.stdout);
    assert.equal(prettier().status, 0, prettier().stdout);
  } finally {
    cleanup();
  }
});
