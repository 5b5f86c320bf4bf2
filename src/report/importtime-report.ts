import type { ImportTimeNode, ImportTimeResult } from '../measure/import-time.js';
import { describeTopLevelCost } from './describe-top-level-cost.js';
import type { Finding } from '../findings/finding.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { renderHtmlReport } from './html.js';
import { cell, code } from './markdown-text.js';
import type { ReportOutput } from './report-output.js';
import { toSpeedscope } from './speedscope.js';

/** Output formats of `lazify importtime`. */
export type ImportTimeFormat = 'text' | 'json' | 'markdown' | 'html' | 'speedscope' | 'cpuprofile';

/** Version of `importtime --format json`'s shape (docs/json-schema.md); bumped on a breaking change. */
export const IMPORTTIME_JSON_SCHEMA_VERSION = 1;

export interface ImportTimeReportOptions {
  /** Hide subtrees whose cumulative median is below this many ms (text; default 1). */
  minMs?: number;
  /** Deepest level to print (text; default: all). */
  maxDepth?: number;
  /** `time`: children by cumulative time, slowest first (default); `load`: in load order like Python. */
  sort?: 'time' | 'load';
  /** Findings to show beside modules (html). */
  findings?: Finding[];
}

const ms = (value: number) => value.toFixed(1);

function summaryLines(result: ImportTimeResult): string[] {
  const how = `${result.runner.tsx ? 'node --import tsx' : 'node'} (${result.runner.mode})`;
  const lines = [
    `import time of ${result.entry}: ${ms(result.totalMs)} ms median of ${plural(result.runs, 'run')} (IQR ${ms(result.totalIqrMs)} ms), ` +
      `${plural(result.moduleCount, 'module')}, peak RSS ${formatBytes(result.maxRssBytes)}, via ${how}`,
  ];
  if (result.instrumentedTotalMs !== undefined) {
    lines.push(`(total from runs without loader hooks; the instrumented runs that timed ES module bodies took ${ms(result.instrumentedTotalMs)} ms)`);
  }
  if (result.unattributedMs >= 0.05) {
    lines.push(`${ms(result.unattributedMs)} ms outside module bodies (resolving, reading, parsing, linking)`);
  }
  return lines;
}

/** Python's `-X importtime` layout: self | cumulative | module indented by depth. */
function treeLines(result: ImportTimeResult, options: ImportTimeReportOptions): string[] {
  const minMs = options.minMs ?? 1;
  const lines = ['   self ms |   cumul ms | module'];
  const order = (nodes: ImportTimeNode[]) =>
    options.sort === 'load' ? nodes : [...nodes].sort((a, b) => b.cumulativeMs - a.cumulativeMs);
  const walk = (node: ImportTimeNode, depth: number) => {
    const failed = node.failed ? `  [${node.failed}]` : '';
    lines.push(`${ms(node.selfMs).padStart(10)} | ${ms(node.cumulativeMs).padStart(10)} | ${'  '.repeat(depth)}${node.id}${failed}`);
    const shown = order(node.children).filter((child) => child.cumulativeMs >= minMs || child.failed);
    const hidden = node.children.filter((child) => !shown.includes(child));
    if (options.maxDepth === undefined || depth + 1 < options.maxDepth) {
      for (const child of shown) walk(child, depth + 1);
    } else if (shown.length) {
      hidden.push(...shown);
    }
    if (hidden.length) {
      const hiddenMs = hidden.reduce((sum, child) => sum + child.cumulativeMs, 0);
      lines.push(`${''.padStart(10)} | ${ms(hiddenMs).padStart(10)} | ${'  '.repeat(depth + 1)}… ${plural(hidden.length, 'more import')}`);
    }
  };
  for (const root of order(result.tree)) walk(root, 0);
  return lines;
}

function slowestSelf(result: ImportTimeResult, count: number, root = result.root): string[] {
  const all: ImportTimeNode[] = [];
  const collect = (node: ImportTimeNode) => {
    all.push(node);
    node.children.forEach(collect);
  };
  result.tree.forEach(collect);
  return all
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count)
    .flatMap((node) => [`${ms(node.selfMs).padStart(10)} ms  ${node.id}`, ...topLevelLines(node, root)]);
}

/** A module's self time by what its top level ran (from the CPU profile), biggest first. */
function topLevelLines(node: ImportTimeNode, root: string): string[] {
  return (node.topLevel ?? [])
    .filter((part) => part.ms >= 0.1)
    .slice(0, 3)
    .map((part) => `${ms(part.ms).padStart(16)} ms  ${describeTopLevelCost(part, node, root)}`);
}

/** True when the import did not finish: then there is no tree worth a table, only the error. */
function importFailed(result: ImportTimeResult): boolean {
  return result.diagnostics.some((d) => d.severity === 'error');
}

/** The error diagnostics, one `lazify: ...` line each, for stderr. */
function errorLines(result: ImportTimeResult): string | undefined {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return errors.length ? errors.map((d) => `lazify: ${d.message}\n`).join('') : undefined;
}

function renderText(result: ImportTimeResult, options: ImportTimeReportOptions): string {
  const notes = result.diagnostics.filter((d) => d.severity !== 'error');
  // A failed import's partial tree is still shown when it has modules (where it got to);
  // its error goes to stderr, not after the tables.
  if (importFailed(result) && result.tree.length === 0) return notes.map((d) => `${d.severity}: ${d.message}`).join('\n') + (notes.length ? '\n' : '');
  const sections = [summaryLines(result).join('\n'), treeLines(result, options).join('\n'), ['Slowest module bodies (self time):', ...slowestSelf(result, 10)].join('\n')];
  if (notes.length) sections.push(notes.map((d) => `${d.severity}: ${d.message}`).join('\n'));
  return sections.join('\n\n') + '\n';
}

/** For a pull request or an issue: the summary, the slowest modules and what their top level ran. */
function renderMarkdown(result: ImportTimeResult, options: ImportTimeReportOptions): string {
  const lines = [`### lazify importtime: ${code(result.entry)}`, ''];
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) lines.push(...errors.map((d) => `> **error:** ${cell(d.message)}`), '');
  lines.push(
    `**${ms(result.totalMs)} ms** median of ${plural(result.runs, 'run')} (IQR ${ms(result.totalIqrMs)} ms), ${plural(result.moduleCount, 'module')}, ` +
      `peak RSS ${formatBytes(result.maxRssBytes)}, via ${result.runner.tsx ? 'node --import tsx' : 'node'} (${result.runner.mode}).`,
    '',
  );
  const all: ImportTimeNode[] = [];
  const collect = (node: ImportTimeNode) => {
    all.push(node);
    node.children.forEach(collect);
  };
  result.tree.forEach(collect);
  const minMs = options.minMs ?? 1;
  const slowest = all.filter((n) => n.cumulativeMs >= minMs).sort((a, b) => b.cumulativeMs - a.cumulativeMs).slice(0, 20);
  if (slowest.length) {
    lines.push('| Module | Self ms | Cumulative ms | Top level spent it on |', '| --- | ---: | ---: | --- |');
    for (const node of slowest) {
      const parts = (node.topLevel ?? []).filter((p) => p.ms >= 0.1).slice(0, 2).map((p) => `${cell(describeTopLevelCost(p, node, result.root))} (${ms(p.ms)} ms)`);
      lines.push(`| ${code(node.id)}${node.failed ? ` (${node.failed})` : ''} | ${ms(node.selfMs)} | ${ms(node.cumulativeMs)} | ${parts.join('; ')} |`);
    }
    lines.push('');
  }
  const notes = result.diagnostics.filter((d) => d.severity !== 'error');
  if (notes.length) {
    lines.push(`<details><summary>${plural(notes.length, 'note')}</summary>`, '', ...notes.map((d) => `- **${d.severity}** ${code(d.code)}: ${cell(d.message)}`), '', '</details>', '');
  }
  return lines.join('\n');
}

/** `importtime --format json`: the measurement with its schema version (what `--compare` reads back). */
export function toImportTimeJson(result: ImportTimeResult): { schemaVersion: typeof IMPORTTIME_JSON_SCHEMA_VERSION } & Omit<ImportTimeResult, 'cpuProfile'> {
  const { cpuProfile: _profile, ...rest } = result;
  return { schemaVersion: IMPORTTIME_JSON_SCHEMA_VERSION, ...rest };
}

/**
 * Renders a measurement as a Python-style tree (text), JSON, markdown, one self-contained HTML
 * page, a speedscope profile, or the V8 CPU profile of the profiled run (`.cpuprofile`, for
 * Chrome DevTools; measure with `keepCpuProfile`). Exit code 1 when the import failed (threw,
 * hung, exited), so scripts notice; its error is in `errors`, for stderr, whatever the format.
 */
export function renderImportTimeReport(result: ImportTimeResult, format: ImportTimeFormat, options: ImportTimeReportOptions = {}): ReportOutput {
  const exitCode = importFailed(result) ? 1 : 0;
  const errors = errorLines(result);
  const withErrors = (output: string, code = exitCode): ReportOutput => ({ output, exitCode: code, ...(errors ? { errors } : {}) });
  if (format === 'json') return withErrors(JSON.stringify(toImportTimeJson(result), null, 2) + '\n');
  if (format === 'speedscope') return withErrors(JSON.stringify(toSpeedscope(result, 'lazify importtime')) + '\n');
  if (format === 'cpuprofile') {
    if (!result.cpuProfile) {
      return { output: '', exitCode: 1, errors: errors ?? 'lazify: no CPU profile was recorded (the profiled run did not finish)\n' };
    }
    return withErrors(JSON.stringify(result.cpuProfile) + '\n');
  }
  if (format === 'markdown') return withErrors(renderMarkdown(result, options));
  if (format === 'html') return withErrors(renderHtmlReport({ importTime: result, findings: options.findings }).output);
  return withErrors(renderText(result, options));
}
