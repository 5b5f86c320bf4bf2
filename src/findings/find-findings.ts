import type { ModuleGraph } from '../graph/module-graph.js';
import type { ModuleFacts } from '../facts/module-facts.js';
import type { CostModelLike } from './cost-input.js';
import type { Finding } from './finding.js';

/** Everything the finders read. */
export interface FindingsInput {
  graph: ModuleGraph;
  facts: Record<string, ModuleFacts>;
  cost: CostModelLike;
}

/** All findings, biggest exclusive savings first. */
export function findFindings(input: FindingsInput): Finding[] {
  void input;
  throw new Error('findFindings: not implemented yet');
}
