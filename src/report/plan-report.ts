import type { PlanResult } from '../pipeline/results.js';
import { diagnosticLine } from './diagnostic-line.js';
import { cell, code } from './markdown-text.js';
import type { ReportOutput } from './report-output.js';

/** Output formats of `lazify plan`. */
export type PlanFormat = 'text' | 'json' | 'markdown';

/**
 * Renders a plan: JSON (the editable plan itself, with its own `schemaVersion`, which
 * `apply --plan` reads back), text for a person, or markdown for a pull request or an issue.
 */
export function renderPlanReport(result: PlanResult, format: PlanFormat): ReportOutput {
  if (format === 'json') return { output: `${JSON.stringify(result.plan, null, 2)}\n`, exitCode: 0 };
  if (format === 'markdown') return { output: renderMarkdown(result), exitCode: 0 };
  const lines: string[] = [];
  if (result.plan.operations.length === 0) lines.push('Nothing to do: no finding has an operation lazify can apply.');
  result.plan.operations.forEach((op, i) => {
    lines.push(`${i + 1}. ${op.transform} (${op.id})`);
    lines.push(...op.summary.split('\n').map((l) => `   ${l}`));
  });
  if (result.skipped.length > 0) {
    lines.push('', 'Not planned:');
    lines.push(...result.skipped.map((s) => `  - ${diagnosticLine(s)}`));
  }
  lines.push('', 'Save with `lazify plan --format json > plan.json`, edit, then `lazify apply --plan plan.json`.');
  return { output: `${lines.join('\n')}\n`, exitCode: 0 };
}

function renderMarkdown(result: PlanResult): string {
  const lines = ['### lazify plan', ''];
  if (result.plan.operations.length === 0) lines.push('Nothing to do: no finding has an operation lazify can apply.', '');
  result.plan.operations.forEach((op, i) => {
    lines.push(`${i + 1}. **${cell(op.transform)}** (${code(op.id)}), ${op.files.length} file(s)`);
    lines.push(...op.summary.split('\n').filter((l) => l.trim() !== '').map((l) => `   - ${cell(l.trim())}`));
  });
  if (result.plan.operations.length) lines.push('');
  if (result.skipped.length > 0) {
    lines.push(`<details><summary>Not planned (${result.skipped.length})</summary>`, '', ...result.skipped.map((s) => `- ${cell(diagnosticLine(s))}`), '', '</details>', '');
  }
  return lines.join('\n');
}
