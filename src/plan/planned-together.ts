// Findings whose saving holds only together (factories in two modules over the same providers:
// each keeps the providers loaded for the other) are planned all or none, and their operations
// name each other (`together`), so that apply too runs them all or none: after a hand edit of the
// plan, or when the type gate leaves one out. One rewrite without the others would change code and
// stop nothing loading.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding } from '../findings/finding.js';
import type { PlanOperation } from './plan.js';
import { notPlanned } from './planner.js';

/** An operation and the finding it was planned from. */
export interface PlannedOperation {
  finding: Finding;
  operation: PlanOperation;
}

/**
 * `planned` without the operations of a finding whose `together` partners do not all have one
 * (left out, ignored, or not rewritable), repeated until every group left is whole, with why
 * each finding was dropped. An operation kept names its partners' operations in `together`.
 */
export function withWholeGroups(planned: readonly PlannedOperation[]): { operations: PlanOperation[]; skipped: Diagnostic[] } {
  let kept = [...planned];
  const skipped: Diagnostic[] = [];
  for (;;) {
    const findings = new Set(kept.map((p) => p.finding.id));
    const broken = [...new Set(kept.map((p) => p.finding))].filter((f) => f.together?.some((id) => !findings.has(id)));
    if (broken.length === 0) return { operations: kept.map((p) => withPartners(p, kept)), skipped };
    for (const finding of broken) {
      const missing = finding.together!.filter((id) => !findings.has(id));
      const one = missing.length === 1;
      skipped.push(
        notPlanned(
          finding,
          'nothing-saved',
          `${finding.symbol ?? finding.id}'s providers stay loaded unless ${missing.join(', ')} ${one ? 'is' : 'are'} planned too, and ${one ? 'it is' : 'they are'} not: deferring them here alone would save nothing`,
        ),
      );
    }
    kept = kept.filter((p) => !broken.includes(p.finding));
  }
}

function withPartners({ finding, operation }: PlannedOperation, kept: readonly PlannedOperation[]): PlanOperation {
  if (!finding.together) return operation;
  const together = kept.filter((p) => finding.together!.includes(p.finding.id)).map((p) => p.operation.id);
  return { ...operation, together };
}

/**
 * `operations` without those whose `together` partners are not all among them (a plan edited by
 * hand, the type gate's leftovers), repeated until every group left is whole, with why each
 * operation was dropped.
 */
export function wholeOperationGroups(operations: readonly PlanOperation[]): { operations: PlanOperation[]; skipped: Diagnostic[] } {
  let kept = [...operations];
  const skipped: Diagnostic[] = [];
  for (;;) {
    const ids = new Set(kept.map((op) => op.id));
    const broken = kept.filter((op) => op.together?.some((id) => !ids.has(id)));
    if (broken.length === 0) return { operations: kept, skipped };
    for (const operation of broken) {
      const missing = operation.together!.filter((id) => !ids.has(id));
      const one = missing.length === 1;
      skipped.push({
        code: 'nothing-saved',
        severity: 'info',
        message: `it saves anything only with ${missing.join(', ')}, which ${one ? 'is' : 'are'} not applied: alone, its rewrite would stop nothing loading`,
        ...(typeof operation.options.file === 'string' ? { file: operation.options.file } : operation.files.length === 1 ? { file: operation.files[0]! } : {}),
        operation: operation.id,
      });
    }
    kept = kept.filter((op) => !broken.includes(op));
  }
}
