import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filesInPackage, packageSourceRoot } from '../../src/plan/package-scope.js';
import type { ModuleGraph } from '../../src/graph/module-graph.js';

const files = [
  'bench/run.ts',
  'examples/chat.ts',
  'index.ts',
  'scripts/fetch-models.ts',
  'src/__tests__/router.ts',
  'src/index.test.ts',
  'src/index.ts',
  'src/providers/openai.spec.ts',
  'src/providers/openai.ts',
  'src/unreached.ts',
  'test/router.test.ts',
  'tests/helpers.ts',
  'vitest.config.ts',
];

const graph = (ids: string[]): ModuleGraph => ({
  root: '/p',
  entry: ids[0]!,
  modules: Object.fromEntries([...ids.map((id) => [id, { id, kind: 'local' as const, size: 1, imports: [] }]), ['openai', { id: 'openai', kind: 'external' as const, size: 1, imports: [] }]]),
  diagnostics: [],
});

test('under a source root: its files except tests by name or folder; nothing outside it', () => {
  assert.deepEqual(filesInPackage(files, { sourceRoot: 'src', graph: graph(['src/index.ts']) }), ['src/index.ts', 'src/providers/openai.ts', 'src/unreached.ts']);
});

test('an entry at the project root: only modules reachable from it', () => {
  assert.deepEqual(filesInPackage(files, { graph: graph(['index.ts', 'src/providers/openai.ts']) }), ['index.ts', 'src/providers/openai.ts']);
});

test('--include adds files the scope leaves out', () => {
  assert.deepEqual(filesInPackage(files, { sourceRoot: 'src', included: new Set(['scripts/fetch-models.ts', 'test/router.test.ts']) }), [
    'scripts/fetch-models.ts',
    'src/index.ts',
    'src/providers/openai.ts',
    'src/unreached.ts',
    'test/router.test.ts',
  ]);
});

test('the source root: tsconfig rootDir inside the project, else the entry folder', () => {
  assert.equal(packageSourceRoot('/p', 'src/index.ts', '/p/lib'), 'lib');
  assert.equal(packageSourceRoot('/p', 'src/index.ts', '/p'), undefined);
  assert.equal(packageSourceRoot('/p', 'src/index.ts'), 'src');
  assert.equal(packageSourceRoot('/p', 'index.ts'), undefined);
});
