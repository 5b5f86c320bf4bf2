import type { AnalysisResult } from '../run-analysis.js';
import { describeSuppressions, nothingSuppressed } from './describe-suppressions.js';
import { costTreeRows } from './cost-tree.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { exitCodeFor, rankFindings } from './rank-findings.js';
import type { ReportOptions, ReportOutput } from './report-output.js';

/** Pipes and newlines would break a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A report for a pull request comment: summary, findings table, biggest subtrees, diagnostics folded. */
export function renderMarkdownReport(result: AnalysisResult, options: ReportOptions = {}): ReportOutput {
  const lines: string[] = [];
  const name = result.packageName ?? result.entry;
  const { cost } = result;
  lines.push(`### lazify: \`${name}\``);
  lines.push('');
  lines.push(
    `Importing \`${result.entry}\` loads **${formatBytes(cost.eagerBytes)}** in ${plural(cost.eagerModules, 'module')}.`,
  );
  lines.push('');
  const findings = rankFindings(result.findings);
  const maxFindings = options.maxFindings ?? 20;
  if (findings.length === 0) lines.push('No findings.');
  else {
    lines.push('| Saving | Where | Kind | Symbol | What to do |');
    lines.push('| ---: | --- | --- | --- | --- |');
    for (const f of findings.slice(0, maxFindings)) {
      const saving = f.cost.exclusiveBytes > 0 ? `${formatBytes(f.cost.exclusiveBytes)} (${f.cost.exclusiveModules})` : '–';
      lines.push(`| ${saving} | \`${cell(f.file)}:${f.line}\` | ${f.kind} | ${f.symbol ? `\`${cell(f.symbol)}\`` : ''} | ${cell(f.message)} |`);
    }
    if (findings.length > maxFindings) lines.push('', `…and ${findings.length - maxFindings} more.`);
  }
  if (!nothingSuppressed(result.suppression)) lines.push('', `_${describeSuppressions(result.suppression)}._`);
  lines.push('');
  lines.push('<details><summary>Biggest subtrees (own / cumulative / exclusive)</summary>');
  lines.push('');
  lines.push('| Module | Own | Cumulative | Exclusive |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const row of costTreeRows(cost)) {
    const m = row.module;
    lines.push(
      `| ${'&nbsp;&nbsp;'.repeat(row.depth)}\`${cell(m.id)}\` | ${formatBytes(m.ownBytes)} | ${formatBytes(m.cumulativeBytes)} | ${formatBytes(m.exclusiveBytes)} |`,
    );
  }
  lines.push('');
  lines.push('</details>');
  if (result.diagnostics.length > 0) {
    lines.push('');
    lines.push(`<details><summary>${plural(result.diagnostics.length, 'diagnostic')}</summary>`);
    lines.push('');
    for (const d of result.diagnostics) {
      lines.push(`- \`${d.code}\`${d.file ? ` \`${cell(d.file)}${d.line ? `:${d.line}` : ''}\`` : ''}: ${cell(d.message)}`);
    }
    lines.push('');
    lines.push('</details>');
  }
  return { output: lines.join('\n') + '\n', exitCode: exitCodeFor(result.findings, options.failOn) };
}
