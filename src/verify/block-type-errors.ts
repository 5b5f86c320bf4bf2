// An operation whose rewrite adds a type error is left out, and the rest of the plan applies.
// Which operation caused a diagnostic is found the only sure way: the plan runs again without
// it and the diagnostic is gone. Operations that changed the file the diagnostic is in are
// tried first, so the usual case costs one extra run and one check.
import { runPlan, type PlanRun } from '../edits/run-plan.js';
import type { Plan } from '../plan/plan.js';
import type { ChangeTypeChecker, TypeDiagnostic } from './typecheck-changes.js';

/** An operation left out of the rewrite because of the type errors it adds. */
export interface BlockedOperation {
  id: string;
  /** The type errors it adds (each names the operation, `operation`). */
  diagnostics: TypeDiagnostic[];
}

/** The plan's run without the blocked operations, and the diagnostics nothing explained. */
export interface TypeGateResult {
  run: PlanRun;
  blocked: BlockedOperation[];
}

const key = (d: TypeDiagnostic) => `${d.file}\0${d.code}\0${d.message}`;

/**
 * Runs `plan` minus every operation that adds a type error under `checker`; `run` is the
 * plan's full run (already done by the caller). When a diagnostic cannot be pinned on one
 * operation (it goes away only with several), every operation that changed a file still
 * carrying a new diagnostic is left out with it: nothing that adds a type error is written.
 */
export function blockOperationsWithTypeErrors(plan: Plan, root: string, run: PlanRun, checker: ChangeTypeChecker): TypeGateResult {
  const blocked: BlockedOperation[] = [];
  let current = run;
  let diagnostics = checker.newDiagnostics(current.changes);
  const without = (ids: Set<string>): PlanRun => runPlan({ ...plan, operations: plan.operations.filter((op) => !ids.has(op.id)) }, root);
  while (diagnostics.length > 0) {
    const out = new Set(blocked.map((b) => b.id));
    const suspects = suspectsOf(current, diagnostics).filter((id) => !out.has(id));
    let progress = false;
    for (const id of suspects) {
      const trial = without(new Set([...out, id]));
      const remaining = checker.newDiagnostics(trial.changes);
      if (remaining.length >= diagnostics.length) continue;
      const left = new Set(remaining.map(key));
      blocked.push(blockedBy(id, diagnostics.filter((d) => !left.has(key(d)))));
      current = trial;
      diagnostics = remaining;
      progress = true;
      break;
    }
    if (progress) continue;
    // No single operation explains what is left: leave out all that touched those files.
    const files = new Set(diagnostics.map((d) => d.file));
    const culprits = current.operations.filter((op) => !out.has(op.id) && op.changed.some((f) => files.has(f))).map((op) => op.id);
    const ids = culprits.length > 0 ? culprits : current.operations.filter((op) => !out.has(op.id) && op.changed.length > 0).map((op) => op.id);
    for (const id of ids) {
      const own = diagnostics.filter((d) => current.operations.find((op) => op.id === id)?.changed.includes(d.file));
      blocked.push(blockedBy(id, own.length > 0 ? own : diagnostics));
    }
    if (ids.length === 0) break;
    current = without(new Set(blocked.map((b) => b.id)));
    diagnostics = checker.newDiagnostics(current.changes);
  }
  return { run: current, blocked };
}

function blockedBy(id: string, diagnostics: TypeDiagnostic[]): BlockedOperation {
  return { id, diagnostics: diagnostics.map((d) => ({ ...d, operation: id })) };
}

/** Operations that changed something, those that changed a file with a new diagnostic first. */
function suspectsOf(run: PlanRun, diagnostics: TypeDiagnostic[]): string[] {
  const files = new Set(diagnostics.map((d) => d.file));
  const changing = run.operations.filter((op) => op.changed.length > 0);
  const direct = changing.filter((op) => op.changed.some((f) => files.has(f)));
  return [...direct, ...changing.filter((op) => !direct.includes(op))].map((op) => op.id);
}
