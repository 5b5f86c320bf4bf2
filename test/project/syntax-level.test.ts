import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSet } from '../../src/edits/file-set.js';
import { projectSyntaxLevel } from '../../src/project/syntax-level.js';
import { eagerInitPlanner, heavyImportPlanner } from '../../src/plan/plan-deferrals.js';
import type { Finding } from '../../src/findings/finding.js';
import { writeTempProject } from '../helpers/write-temp-project.js';
import { withFactsOfFiles } from '../../src/facts/extract-facts.js';

function levelOf(files: Record<string, string>) {
  const { dir, cleanup } = writeTempProject(files);
  try {
    return projectSyntaxLevel(new FileSet(dir));
  } finally {
    cleanup();
  }
}

test('the syntax level is the lowest of engines.node, eslint ecmaVersion and a tsconfig target over JavaScript', () => {
  assert.deepEqual(levelOf({ 'package.json': '{}' }), { level: Infinity });
  assert.deepEqual(levelOf({ 'package.json': JSON.stringify({ engines: { node: '>=12' } }) }), { level: 2018, source: 'engines.node ">=12"' });
  assert.deepEqual(levelOf({ 'package.json': JSON.stringify({ engines: { node: '>=18' } }) }), { level: 2021, source: 'engines.node ">=18"' });
  assert.deepEqual(levelOf({ 'package.json': JSON.stringify({ engines: { node: '>=0.10' } }) }), { level: 5, source: 'engines.node ">=0.10"' });
  assert.deepEqual(
    levelOf({ 'package.json': JSON.stringify({ engines: { node: '>=18' } }), '.eslintrc.json': '{ "parserOptions": { "ecmaVersion": 5 } }' }),
    { level: 5, source: '.eslintrc.json ecmaVersion 5' },
  );
  assert.deepEqual(levelOf({ 'package.json': JSON.stringify({ eslintConfig: { parserOptions: { ecmaVersion: 6 } } }) }), { level: 2015, source: 'package.json eslintConfig ecmaVersion 6' });
  assert.deepEqual(levelOf({ 'package.json': '{}', 'tsconfig.json': '{ "compilerOptions": { "target": "ES2019", "allowJs": true } }' }), { level: 2019, source: 'tsconfig target ES2019' });
  assert.deepEqual(levelOf({ 'package.json': '{}', 'tsconfig.json': '{ "compilerOptions": { "target": "ES2019" } }' }), { level: Infinity }, 'tsc compiles TypeScript down itself');
});

test('planners pass the project level to transforms writing JavaScript, and nothing when it allows what they write', () => {
  const source = `'use strict';\nconst { getEncoding } = require('js-tiktoken');\nconst encoder = getEncoding('cl100k_base');\nfunction count(t) { return encoder.encode(t).length; }\nmodule.exports = { count };\n`;
  const finding = (kind: Finding['kind'], symbol: string, target: string): Finding =>
    ({ id: `${kind}:lib/a.js:${symbol}`, kind, severity: 'high', file: 'lib/a.js', line: 1, symbol, message: '', cost: { exclusiveBytes: 1000, exclusiveModules: 1 }, target });
  for (const [engines, eager, heavy] of [['>=12', 2018, undefined], ['>=0.10', 5, 5], ['>=18', undefined, undefined]] as const) {
    const { dir, cleanup } = writeTempProject({ 'package.json': JSON.stringify({ name: 'a', engines: { node: engines } }), 'lib/a.js': source, 'lib/b.js': `const { getEncoding } = require('js-tiktoken');\nexports.make = () => getEncoding('x');\n` });
    try {
      const project = new FileSet(dir);
      const context = { project, sourceFiles: ['lib/a.js', 'lib/b.js'], facts: withFactsOfFiles({}, ['lib/a.js', 'lib/b.js'], project), choices: {} };
      assert.equal(eagerInitPlanner.plan(finding('eager-init', 'encoder', 'getEncoding'), context).operations[0]?.options.syntaxLevel, eager, engines);
      const heavyOps = heavyImportPlanner.plan({ ...finding('heavy-import', 'js-tiktoken', 'js-tiktoken'), file: 'lib/b.js' }, { ...context, sourceFiles: ['lib/b.js'] }).operations;
      assert.equal(heavyOps.length, 1);
      assert.equal(heavyOps[0]?.options.syntaxLevel, heavy, engines);
    } finally {
      cleanup();
    }
  }
});
