import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSet } from '../../src/edits/file-set.js';
import { withFactsOfFiles } from '../../src/facts/extract-facts.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

test('package files the entry does not reach get facts too, their specifiers resolved as the graph resolves them', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': JSON.stringify({ name: 'p', type: 'module', main: 'src/index.ts' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', baseUrl: '.', paths: { '#lib/*': ['src/lib/*'] } } }),
    'src/index.ts': `export const version = 1;\n`,
    'src/lib/registry.ts': `export const registry = new Map();\n`,
    'src/cli.ts': `import { registry } from './lib/registry.js';\nimport type { Map as M } from '#lib/registry.js';\nimport 'node:fs';\nexport const size = registry.size;\n`,
  });
  try {
    const analysis = analyze(dir);
    assert.equal(analysis.facts['src/cli.ts'], undefined, 'the entry does not reach src/cli.ts');
    const facts = withFactsOfFiles(analysis.facts, ['src/index.ts', 'src/cli.ts'], new FileSet(dir));
    assert.equal(facts['src/index.ts'], analysis.facts['src/index.ts'], 'the analysis\' own facts are kept');
    const bindings = facts['src/cli.ts']!.bindings.map((b) => [b.local, b.module, b.specifier, b.via]);
    assert.deepEqual(bindings, [
      ['registry', 'src/lib/registry.ts', './lib/registry.js', 'import'],
      ['M', 'src/lib/registry.ts', '#lib/registry.js', 'import'],
    ]);
    assert.deepEqual(facts['src/cli.ts']!.sideEffectImports, [{ module: 'node:fs', line: 3 }]);
  } finally {
    cleanup();
  }
});
