// What the finders read, in a module of its own: every finder and find-findings.ts (which runs
// them all) import it, so it cannot live in find-findings.ts without a circle.
import type { ModuleGraph } from '../graph/module-graph.js';
import type { ModuleFacts, WriterFacts } from '../facts/module-facts.js';
import type { CostModelLike } from './cost-input.js';

/** Everything the finders read. `cost` is GRAPH's `computeCost(graph)` (see {@link CostModelLike}). */
export interface FindingsInput {
  graph: ModuleGraph;
  facts: Record<string, ModuleFacts>;
  cost: CostModelLike;
  /**
   * True when package.json `engines.node` admits only Node versions that `require()` ES
   * modules: native ESM registries can then load synchronously, so sync readers do not block.
   */
  requireEsm?: boolean;
  /**
   * The facts of the project's files the entry does not load (tests, scripts, subpath exports)
   * that may write a map of `facts`; absent when the graph holds no map such a file could write.
   */
  unreached?: Record<string, WriterFacts>;
}
