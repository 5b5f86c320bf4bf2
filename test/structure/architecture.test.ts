// lazify checks its own structure, the way dependency-cruiser does: each rule says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative, resolve, dirname, basename } from 'node:path';
import { globSync } from 'tinyglobby';
import { ts } from 'ts-morph';
import { repoRoot } from '../helpers/copy-fixture.js';

const sourceFiles = globSync(['src/**/*.ts'], { cwd: repoRoot, absolute: true });

interface SourceInfo {
  file: string;
  imports: string[];
  text: string;
}

function read(file: string): SourceInfo {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: string[] = [];
  for (const statement of sf.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly;
      if (!typeOnly) imports.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return { file: relative(repoRoot, file).split('\\').join('/'), imports, text };
}

const sources = sourceFiles.map(read);
const stageOf = (rel: string) => rel.split('/')[1];
const localTarget = (from: string, spec: string) =>
  relative(repoRoot, resolve(dirname(resolve(repoRoot, from)), spec)).split('\\').join('/').replace(/\.js$/, '.ts');

test('the CLI only talks to the public API (src/index.ts), so everything it can do a library user can do too', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'cli')
    .flatMap((s) =>
      s.imports
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ from: s.file, to: localTarget(s.file, spec) }))
        .filter(({ to }) => to !== 'src/index.ts' && !to.startsWith('src/cli/')),
    );
  assert.deepEqual(offenders, []);
});

test('the core never prints: only src/cli writes to stdout or stderr (the CLI decides what a user sees)', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) !== 'cli')
    .filter((s) => /\bconsole\.(log|error|warn|info|debug)\s*\(|process\.(stdout|stderr)\.write/.test(stripStrings(s.text)))
    .map((s) => s.file);
  assert.deepEqual(offenders, []);
});

test('reporters only read results: no file system, no child processes', () => {
  const offenders = sources
    .filter((s) => stageOf(s.file) === 'report')
    .filter((s) => s.imports.some((spec) => /^(node:)?(fs|fs\/promises|child_process)$/.test(spec)))
    .map((s) => s.file);
  assert.deepEqual(offenders, []);
});

test('no grab-bag modules: no file is called utils, helpers, common or misc', () => {
  const offenders = sourceFiles
    .map((f) => relative(repoRoot, f))
    .filter((f) => /^(utils?|helpers?|common|misc)\.ts$/.test(basename(f)));
  assert.deepEqual(offenders, []);
});

function stripStrings(text: string): string {
  // Comments and string contents can mention console.log without calling it.
  return text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
}
