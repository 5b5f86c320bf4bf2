import assert from 'node:assert/strict';
import test from 'node:test';
import { LazifyError } from '../../src/diagnostics/diagnostic.js';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import { findImportChains, matchModule } from '../../src/graph/find-import-chains.js';
import { loadProject } from '../../src/project/load-project.js';
import { fixture } from '../helpers/copy-fixture.js';

const gateway = () => buildModuleGraph(loadProject(fixture('gateway-cjs')));

test('why openai: every shortest chain ends at the package, starts at the entry, with import lines', () => {
  const graph = gateway();
  const chains = findImportChains(graph, 'openai');
  assert.ok(chains.length >= 3);
  const lengths = new Set(chains.map((c) => c.modules.length));
  assert.equal(lengths.size, 1, 'only shortest chains');
  for (const chain of chains) {
    assert.equal(chain.modules[0], 'src/index.ts');
    assert.equal(chain.modules.at(-1), 'openai');
    assert.equal(chain.eager, true);
    for (const step of chain.steps) {
      const edge = graph.modules[step.from].imports.find((e) => e.to === step.to && e.line === step.line);
      assert.ok(edge, `${step.from}:${step.line} imports ${step.to}`);
    }
  }
  assert.equal(new Set(chains.map((c) => c.modules.join('>'))).size, chains.length, 'no duplicates');
  assert.equal(findImportChains(graph, 'openai', { limit: 2 }).length, 2);
});

test('edge/require-in-function: a lazily loaded package has lazy chains', () => {
  const graph = buildModuleGraph(loadProject(fixture('edge/require-in-function')));
  const [chain] = findImportChains(graph, 'js-tiktoken');
  assert.equal(chain.eager, false);
  assert.equal(chain.steps[0].kind, 'require-in-function');
  assert.equal(chain.steps[0].line, 11);
});

test('matchModule: ids, package subpaths, suffixes, extensionless paths; errors for unknown or ambiguous', () => {
  const graph = gateway();
  assert.equal(matchModule(graph, 'src/utils.ts'), 'src/utils.ts');
  assert.equal(matchModule(graph, 'openai/resources'), 'openai');
  assert.equal(matchModule(graph, 'utils.ts'), 'src/utils.ts');
  assert.equal(matchModule(graph, 'src/router'), 'src/router.ts');
  assert.equal(matchModule(graph, 'providers/openai'), 'src/providers/openai.ts');
  assert.equal(matchModule(graph, `${fixture('gateway-cjs')}/src/main.ts`), 'src/main.ts');
  assert.throws(() => matchModule(graph, 'left-pad'), (e: unknown) => e instanceof LazifyError && e.code === 'module-not-in-graph');
  assert.throws(() => matchModule(graph, '.ts'), (e: unknown) => e instanceof LazifyError);
});
