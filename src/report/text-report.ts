import { createColors } from 'picocolors';
import { describeSuppressions, nothingSuppressed } from './describe-suppressions.js';
import type { AnalysisResult } from '../pipeline/results.js';
import type { Finding } from '../findings/finding.js';
import { FINDING_KIND_DOCS } from '../findings/finding-kinds.js';
import { costTreeRows } from './cost-tree.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { groupDiagnostics } from './group-diagnostics.js';
import { groupSharedSavings, isSharedSaving, sharedSavingHeadline, type SharedSaving } from './group-findings.js';
import { exitCodeFor, rankFindings } from './rank-findings.js';
import type { ReportOptions, ReportOutput } from './report-output.js';
import { indentWrapped } from './wrap-lines.js';

const MAX_DIAGNOSTICS = 10;

type Colours = ReturnType<typeof createColors>;

/** The severity as a word, padded to one width, coloured when colours are on (never colour alone). */
function severityWord(severity: Finding['severity'] | 'error' | 'warning' | 'info', c: Colours): string {
  const tone = severity === 'high' || severity === 'error' ? c.red : severity === 'medium' || severity === 'warning' ? c.yellow : c.dim;
  return tone(severity.padEnd(6));
}

function savingText(cost: Finding['cost'], c: Colours): string {
  const bytes = cost.exclusiveBytes > 0 ? ` ${c.green(`saves ${formatBytes(cost.exclusiveBytes)}, ${plural(cost.exclusiveModules, 'module')}`)}` : '';
  const measured = cost.measuredMs !== undefined ? ` ${c.green(`${cost.measuredMs.toFixed(0)} ms`)}` : '';
  return bytes + measured;
}

/**
 * The human report: ranked findings (`severity file:line kind symbol saving`, then what to do),
 * findings that share one saving said once, then the cost tree of the biggest eager subtrees
 * with own / cumulative / exclusive sizes, then diagnostics by package and file. With
 * `options.width`, long lines are wrapped to it.
 */
export function renderTextReport(result: AnalysisResult, options: ReportOptions = {}): ReportOutput {
  const c = createColors(options.color ?? false);
  const width = options.width;
  const lines: string[] = [];
  const { cost } = result;
  const name = result.packageName ? `${result.packageName} (${result.entry})` : result.entry;
  lines.push(
    ...indentWrapped(
      `${c.bold(name)}: importing it loads ${c.bold(formatBytes(cost.eagerBytes))} in ${plural(cost.eagerModules, 'module')} ` +
        `(${plural(Object.keys(result.graph.modules).length, 'module')} reachable in all)`,
      0,
      width,
    ),
  );
  // A file too big to parse hides everything it imports: say so before the findings, not only
  // among the diagnostics at the end, or "No findings" reads as a clean bill.
  for (const d of result.diagnostics.filter((d) => d.code === 'file-too-large')) {
    lines.push(c.yellow(`Incomplete: ${d.message}.`));
  }
  lines.push('');

  const findings = rankFindings(result.findings);
  const items = groupSharedSavings(findings);
  const maxFindings = options.maxFindings ?? 20;
  lines.push(c.bold(findings.length === 0 ? 'No findings.' : `Findings (${findings.length}, biggest savings first)`));
  let shown = 0;
  for (const item of items) {
    if (shown >= maxFindings) break;
    if (isSharedSaving(item)) {
      lines.push(...sharedSavingLines(item, c, width));
      shown += item.findings.length;
      continue;
    }
    const finding = item;
    shown++;
    const symbol = finding.symbol ? ` ${c.bold(finding.symbol)}` : '';
    lines.push(...indentWrapped(`${severityWord(finding.severity, c)} ${c.cyan(`${finding.file}:${finding.line}`)} ${finding.kind}${symbol}${savingText(finding.cost, c)}`, 2, width));
    lines.push(...indentWrapped(finding.message, 9, width));
    for (const entryLine of registryEntryLines(finding)) lines.push(...indentWrapped(c.dim(entryLine), 9, width));
    if (finding.files && finding.files.length > 0) lines.push(...indentWrapped(c.dim(finding.files.join(' -> ')), 9, width));
  }
  if (findings.length > shown) lines.push(c.dim(`  ... ${findings.length - shown} more (--format json lists all)`));
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
    lines.push(...diagnosticLines(result, c, width));
  }
  return { output: lines.join('\n') + '\n', exitCode: exitCodeFor(result.findings, options.failOn) };
}

/** A shared saving: the headline and saving once, then each place, what to do, and what they load. */
function sharedSavingLines(group: SharedSaving, c: Colours, width: number | undefined): string[] {
  const worst = group.findings[0]!.severity;
  const save = group.cost.exclusiveBytes > 0 ? c.green(` to save ${formatBytes(group.cost.exclusiveBytes)}, ${plural(group.cost.exclusiveModules, 'module')}`) : '';
  const measured = group.cost.measuredMs !== undefined ? c.green(` (${group.cost.measuredMs.toFixed(0)} ms)`) : '';
  const lines = indentWrapped(`${severityWord(worst, c)} ${sharedSavingHeadline(group)}${save}${measured}`, 2, width);
  for (const f of group.findings) {
    const detail = f.kind === 'registry' ? ` (${[f.shape, f.entries ? `${f.entries.length} ${f.entries.length === 1 ? 'entry' : 'entries'}` : undefined].filter(Boolean).join(', ')})` : '';
    lines.push(...indentWrapped(`${c.cyan(`${f.file}:${f.line}`)} ${f.kind}${f.symbol ? ` ${c.bold(f.symbol)}` : ''}${detail}`, 9, width));
  }
  lines.push(...indentWrapped(FINDING_KIND_DOCS[group.kind].help, 9, width));
  if (group.kind === 'registry') lines.push(...indentWrapped(c.dim(`loads: ${group.loads.join(', ')}`), 9, width));
  return lines;
}

/** Diagnostics by package (named when there is more than one) and file, each location once. */
function diagnosticLines(result: AnalysisResult, c: Colours, width: number | undefined): string[] {
  const lines: string[] = [];
  const groups = groupDiagnostics(result.diagnostics, result.packageName ?? 'this package');
  const named = groups.length > 1;
  let left = MAX_DIAGNOSTICS;
  for (const group of groups) {
    if (left <= 0) break;
    if (named) lines.push(`  ${c.bold(group.package)}`);
    const indent = named ? 4 : 2;
    for (const file of group.files) {
      if (left <= 0) break;
      if (file.file) lines.push(`${' '.repeat(indent)}${c.cyan(file.file)}`);
      for (const d of file.diagnostics.slice(0, left)) {
        const at = file.file ? `${d.line ? `${d.line}${d.column ? `:${d.column}` : ''}` : ''}`.padEnd(6) : '';
        lines.push(...indentWrapped(`${at}${severityWord(d.severity, c)} ${d.code} ${d.message}`, indent + (file.file ? 2 : 0), width));
        left--;
      }
    }
  }
  if (result.diagnostics.length > MAX_DIAGNOSTICS) {
    lines.push(c.dim(`  ... ${result.diagnostics.length - MAX_DIAGNOSTICS} more (--format json lists all)`));
  }
  return lines;
}

/** Entry lines shown per registry; a barrel of 250 functions (date-fns) would bury the other findings. */
const MAX_ENTRY_LINES = 20;

/**
 * A registry's entries, one line per providing module and export, so a reader sees each key
 * and where it comes from: `'gpt-', 'o1' -> src/providers/openai.ts OpenAIHandler`; past
 * {@link MAX_ENTRY_LINES}, a line counting the rest.
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
  const lines = [...byTarget].map(([target, keys]) => `${keys.join(', ')} -> ${target}`);
  if (lines.length <= MAX_ENTRY_LINES) return lines;
  return [...lines.slice(0, MAX_ENTRY_LINES - 1), `... ${lines.length - MAX_ENTRY_LINES + 1} more (--format json lists all)`];
}
