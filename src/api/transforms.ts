// Public API, the transforms lazify can run: their metadata, for `lazify transforms` and for
// tools that drive the codemods themselves. Loads the transforms (and so jscodeshift).
import { transforms } from '../../transforms/index.js';
import type { TransformPhase } from '../../transforms/index.js';
import type { TransformSummary } from '../pipeline/results.js';

export type { TransformOptionDoc, TransformPhase } from '../../transforms/index.js';
export type { TransformSummary } from '../pipeline/results.js';
export { renderTransformsReport } from '../report/transforms-report.js';

/** Every transform lazify can run, in the order apply runs their phases. */
export function listTransforms(): TransformSummary[] {
  const order: TransformPhase[] = ['split', 'registry', 'defer'];
  return Object.values(transforms)
    .map(({ meta }) => ({ name: meta.name, description: meta.description, phase: meta.phase, options: meta.options ?? [] }))
    .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase));
}
