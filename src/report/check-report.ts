// Reporters of `lazify check`: a table a CI log reader takes in at a glance (text), the same for
// a pull request (markdown), and versioned JSON (docs/json-schema.md). Pure.
import type { MetricName, MetricVerdict } from '../budgets/evaluate-budgets.js';
import { formatBytes } from '../messages/format-size.js';
import type { CheckResult } from '../pipeline/results.js';
import type { ReportOutput } from './report-output.js';

/** Output formats of `lazify check`. */
export type CheckFormat = 'text' | 'markdown' | 'json';

/** Version of the `lazify check --format json` document. */
export const CHECK_JSON_SCHEMA_VERSION = 1;

const LABEL: Record<MetricName, string> = {
  modules: 'modules at import',
  bytes: 'bytes at import',
  importMs: 'import time',
  importRatio: 'import / node start',
};

const STATUS: Record<MetricVerdict['status'], string> = {
  ok: 'ok',
  over: 'OVER budget',
  grew: 'GREW past baseline',
  unchecked: '-',
  unmeasured: 'NOT MEASURED',
};

function value(metric: MetricName, amount: number | undefined): string {
  if (amount === undefined) return '-';
  switch (metric) {
    case 'modules':
      return String(amount);
    case 'bytes':
      return formatBytes(amount);
    case 'importMs':
      return `${amount.toFixed(0)} ms`;
    case 'importRatio':
      return `${amount.toFixed(1)}x`;
  }
}

/** Exit code of a check: 1 when a budget is over or a metric grew past the baseline. */
function exitCodeOf(result: CheckResult): number {
  return result.passed ? 0 : 1;
}

function verdictLine(result: CheckResult): string {
  const failing = result.verdicts.filter((v) => v.status === 'over' || v.status === 'grew' || v.status === 'unmeasured');
  const checked = result.verdicts.filter((v) => v.status !== 'unchecked');
  if (checked.length === 0) return 'PASS: nothing to check (no budgets, no baseline)';
  return failing.length === 0
    ? `PASS: ${checked.length} of ${checked.length} checks within budget`
    : `FAIL: ${failing.map((v) => `${LABEL[v.metric]} ${STATUS[v.status].toLowerCase()}`).join(', ')}`;
}

function timingNote(result: CheckResult): string | undefined {
  if (!result.measured) return 'import time not measured (--no-measure): time budgets not checked';
  if (!result.timing) return undefined;
  return `import time: median of ${result.timing.runs} run${result.timing.runs === 1 ? '' : 's'} of ${result.timing.ran}; a bare \`node -e 0\` took ${result.timing.nodeStartMs.toFixed(0)} ms in the same run`;
}

function renderText(result: CheckResult): string {
  const name = result.packageName ? `${result.packageName} (${result.entry})` : result.entry;
  const header = ['metric', 'actual', 'budget', 'baseline', 'result'];
  const rows = result.verdicts.map((v) => [LABEL[v.metric], value(v.metric, v.actual), value(v.metric, v.limit), value(v.metric, v.baseline), STATUS[v.status]]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Names left-aligned, numbers right-aligned: columns a reader can scan in a plain CI log.
  const line = (cells: string[]) => `  ${cells.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')}`.trimEnd();
  const lines = [`lazify check: ${name}`, '', line(header), ...rows.map(line), ''];
  const note = timingNote(result);
  if (note) lines.push(`  ${note}`);
  for (const d of result.diagnostics) lines.push(`  ${d.severity}: ${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}`);
  if (note || result.diagnostics.length > 0) lines.push('');
  lines.push(verdictLine(result));
  return `${lines.join('\n')}\n`;
}

function renderMarkdown(result: CheckResult): string {
  const name = result.packageName ?? result.entry;
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `### lazify check: \`${cell(name)}\` ${result.passed ? 'passed' : 'failed'}`,
    '',
    '| Metric | Actual | Budget | Baseline | Result |',
    '| --- | ---: | ---: | ---: | --- |',
    ...result.verdicts.map((v) => `| ${LABEL[v.metric]} | ${value(v.metric, v.actual)} | ${value(v.metric, v.limit)} | ${value(v.metric, v.baseline)} | ${v.status === 'ok' ? 'ok' : v.status === 'unchecked' ? '–' : `**${STATUS[v.status]}**`} |`),
    '',
  ];
  const note = timingNote(result);
  if (note) lines.push(`_${note}._`, '');
  for (const d of result.diagnostics) lines.push(`- ${d.severity}: ${cell(d.message)}`);
  if (result.diagnostics.length > 0) lines.push('');
  lines.push(`**${verdictLine(result)}**`);
  return `${lines.join('\n')}\n`;
}

/** The `lazify check --format json` document. */
export interface CheckJsonReport {
  schemaVersion: typeof CHECK_JSON_SCHEMA_VERSION;
  kind: 'check';
  root: string;
  packageName?: string;
  entry: string;
  passed: boolean;
  metrics: CheckResult['metrics'];
  verdicts: MetricVerdict[];
  timing?: CheckResult['timing'];
  diagnostics: CheckResult['diagnostics'];
}

/** Builds the JSON document (plain data). */
export function toCheckJsonReport(result: CheckResult): CheckJsonReport {
  return {
    schemaVersion: CHECK_JSON_SCHEMA_VERSION,
    kind: 'check',
    root: result.root,
    ...(result.packageName !== undefined ? { packageName: result.packageName } : {}),
    entry: result.entry,
    passed: result.passed,
    metrics: result.metrics,
    verdicts: result.verdicts,
    ...(result.timing ? { timing: result.timing } : {}),
    diagnostics: result.diagnostics,
  };
}

/** Renders a check result; exit code 1 when it failed. */
export function renderCheckReport(result: CheckResult, format: CheckFormat = 'text'): ReportOutput {
  const output = format === 'json' ? `${JSON.stringify(toCheckJsonReport(result), null, 2)}\n` : format === 'markdown' ? renderMarkdown(result) : renderText(result);
  return { output, exitCode: exitCodeOf(result) };
}
