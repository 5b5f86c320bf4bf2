import type { ImportTimeComparison } from '../measure/compare-import-times.js';
import { plural } from '../messages/format-size.js';
import { renderHtmlReport } from './html.js';
import { cell, code } from './markdown-text.js';
import type { ReportOutput } from './report-output.js';

/** Output formats of `lazify importtime --compare`. */
export type ImportTimeComparisonFormat = 'text' | 'json' | 'markdown' | 'html';

/** Version of `importtime --compare --format json`'s shape (docs/json-schema.md). */
export const COMPARISON_JSON_SCHEMA_VERSION = 1;

function verdictOf(comparison: ImportTimeComparison): string {
  return comparison.speedup >= 1 ? `${comparison.speedup.toFixed(1)}x faster` : `${(1 / comparison.speedup).toFixed(1)}x slower`;
}

function renderMarkdown(comparison: ImportTimeComparison, limit: number): string {
  const { before, after } = comparison;
  const lines = [
    `### lazify importtime: ${code(after.entry)} before and after`,
    '',
    '| | Before | After |',
    '| --- | ---: | ---: |',
    `| Import time (median) | ${ms(before.totalMs)} ms | ${ms(after.totalMs)} ms |`,
    `| Modules loaded | ${before.moduleCount} | ${after.moduleCount} |`,
    '',
    `**${verdictOf(comparison)}**; ${comparison.onlyBefore.length} modules no longer loaded, ${comparison.onlyAfter.length} new.`,
    '',
  ];
  const shown = comparison.modules.slice(0, limit);
  if (shown.length) {
    lines.push('<details><summary>Modules whose time changed most (self ms)</summary>', '', '| Module | Before | After | Change |', '| --- | ---: | ---: | ---: |');
    for (const m of shown) {
      lines.push(`| ${code(m.id)} | ${m.before ? ms(m.before.selfMs) : 'not loaded'} | ${m.after ? ms(m.after.selfMs) : 'not loaded'} | ${m.selfDeltaMs > 0 ? '+' : ''}${ms(m.selfDeltaMs)} |`);
    }
    if (comparison.modules.length > limit) lines.push('', cell(`${plural(comparison.modules.length - limit, 'more module')} changed less.`));
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

const ms = (value: number) => value.toFixed(1);

function renderText(comparison: ImportTimeComparison, limit: number): string {
  const { before, after } = comparison;
  const verdict = verdictOf(comparison);
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
 * (text or markdown), the comparison as JSON, or the HTML report with a before/after switch.
 */
export function renderImportTimeComparison(comparison: ImportTimeComparison, format: ImportTimeComparisonFormat, options: { limit?: number } = {}): ReportOutput {
  if (format === 'json') {
    const { before, after, ...rest } = comparison;
    return { output: JSON.stringify({ schemaVersion: COMPARISON_JSON_SCHEMA_VERSION, before: { entry: before.entry, totalMs: before.totalMs, moduleCount: before.moduleCount }, after: { entry: after.entry, totalMs: after.totalMs, moduleCount: after.moduleCount }, ...rest }, null, 2) + '\n', exitCode: 0 };
  }
  if (format === 'markdown') return { output: renderMarkdown(comparison, options.limit ?? 25), exitCode: 0 };
  if (format === 'html') return renderHtmlReport({ importTime: comparison.after, comparison });
  return { output: renderText(comparison, options.limit ?? 25), exitCode: 0 };
}
