import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { buildModuleGraph, MAX_PARSED_FILE_BYTES } from '../../src/graph/build-module-graph.js';
import { loadProject } from '../../src/project/load-project.js';
import { copyFixture, fixture, repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const graphOf = (dir: string) => buildModuleGraph(loadProject(dir));

test('gateway-cjs: providers, SDKs as versioned external leaves, utils importing the router back', () => {
  const graph = graphOf(fixture('gateway-cjs'));
  assert.equal(graph.entry, 'src/index.ts');
  assert.deepEqual(graph.diagnostics, []);
  const openai = graph.modules['openai'];
  assert.equal(openai.kind, 'external');
  assert.equal(openai.version, JSON.parse(readFileSync(join(repoRoot, 'node_modules/openai/package.json'), 'utf8')).version);
  assert.ok(openai.size > 100_000, 'an SDK is estimated by its installed JS');
  assert.deepEqual(openai.imports, []);
  const providers = Object.keys(graph.modules).filter((id) => id.startsWith('src/providers/') && !/base|register-all/.test(id));
  assert.ok(providers.length >= 12, `12+ providers, got ${providers.length}`);
  assert.ok(graph.modules['src/utils.ts'].imports.some((e) => e.to === 'src/router.ts' && !e.lazy));
  assert.ok(graph.modules['src/utils.ts'].imports.some((e) => e.to === 'js-tiktoken'));
  for (const node of Object.values(graph.modules)) if (node.kind === 'local') assert.equal(node.format, 'commonjs', node.id);
  const local = graph.modules['src/router.ts'];
  assert.equal(local.size, readFileSync(join(fixture('gateway-cjs'), 'src/router.ts')).length);
});

test('edge/type-only-imports: the runtime graph is exactly index -> handler; js-tiktoken is not charged', () => {
  const graph = graphOf(fixture('edge/type-only-imports'));
  assert.deepEqual(Object.keys(graph.modules).sort(), ['src/handler.ts', 'src/index.ts']);
  assert.deepEqual(graph.modules['src/index.ts'].imports.map((e) => [e.line, e.to, e.names]), [[4, 'src/handler.ts', ['createHandler']]]);
});

test('edge/type-only-imports with verbatimModuleSyntax: the class import stays, the all-type list becomes a side-effect import', () => {
  const { dir, cleanup } = copyFixture('edge/type-only-imports');
  try {
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
    tsconfig.compilerOptions.verbatimModuleSyntax = true;
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const edges = graphOf(dir).modules['src/index.ts'].imports.map((e) => `${e.line} ${e.kind} ${e.to}`);
    assert.deepEqual(edges, ['2 side-effect src/usage.ts', '3 import src/tokenizer.ts', '4 import src/handler.ts']);
  } finally {
    cleanup();
  }
});

test('bad inputs become diagnostics, not crashes: unresolved, parse error, binary, huge, symlink out of the project', () => {
  const outside = writeTempProject({ 'secret.js': "module.exports = require('./more');" });
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ main: 'index.js' }),
    'index.js': [
      "require('./missing');",
      "require('not-installed-package-xyz');",
      "require('./broken');",
      "require('./blob.js');",
      "require('./huge.js');",
      "require('./linked.js');",
      "require('./data.json');",
      "require('fs');",
    ].join('\n'),
    'broken.js': "const ok = require('./ok');\nfunction (\n",
    'ok.js': '',
    'blob.js': Buffer.from([0x61, 0x00, 0x62]),
    'huge.js': `// ${'x'.repeat(MAX_PARSED_FILE_BYTES + 10)}\nrequire('./never');`,
    'data.json': '{"a": 1}',
  });
  symlinkSync(join(outside.dir, 'secret.js'), join(dir, 'linked.js'));
  try {
    const graph = graphOf(dir);
    const codes = graph.diagnostics.map((d) => `${d.code} ${d.file}${d.line ? `:${d.line}` : ''}`).sort();
    assert.deepEqual(codes, [
      'binary-file blob.js',
      'file-too-large huge.js',
      'parse-error broken.js:2',
      'symlink-outside-project index.js:6',
      'unresolved-import index.js:1',
      'unresolved-import index.js:2',
    ]);
    assert.ok(graph.modules['ok.js'], 'the part of broken.js before the error is still followed');
    assert.equal(graph.modules['blob.js'].imports.length, 0);
    assert.equal(graph.modules['huge.js'].size > MAX_PARSED_FILE_BYTES, true);
    assert.equal(graph.modules['never.js'], undefined);
    assert.equal(graph.modules['linked.js'], undefined, 'symlink out of the project not followed');
    assert.deepEqual({ kind: graph.modules['data.json'].kind, size: graph.modules['data.json'].size }, { kind: 'local', size: 8 });
    assert.equal(graph.modules['node:fs'].kind, 'builtin');
    assert.equal(graph.modules['index.js'].imports.find((e) => e.line === 1)!.to, undefined);
  } finally {
    cleanup();
    outside.cleanup();
  }
});

test('tsconfig baseUrl wins over an installed package of the same name, as in tsc', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ main: 'src/index.ts' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: 'src', module: 'commonjs', moduleResolution: 'node10' } }),
    'src/index.ts': "import { pad } from 'left-pad';\nexport const x = pad;",
    'src/left-pad.ts': 'export const pad = 1;',
    'node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', version: '1.0.0', main: 'index.js' }),
    'node_modules/left-pad/index.js': 'module.exports = {};',
  });
  try {
    const graph = graphOf(dir);
    assert.deepEqual(graph.modules['src/index.ts'].imports.map((e) => e.to), ['src/left-pad.ts']);
  } finally {
    cleanup();
  }
});
