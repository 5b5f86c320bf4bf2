import assert from 'node:assert/strict';
import test from 'node:test';
import { outputModuleFormat } from '../../src/plan/output-module-format.js';
import { fileFormat } from '../../src/project/detect-module-format.js';

const reader = (files: Record<string, string>) => ({ root: '/p', read: (path: string) => files[path] });

test('the plan decides module format as the graph does: "module": "preserve" follows package.json type', () => {
  const cases: Array<[string, string | undefined, 'module' | undefined]> = [
    ['src/a.ts', 'preserve', undefined],
    ['src/a.ts', 'preserve', 'module'],
    ['src/a.ts', 'commonjs', 'module'],
    ['src/a.ts', 'NodeNext', undefined],
    ['src/a.ts', 'ESNext', undefined],
    ['src/a.ts', undefined, 'module'],
    ['src/a.mts', 'commonjs', undefined],
    ['src/a.cjs', undefined, 'module'],
    ['lib/a.js', 'esnext', undefined],
  ];
  for (const [file, module, type] of cases) {
    const project = reader({
      'package.json': JSON.stringify(type ? { type } : {}),
      'tsconfig.json': JSON.stringify(module ? { compilerOptions: { module } } : {}),
    });
    const graph = fileFormat(file, type === 'module' ? 'esm' : 'commonjs', module);
    assert.equal(outputModuleFormat(file, project), graph === 'commonjs' ? 'cjs' : 'esm', `${file} module=${module} type=${type}`);
  }
  assert.equal(fileFormat('src/a.ts', 'commonjs', 'preserve'), 'commonjs');
  assert.equal(fileFormat('src/a.ts', 'esm', 'preserve'), 'esm');
});
