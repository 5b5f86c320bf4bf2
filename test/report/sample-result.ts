import type { Finding } from '../../src/findings/finding.js';
import { computeCost } from '../../src/graph/module-cost.js';
import type { ModuleGraph } from '../../src/graph/module-graph.js';
import type { AnalysisResult } from '../../src/pipeline/results.js';

const edge = (from: string, to: string, line: number, lazy = false) => ({
  from,
  to,
  specifier: to,
  kind: lazy ? ('dynamic-import' as const) : ('import' as const),
  lazy,
  line,
  names: ['x'],
});

/** A small hand-built analysis (no fixture, no facts stage): reporters are tested on their own. */
export function sampleResult(): AnalysisResult {
  const graph: ModuleGraph = {
    root: '/project',
    entry: 'src/index.ts',
    diagnostics: [{ code: 'unresolved-import', severity: 'warning', message: "cannot resolve './gone'", file: 'src/index.ts', line: 9 }],
    modules: {
      'src/index.ts': { id: 'src/index.ts', kind: 'local', size: 1000, format: 'esm', imports: [edge('src/index.ts', 'src/registry.ts', 1), edge('src/index.ts', 'src/utils.ts', 2)] },
      'src/registry.ts': { id: 'src/registry.ts', kind: 'local', size: 2000, format: 'esm', imports: [edge('src/registry.ts', 'openai', 3), edge('src/registry.ts', 'src/utils.ts', 4)] },
      'src/utils.ts': { id: 'src/utils.ts', kind: 'local', size: 3000, format: 'esm', imports: [edge('src/utils.ts', 'js-tiktoken', 1), edge('src/utils.ts', 'zod', 2, true)] },
      openai: { id: 'openai', kind: 'external', size: 900_000, version: '6.0.0', file: '/nm/openai/index.js', imports: [] },
      'js-tiktoken': { id: 'js-tiktoken', kind: 'external', size: 5_000_000, version: '1.0.0', imports: [] },
      zod: { id: 'zod', kind: 'external', size: 700_000, version: '4.0.0', imports: [] },
    },
  };
  const cost = computeCost(graph);
  const findings: Finding[] = [
    {
      id: 'registry:src/registry.ts:PROVIDERS',
      kind: 'registry',
      severity: 'high',
      file: 'src/registry.ts',
      line: 5,
      symbol: 'PROVIDERS',
      message: 'PROVIDERS loads openai at import | use a manifest',
      cost: { exclusiveBytes: 902_000, exclusiveModules: 2 },
      shape: 'object-map',
      convertible: true,
      entries: [{ key: 'openai', module: 'openai', export: 'OpenAI', valueShape: 'reference', line: 6 }],
    },
    {
      id: 'eager-init:src/utils.ts:encoder',
      kind: 'eager-init',
      severity: 'medium',
      file: 'src/utils.ts',
      line: 3,
      symbol: 'encoder',
      message: 'getEncoding runs at import',
      cost: { exclusiveBytes: 5_000_000, exclusiveModules: 1 },
      target: 'getEncoding',
    },
    {
      id: 'cycle:src/index.ts',
      kind: 'cycle',
      severity: 'low',
      file: 'src/index.ts',
      line: 1,
      message: 'import cycle',
      cost: { exclusiveBytes: 0, exclusiveModules: 0 },
      files: ['src/index.ts', 'src/registry.ts'],
    },
  ];
  return {
    root: '/project',
    packageName: 'sample',
    entry: 'src/index.ts',
    entrySource: 'main',
    graph,
    cost,
    facts: {},
    findings,
    diagnostics: graph.diagnostics,
  };
}
