import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding } from '../findings/finding.js';
import type { Plan, PlanOperation } from './plan.js';
import type { PlanContext } from './planner.js';
import { planners } from './planners.js';
import { orderOperations } from './operation-order.js';
import { conflictChecker } from './find-conflicts.js';
import { operationPathProblem } from './check-operation-paths.js';
import { relocateOperations } from './relocate-operations.js';
import { withWholeGroups, type PlannedOperation } from './planned-together.js';

/** A plan and what the planners left out, with why. */
export interface BuiltPlan {
  plan: Plan;
  /** One diagnostic per finding (or part) that got no operation, and per operation dropped. */
  skipped: Diagnostic[];
}

/**
 * Runs every planner over the findings of its kinds and orders the operations the way apply
 * runs them. Operations that touch an `excluded` file, conflict with an earlier one, would
 * overwrite a file lazify did not write, or name a path outside the project are dropped into
 * `skipped`, and with them those of findings that save only together with a dropped one; later
 * operations on declarations a split moves are pointed at their new files.
 */
export function buildPlan(findings: Finding[], context: PlanContext, excluded?: ReadonlySet<string>): BuiltPlan {
  const planned: PlannedOperation[] = [];
  const skipped: Diagnostic[] = [];
  const conflicts = conflictChecker(context.project);
  // Planning reads only, so each path is checked against the file system once.
  const checkedPaths = new Map<string, string | undefined>();
  const dropped = (operation: PlanOperation, finding: Finding, problem: Diagnostic): Diagnostic => ({ ...problem, finding: finding.id, operation: operation.id });
  for (const finding of findings) {
    for (const planner of planners.filter((p) => p.kinds.includes(finding.kind))) {
      const result = planner.plan(finding, context);
      for (const operation of result.operations) {
        // A file reached through a symlink or `..` out of the project is not the project's to rewrite.
        const outside = operationPathProblem(operation, context.project.root, checkedPaths);
        // An operation lists every file it reads or changes; one that would touch an excluded
        // file is left out whole rather than half-applied.
        const touched = excluded ? operation.files.filter((file) => excluded.has(file)) : [];
        const problems = outside
          ? [{ code: 'outside-project', severity: 'warning' as const, message: outside }]
          : touched.length > 0
            ? [{ code: 'excluded', severity: 'info' as const, message: `not planned: it touches ${touched.join(', ')}, excluded by the config (apply.exclude)`, file: touched[0]! }]
            : conflicts.add(operation);
        if (problems.length > 0) skipped.push(dropped(operation, finding, problems[0]!));
        else planned.push({ finding, operation });
      }
      skipped.push(...(result.skipped ?? []));
    }
  }
  // Findings that save only together are planned all or none.
  const whole = withWholeGroups(planned);
  return {
    plan: { schemaVersion: 1, root: context.project.root, operations: relocateOperations(orderOperations(whole.operations), context.project) },
    skipped: [...skipped, ...whole.skipped],
  };
}
