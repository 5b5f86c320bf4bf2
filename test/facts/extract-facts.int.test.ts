import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../helpers/copy-fixture.js';
import { loadProject } from '../../src/project/load-project.js';
import { buildModuleGraph } from '../../src/graph/build-module-graph.js';
import { extractFacts } from '../../src/facts/extract-facts.js';

const factsOf = (name: string) => {
  const graph = buildModuleGraph(loadProject(fixture(name)));
  return { graph, facts: extractFacts(graph) };
};

test('every local module of a gateway gets facts, keyed by module id', () => {
  const { graph, facts } = factsOf('gateway-cjs');
  const local = Object.values(graph.modules).filter((m) => m.kind === 'local').map((m) => m.id).sort();
  assert.deepEqual(Object.keys(facts).sort(), local);
  assert.equal(facts['src/utils.ts']!.format, 'commonjs');
  const encoder = facts['src/utils.ts']!.statements.find((s) => s.declares.includes('encoder'))!;
  assert.deepEqual([encoder.kind, encoder.callee], ['eager-init', 'getEncoding']);
  const openai = facts['src/providers/openai.ts']!.bindings.find((b) => b.module === 'openai')!;
  assert.equal(openai.usedOnlyInFunctions, true);
});

test('bad input: a binary file gets no facts, a file with a syntax error gets what the parser recovered', () => {
  const binary = factsOf('edge/bad-input/binary-and-large');
  assert.ok(binary.graph.modules['src/blob.js'], 'the graph keeps the binary file as a leaf');
  assert.equal(binary.facts['src/blob.js'], undefined);
  const broken = factsOf('edge/bad-input/parse-error');
  assert.ok(broken.facts['src/broken.ts']!.statements.length > 0);
});
