import type { ModuleGraph } from '../graph/module-graph.js';
import type { ModuleFacts } from './module-facts.js';

/** Facts for every local module of the graph, by module id. */
export function extractFacts(graph: ModuleGraph): Record<string, ModuleFacts> {
  void graph;
  throw new Error('extractFacts: not implemented yet');
}
