import type { PlanResult } from '../plan-and-apply.js';

/** Renders a plan: JSON (the editable plan itself) or text for a person. */
export function renderPlanReport(result: PlanResult, format: 'text' | 'json'): { output: string; exitCode: number } {
  if (format === 'json') return { output: `${JSON.stringify(result.plan, null, 2)}\n`, exitCode: 0 };
  const lines: string[] = [];
  if (result.plan.operations.length === 0) lines.push('Nothing to do: no finding has an operation lazify can apply.');
  result.plan.operations.forEach((op, i) => {
    lines.push(`${i + 1}. ${op.transform} (${op.id})`);
    lines.push(...op.summary.split('\n').map((l) => `   ${l}`));
  });
  if (result.skipped.length > 0) {
    lines.push('', 'Not planned:');
    lines.push(...result.skipped.map((s) => `  - ${s}`));
  }
  lines.push('', 'Save with `lazify plan --format json > plan.json`, edit, then `lazify apply --plan plan.json`.');
  return { output: `${lines.join('\n')}\n`, exitCode: 0 };
}
