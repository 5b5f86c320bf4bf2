import { createColors } from 'picocolors';
import { describeSuppressions, nothingSuppressed } from './describe-suppressions.js';
import type { AnalysisResult } from '../run-analysis.js';
import type { Finding } from '../findings/finding.js';
import { costTreeRows } from './cost-tree.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { exitCodeFor, rankFindings } from './rank-findings.js';
import type { ReportOptions, ReportOutput } from './report-output.js';

const MAX_DIAGNOSTICS = 10;

/**
 * The human report: ranked findings (`file:line kind symbol message`), then the cost tree
 * of the biggest eager subtrees with own / cumulative / exclusive sizes, then diagnostics.
 */
export function renderTextReport(result: AnalysisResult, options: ReportOptions = {}): ReportOutput {
  const c = createColors(options.color ?? false);
  const lines: string[] = [];
  const { cost } = result;
  const name = result.packageName ? `${result.packageName} (${result.entry})` : result.entry;
  lines.push(
    `${c.bold(name)}: importing it loads ${c.bold(formatBytes(cost.eagerBytes))} in ${plural(cost.eagerModules, 'module')} ` +
      `(${plural(Object.keys(result.graph.modules).length, 'module')} reachable in all)`,
  );
  lines.push('');

  const findings = rankFindings(result.findings);
  const maxFindings = options.maxFindings ?? 20;
  lines.push(c.bold(findings.length === 0 ? 'No findings.' : `Findings (${findings.length}, biggest savings first)`));
  for (const finding of findings.slice(0, maxFindings)) {
    const severity = finding.severity === 'high' ? c.red : finding.severity === 'medium' ? c.yellow : c.dim;
    const saving =
      finding.cost.exclusiveBytes > 0
        ? ` ${c.green(`saves ${formatBytes(finding.cost.exclusiveBytes)}, ${plural(finding.cost.exclusiveModules, 'module')}`)}`
        : '';
    const measured = finding.cost.measuredMs !== undefined ? ` ${c.green(`${finding.cost.measuredMs.toFixed(0)} ms`)}` : '';
    const symbol = finding.symbol ? ` ${c.bold(finding.symbol)}` : '';
    lines.push(`  ${c.cyan(`${finding.file}:${finding.line}`)} ${severity(finding.kind)}${symbol}${saving}${measured}`);
    lines.push(`      ${finding.message}`);
    for (const entryLine of registryEntryLines(finding)) lines.push(`      ${c.dim(entryLine)}`);
    if (finding.files && finding.files.length > 0) lines.push(`      ${c.dim(finding.files.join(' -> '))}`);
  }
  if (findings.length > maxFindings) lines.push(c.dim(`  ... ${findings.length - maxFindings} more (--format json lists all)`));
  if (!nothingSuppressed(result.suppression)) lines.push(c.dim(`  ${describeSuppressions(result.suppression)}`));
  lines.push('');

  lines.push(c.bold('Cost tree') + c.dim(' (what each module alone keeps loaded; own / cumulative / exclusive)'));
  for (const row of costTreeRows(cost)) {
    const prefix = row.depth === 0 ? '' : row.guides.map((g) => (g ? '   ' : '│  ')).join('') + (row.last ? '└─ ' : '├─ ');
    const m = row.module;
    const node = result.graph.modules[m.id];
    const label = node?.kind === 'external' && node.version ? `${m.id}@${node.version}` : m.id;
    const sizes = `${formatBytes(m.ownBytes)} / ${formatBytes(m.cumulativeBytes)} / ${c.bold(formatBytes(m.exclusiveBytes))}`;
    const hidden = row.hiddenChildren > 0 ? c.dim(` (+${row.hiddenChildren} smaller)`) : '';
    lines.push(`  ${c.dim(prefix)}${label}  ${sizes}${hidden}`);
  }

  if (result.diagnostics.length > 0) {
    lines.push('');
    lines.push(c.bold(`Diagnostics (${result.diagnostics.length})`));
    for (const d of result.diagnostics.slice(0, MAX_DIAGNOSTICS)) {
      const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''} ` : '';
      const tone = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.dim;
      lines.push(`  ${where}${tone(d.code)} ${d.message}`);
    }
    if (result.diagnostics.length > MAX_DIAGNOSTICS) {
      lines.push(c.dim(`  ... ${result.diagnostics.length - MAX_DIAGNOSTICS} more (--format json lists all)`));
    }
  }
  return { output: lines.join('\n') + '\n', exitCode: exitCodeFor(result.findings, options.failOn) };
}

/**
 * A registry's entries, one line per providing module and export, so a reader sees every
 * key and where it comes from: `'gpt-', 'o1' -> src/providers/openai.ts OpenAIHandler`.
 */
function registryEntryLines(finding: Finding): string[] {
  if (!finding.entries || finding.entries.length === 0) return [];
  const byTarget = new Map<string, string[]>();
  for (const entry of finding.entries) {
    const target = entry.module ? `${entry.module}${entry.export ? ` ${entry.export}` : ''}` : '(not an import)';
    const keys = byTarget.get(target) ?? [];
    keys.push(entry.key === undefined ? '[computed]' : `'${entry.key}'`);
    byTarget.set(target, keys);
  }
  return [...byTarget].map(([target, keys]) => `${keys.join(', ')} -> ${target}`);
}
