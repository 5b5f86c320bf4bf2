import type { ImportTimeNode, ImportTimeResult } from '../measure/import-time.js';
import { describeTopLevelCost } from './describe-top-level-cost.js';
import type { Finding } from '../findings/finding.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { renderHtmlReport } from './html.js';
import type { ReportOutput } from './report-output.js';
import { toSpeedscope } from './speedscope.js';

/** Output formats of `lazify importtime`. */
export type ImportTimeFormat = 'text' | 'json' | 'html' | 'speedscope';

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

function renderText(result: ImportTimeResult, options: ImportTimeReportOptions): string {
  const sections = [summaryLines(result).join('\n'), treeLines(result, options).join('\n'), ['Slowest module bodies (self time):', ...slowestSelf(result, 10)].join('\n')];
  if (result.diagnostics.length) {
    sections.push(result.diagnostics.map((d) => `${d.severity}: ${d.message}`).join('\n'));
  }
  return sections.join('\n\n') + '\n';
}

/**
 * Renders a measurement as a Python-style tree (text), JSON, one self-contained HTML page, or a
 * speedscope profile.
 * Exit code 1 when the import failed (threw, hung, exited), so scripts notice.
 */
export function renderImportTimeReport(result: ImportTimeResult, format: ImportTimeFormat, options: ImportTimeReportOptions = {}): ReportOutput {
  const exitCode = result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  if (format === 'json') return { output: JSON.stringify(result, null, 2) + '\n', exitCode };
  if (format === 'speedscope') return { output: JSON.stringify(toSpeedscope(result, 'lazify importtime')) + '\n', exitCode };
  if (format === 'html') return { output: renderHtmlReport({ importTime: result, findings: options.findings }).output, exitCode };
  return { output: renderText(result, options), exitCode };
}
