// Findings whose saving holds only together (factories in two modules over the same providers:
// each keeps the providers loaded for the other) are planned all or none. One rewrite without the
// others would change code and stop nothing loading.
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
 * each finding was dropped.
 */
export function withWholeGroups(planned: readonly PlannedOperation[]): { operations: PlanOperation[]; skipped: Diagnostic[] } {
  let kept = [...planned];
  const skipped: Diagnostic[] = [];
  for (;;) {
    const findings = new Set(kept.map((p) => p.finding.id));
    const broken = [...new Set(kept.map((p) => p.finding))].filter((f) => f.together?.some((id) => !findings.has(id)));
    if (broken.length === 0) return { operations: kept.map((p) => p.operation), skipped };
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
