// The files the entry does not load are read for their writer facts alone (src/facts/unreached-files.ts):
// for every file of the fixtures and of a real package (date-fns@3.6.0: CommonJS, its ES module
// copies, fp/ and locales), they are the same values as those fields of the file's full facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { globSync } from 'tinyglobby';
import { writerFactsOfFiles, withFactsOfFiles } from '../../src/facts/extract-facts.js';
import type { ModuleFacts, WriterFacts } from '../../src/facts/module-facts.js';

const repo = new URL('../../', import.meta.url).pathname;

/** The fields of `facts` that writer facts hold. */
function writerFields(facts: ModuleFacts): WriterFacts {
  return {
    id: facts.id,
    exports: facts.exports.map(({ uses: _uses, ...exported }) => exported),
    bindings: facts.bindings.map(({ local, module, specifier, via, imported, typeOnly, line }) => ({ local, module, specifier, via, imported, typeOnly, line })),
    ...(facts.importedWrites && { importedWrites: facts.importedWrites }),
  };
}

/** Compares the two on `files` of `root`: how many files have facts, and how many of them write through an import. */
function compare(root: string, files: string[]): { read: number; writing: number } {
  const project = { root, read: (path: string) => readFileSync(join(root, path), 'utf8') };
  const full = withFactsOfFiles({}, files, project);
  const writers = writerFactsOfFiles(files, project);
  assert.deepEqual(Object.keys(writers).sort(), Object.keys(full).sort());
  for (const [file, facts] of Object.entries(full)) assert.deepEqual(writers[file], writerFields(facts), file);
  return { read: Object.keys(full).length, writing: Object.values(writers).filter((facts) => facts.importedWrites).length };
}

test('writer facts are the full facts\' values, file for file: every fixture', () => {
  const fixtures = join(repo, 'fixtures');
  const files = globSync('**/*.{js,cjs,mjs,ts,cts,mts,jsx,tsx}', { cwd: fixtures, ignore: ['**/node_modules/**', '**/dist/**'] });
  const { read, writing } = compare(fixtures, files);
  assert.ok(read > 100, `${read} fixture files compared`);
  assert.ok(writing > 0, 'some write a map of another module through an import');
});

test('writer facts are the full facts\' values, file for file: date-fns@3.6.0, its writes through imports included', () => {
  const root = dirname(createRequire(join(repo, 'package.json')).resolve('date-fns-3/package.json'));
  const files = globSync('**/*.{js,mjs}', { cwd: root }).filter((file) => !file.startsWith('cdn'));
  const { read } = compare(root, files);
  assert.ok(read > 1_000, `${read} date-fns files compared`);
});
