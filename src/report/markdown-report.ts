import type { AnalysisResult } from '../pipeline/results.js';
import { describeSuppressions, nothingSuppressed } from './describe-suppressions.js';
import { costTreeRows } from './cost-tree.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { groupDiagnostics } from './group-diagnostics.js';
import { groupSharedSavings, isSharedSaving, sharedSavingHeadline } from './group-findings.js';
import { cell } from './markdown-text.js';
import { exitCodeFor, rankFindings } from './rank-findings.js';
import type { ReportOptions, ReportOutput } from './report-output.js';

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
    lines.push('| Severity | Saving | Where | Kind | Symbol | What to do |');
    lines.push('| --- | ---: | --- | --- | --- | --- |');
    const savingOf = (cost: (typeof findings)[number]['cost']) => (cost.exclusiveBytes > 0 ? `${formatBytes(cost.exclusiveBytes)} (${cost.exclusiveModules})` : '–');
    let shown = 0;
    for (const item of groupSharedSavings(findings)) {
      if (shown >= maxFindings) break;
      if (isSharedSaving(item)) {
        // One row: the saving is shared, so it is said once, with every place it needs fixing.
        const where = item.findings.map((f) => `\`${cell(f.file)}:${f.line}\``).join('<br>');
        const symbols = item.findings.map((f) => (f.symbol ? `\`${cell(f.symbol)}\`` : '')).join('<br>');
        lines.push(`| ${item.findings[0]!.severity} | ${savingOf(item.cost)} together | ${where} | ${item.kind} | ${symbols} | ${cell(`${sharedSavingHeadline(item)}.`)} |`);
        shown += item.findings.length;
        continue;
      }
      const f = item;
      shown++;
      lines.push(`| ${f.severity} | ${savingOf(f.cost)} | \`${cell(f.file)}:${f.line}\` | ${f.kind} | ${f.symbol ? `\`${cell(f.symbol)}\`` : ''} | ${cell(f.message)} |`);
    }
    if (findings.length > shown) lines.push('', `…and ${findings.length - shown} more.`);
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
    const groups = groupDiagnostics(result.diagnostics, result.packageName ?? 'this package');
    for (const group of groups) {
      if (groups.length > 1) lines.push(`**${cell(group.package)}**`, '');
      for (const file of group.files) {
        if (file.file) lines.push(`- \`${cell(file.file)}\``);
        for (const d of file.diagnostics) {
          const at = file.file && d.line ? `line ${d.line}${d.column ? `:${d.column}` : ''}, ` : '';
          lines.push(`${file.file ? '  ' : ''}- ${at}**${d.severity}** \`${d.code}\`: ${cell(d.message)}`);
        }
      }
      lines.push('');
    }
    lines.pop();
    lines.push('');
    lines.push('</details>');
  }
  return { output: lines.join('\n') + '\n', exitCode: exitCodeFor(result.findings, options.failOn) };
}
