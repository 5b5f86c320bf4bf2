// Many texts linted in one ESLint process report what `eslint --stdin --stdin-filename` reports
// for each text on its own; a config ESLint cannot load is one line naming the file, as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTexts } from '../../src/verify/eslint-batch.js';
import { lintChangedFiles } from '../../src/verify/lint-changed-files.js';
import { repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const bin = join(repoRoot, 'node_modules/.bin/eslint');

function project(eslintrc: string) {
  const temp = writeTempProject({ 'package.json': '{ "name": "batch-case", "version": "1.0.0" }\n', '.eslintrc.json': eslintrc, 'src/a.js': '' });
  symlinkSync(join(repoRoot, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  return temp;
}

const cli = (dir: string, path: string, text: string) => {
  const r = spawnSync(bin, ['--stdin', '--stdin-filename', path, '--format', 'json', '--no-ignore'], { cwd: dir, input: text, encoding: 'utf8' });
  return (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string; line: number; fatal?: boolean }> }>)[0]!.messages.map((m) => JSON.parse(JSON.stringify({ ruleId: m.ruleId, message: m.message, line: m.line, fatal: m.fatal })));
};

test('one process lints every text as the CLI does, each under its own file name', () => {
  const rules = { 'no-var': 'error', 'prefer-const': 'error', 'global-require': 'error' };
  const { dir, cleanup } = project(JSON.stringify({ root: true, env: { node: true, es2022: true }, parserOptions: { ecmaVersion: 2022 }, rules, overrides: [{ files: ['src/legacy/**'], rules: { 'no-var': 'off' } }] }));
  try {
    const inputs = [
      { path: 'src/a.js', text: 'var a = 1;\nlet b = 2;\nmodule.exports = { a, b };\n' },
      { path: 'src/legacy/b.js', text: 'var a = 1;\nfunction f() { return require("x"); }\nmodule.exports = { a, f };\n' },
      { path: 'src/c.js', text: 'const = ;\n' },
      { path: 'src/d.js', text: 'const ok = 1;\nmodule.exports = ok;\n' },
    ];
    const batch = lintTexts(dir, bin, inputs);
    assert.deepEqual(batch, inputs.map(({ path, text }) => cli(dir, path, text)));
    assert.ok((batch[0] as unknown[]).length === 2 && (batch[1] as unknown[]).length === 1 && (batch[3] as unknown[]).length === 0, JSON.stringify(batch));
  } finally {
    cleanup();
  }
});

test('a config ESLint cannot load fails the lint step with one line naming the file, and changes nothing', () => {
  const { dir, cleanup } = project('{ "root": true, "rules": { "no-such-rule-anywhere": "error" }, "extends": ["no-such-shared-config"] }');
  try {
    const change = { path: 'src/a.js', before: 'const a = 1;\n', after: 'const a = 2;\n' };
    const { changes, result } = lintChangedFiles(dir, [change], bin);
    assert.deepEqual(changes, [change]);
    assert.equal(result?.failed?.code, 'lint-failed');
    assert.equal(result?.failed?.file, 'src/a.js');
    assert.match(result?.failed?.message ?? '', /no-such-shared-config/);
    assert.doesNotMatch(result?.failed?.message ?? '', /\n/, 'one line');
    assert.deepEqual(result?.linted, []);
  } finally {
    cleanup();
  }
});
