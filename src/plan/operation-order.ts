import { findTransform } from '../../transforms/index.js';
import type { TransformPhase } from '../../transforms/transform-module.js';
import type { PlanOperation } from './plan.js';

// Splits move declarations that registry conversions and deferrals may then point at,
// so they run first; deferrals only change how already-placed imports load, so they run last.
const phaseRank: Record<TransformPhase, number> = { split: 0, registry: 1, defer: 2 };

/** The phase of an operation's transform (unknown transforms sort last; validation rejects them). */
export function phaseOf(operation: PlanOperation): number {
  const phase = findTransform(operation.transform)?.meta.phase;
  return phase ? phaseRank[phase] : 3;
}

/** Operations in the order apply runs them: by phase, then as the plan lists them. */
export function orderOperations(operations: PlanOperation[]): PlanOperation[] {
  return operations
    .map((operation, index) => ({ operation, index }))
    .sort((a, b) => phaseOf(a.operation) - phaseOf(b.operation) || a.index - b.index)
    .map(({ operation }) => operation);
}
