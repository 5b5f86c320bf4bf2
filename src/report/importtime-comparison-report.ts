import type { ImportTimeComparison } from '../measure/compare-import-times.js';
import { plural } from '../messages/format-size.js';
import { renderHtmlReport } from './html.js';
import type { ReportOutput } from './report-output.js';

/** Output formats of `lazify importtime --compare`. */
export type ImportTimeComparisonFormat = 'text' | 'json' | 'html';

const ms = (value: number) => value.toFixed(1);

function renderText(comparison: ImportTimeComparison, limit: number): string {
  const { before, after } = comparison;
  const verdict = comparison.speedup >= 1 ? `${comparison.speedup.toFixed(1)}x faster` : `${(1 / comparison.speedup).toFixed(1)}x slower`;
  const lines = [
    `import time of ${after.entry}: ${ms(before.totalMs)} ms -> ${ms(after.totalMs)} ms (${verdict}), ` +
      `${plural(before.moduleCount, 'module')} -> ${plural(after.moduleCount, 'module')}: ` +
      `${comparison.onlyBefore.length} no longer loaded, ${comparison.onlyAfter.length} new`,
    '',
    ' before self | after self |   change | module',
  ];
  const cell = (value: number | undefined) => (value === undefined ? '-' : ms(value)).padStart(11);
  for (const m of comparison.modules.slice(0, limit)) {
    const change = `${m.selfDeltaMs > 0 ? '+' : ''}${ms(m.selfDeltaMs)}`.padStart(8);
    const note = !m.after ? '  (not loaded after)' : !m.before ? '  (new)' : '';
    lines.push(`${cell(m.before?.selfMs)} |${cell(m.after?.selfMs)} | ${change} | ${m.id}${note}`);
  }
  if (comparison.modules.length > limit) lines.push(`${plural(comparison.modules.length - limit, 'more module')} changed less`);
  return lines.join('\n') + '\n';
}

/**
 * Renders two measurements side by side: a table of the modules whose time changed most
 * (text), the comparison as JSON, or the HTML report with a before/after switch.
 */
export function renderImportTimeComparison(comparison: ImportTimeComparison, format: ImportTimeComparisonFormat, options: { limit?: number } = {}): ReportOutput {
  if (format === 'json') {
    const { before, after, ...rest } = comparison;
    return { output: JSON.stringify({ before: { entry: before.entry, totalMs: before.totalMs, moduleCount: before.moduleCount }, after: { entry: after.entry, totalMs: after.totalMs, moduleCount: after.moduleCount }, ...rest }, null, 2) + '\n', exitCode: 0 };
  }
  if (format === 'html') return renderHtmlReport({ importTime: comparison.after, comparison });
  return { output: renderText(comparison, options.limit ?? 25), exitCode: 0 };
}
