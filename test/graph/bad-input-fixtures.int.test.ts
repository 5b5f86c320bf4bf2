// fixtures/edge/bad-input/*: each README says what a correct analyzer reports for a broken project.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import test from 'node:test';
import { LazifyError } from '../../src/diagnostics/diagnostic.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import { loadProject } from '../../src/project/load-project.js';
import { copyFixture, fixture } from '../helpers/copy-fixture.js';

const bad = (name: string) => fixture(`edge/bad-input/${name}`);
const codes = (diagnostics: Array<{ code: string; file?: string; line?: number }>) =>
  diagnostics.map((d) => `${d.code} ${d.file}${d.line ? `:${d.line}` : ''}`).sort();

test('parse-error: one parse-error diagnostic for src/broken.ts line 4, the rest analysed', () => {
  const result = analyze(bad('parse-error'));
  assert.deepEqual(codes(result.diagnostics), ['parse-error src/broken.ts:4']);
  assert.match(result.diagnostics[0].message, /src\/broken\.ts:4/);
  assert.deepEqual(
    result.graph.modules['src/index.ts'].imports.map((e) => [e.line, e.to, e.names]),
    [[1, 'src/broken.ts', ['route']], [2, 'src/version.ts', ['VERSION']]],
  );
});

test('unresolved-import: two diagnostics naming the specifiers, no invented nodes', () => {
  const graph = buildModuleGraph(loadProject(bad('unresolved-import')));
  assert.deepEqual(codes(graph.diagnostics), ['unresolved-import src/index.ts:1', 'unresolved-import src/index.ts:2']);
  assert.match(graph.diagnostics[1].message, /not-installed-pkg.*npm install not-installed-pkg/);
  assert.deepEqual(Object.keys(graph.modules).sort(), ['src/index.ts', 'src/version.ts']);
  assert.deepEqual(graph.modules['src/index.ts'].imports.map((e) => e.to ?? null), [null, null, 'src/version.ts']);
});

test('symlink-outside: a warning naming src/shared.ts; nothing outside the root becomes a module', () => {
  const graph = buildModuleGraph(loadProject(bad('symlink-outside')));
  assert.deepEqual(codes(graph.diagnostics), ['symlink-outside-project src/index.ts:1']);
  assert.match(graph.diagnostics[0].message, /src\/shared\.ts/);
  assert.deepEqual(Object.keys(graph.modules).sort(), ['src/index.ts', 'src/version.ts']);
});

test('binary-and-large: a 5 MB module is parsed; one over the limit is a loud file-too-large, still sized', () => {
  const { dir, cleanup } = copyFixture('edge/bad-input/binary-and-large');
  try {
    const generate = (mib?: string) => spawnSync(process.execPath, [join(dir, 'scripts/generate-large.mjs'), dir, ...(mib ? [mib] : [])], { encoding: 'utf8' });
    const generated = generate();
    assert.equal(generated.status, 0, generated.stderr);
    const graph = buildModuleGraph(loadProject(dir));
    assert.deepEqual(codes(graph.diagnostics), ['binary-file src/blob.js']);
    assert.ok(graph.modules['src/large.js'].size > 5 * 1024 * 1024);
    assert.deepEqual(graph.modules['src/index.js'].imports.map((e) => [e.line, e.kind, e.to]), [
      [1, 'side-effect', 'src/blob.js'],
      [2, 'import', 'src/large.js'],
    ]);
    assert.equal(generate('17').status, 0);
    const over = buildModuleGraph(loadProject(dir));
    assert.deepEqual(codes(over.diagnostics), ['binary-file src/blob.js', 'file-too-large src/large.js']);
    assert.match(over.diagnostics[1].message, /not parsed: the modules it imports, their cost and any findings in them are missing/);
    assert.ok(over.modules['src/large.js'].size > 16 * 1024 * 1024);
  } finally {
    cleanup();
  }
});

test('missing-entry names dist/server.js and src/server.ts; no-package-json does not walk up to the repo', () => {
  assert.throws(
    () => loadProject(bad('missing-entry')),
    (e: unknown) => e instanceof LazifyError && e.code === 'entry-not-found' && /dist\/server\.js/.test(e.message) && /src\/server\.ts/.test(e.message),
  );
  assert.throws(
    () => loadProject(bad('no-package-json')),
    (e: unknown) => e instanceof LazifyError && e.code === 'no-package-json' && e.message.includes(bad('no-package-json')),
  );
});
