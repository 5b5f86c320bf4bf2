import type { Plan } from '../plan/plan.js';
import { orderOperations } from '../plan/operation-order.js';
import { assertConfinedWrites } from '../project/confine-path.js';
import { FileSet, type FileChange } from './file-set.js';
import { runOperation, type OperationResult } from './run-operation.js';

/** The outcome of running a whole plan in memory. */
export interface PlanRun {
  operations: OperationResult[];
  /** Every file that differs from disk after all operations, sorted by path. */
  changes: FileChange[];
}

/** Runs every operation of a plan, in apply order, over one in-memory file set. Writes nothing. */
export function runPlan(plan: Plan, root: string): PlanRun {
  const files = new FileSet(root);
  const operations = orderOperations(plan.operations).map((operation) => runOperation(operation, files));
  const changes = files.changes();
  // A transform may reach a file the plan did not name (a re-export followed to its module):
  // whatever it produced, nothing outside the project reaches a diff, a patch or the disk.
  assertConfinedWrites(root, changes.map((change) => change.path));
  return { operations, changes };
}
