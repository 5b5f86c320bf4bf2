import type { ImportTimeNode, ImportTimeResult } from '../../src/measure/import-time.js';

const node = (id: string, selfMs: number, children: ImportTimeNode[] = [], extra: Partial<ImportTimeNode> = {}): ImportTimeNode => ({
  id,
  file: `/project/${id}`,
  kind: id.startsWith('src/') ? 'local' : 'external',
  ...(id.startsWith('src/') ? {} : { package: id.split('/')[0] }),
  format: 'commonjs',
  selfMs,
  cumulativeMs: selfMs + children.reduce((sum, child) => sum + child.cumulativeMs, 0),
  cumulativeIqrMs: 0.5,
  children,
  ...extra,
});

/** A hand-built measurement of the sample analysis' graph (test/report/sample-result.ts). */
export function sampleImportTime(): ImportTimeResult {
  const tree = [
    node('src/index.ts', 1, [
      node('src/registry.ts', 2, [node('openai/index.js', 40, [node('openai/client.js', 30)])]),
      node('src/utils.ts', 5, [node('js-tiktoken/dist/index.cjs', 300), node('src/tiny.ts', 0.2)]),
    ]),
  ];
  return {
    root: '/project',
    entry: 'dist/index.js',
    runner: { tsx: false, mode: 'require' },
    runs: 5,
    totalMs: 380,
    runTotalsMs: [378, 380, 381, 379, 390],
    totalIqrMs: 2,
    unattributedMs: 1.8,
    moduleCount: 7,
    maxRssBytes: 80 * 1024 * 1024,
    tree,
    imports: {
      'src/index.ts': ['src/registry.ts', 'src/utils.ts'],
      'src/registry.ts': ['openai/index.js', 'src/utils.ts'],
      'openai/index.js': ['openai/client.js'],
      'src/utils.ts': ['js-tiktoken/dist/index.cjs', 'src/tiny.ts'],
    },
    diagnostics: [],
  };
}
