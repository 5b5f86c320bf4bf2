import type { Finding } from '../findings/finding.js';
import type { ImportTimeComparison } from '../measure/compare-import-times.js';
import type { ImportTimeNode, ImportTimeResult } from '../measure/import-time.js';
import { describeTopLevelCost } from './describe-top-level-cost.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { HTML_CLIENT_SCRIPT } from './html-client-script.js';
import { HTML_STYLES } from './html-styles.js';
import type { ReportOutput } from './report-output.js';

/**
 * What the HTML report shows: a measurement; from `analyze --format html`, the findings too;
 * from `importtime --compare`, a second measurement to compare it with.
 */
export interface HtmlReportInput {
  importTime: ImportTimeResult;
  findings?: Finding[];
  /** Before/after view: `importTime` is the after side of this comparison. */
  comparison?: ImportTimeComparison;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON that is safe inside a <script> element: `<` is escaped so no string in the data (a
 * module path, an error message) can close the element, and U+2028/2029 for old parsers.
 */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function summaryOf(result: ImportTimeResult): string {
  return (
    `${result.totalMs.toFixed(1)} ms median of ${plural(result.runs, 'run')} (IQR ${result.totalIqrMs.toFixed(1)} ms), ` +
    `${plural(result.moduleCount, 'module')}, peak RSS ${formatBytes(result.maxRssBytes)}` +
    (result.runner.tsx ? ', TypeScript through tsx' : '')
  );
}

/** For each module with a CPU-profile breakdown, its parts as sentences (the page shows them). */
function topLevelLabels(result: ImportTimeResult | undefined): Record<string, Array<{ text: string; ms: number }>> {
  const labels: Record<string, Array<{ text: string; ms: number }>> = {};
  const walk = (node: ImportTimeNode) => {
    if (node.topLevel?.length) labels[node.file] = node.topLevel.map((part) => ({ text: describeTopLevelCost(part, node, result!.root), ms: part.ms }));
    node.children.forEach(walk);
  };
  result?.tree.forEach(walk);
  return labels;
}

/** The analyze report's first part: every finding, worst first, with its place and saving. */
function findingsSection(findings: Finding[]): string {
  const items = findings
    .map((f) => {
      const saving = f.cost.exclusiveBytes > 0 ? ` <span class="saving">saves ${escapeHtml(formatBytes(f.cost.exclusiveBytes))}${f.cost.measuredMs !== undefined ? `, ${ms(f.cost.measuredMs)} ms` : ''}</span>` : '';
      return (
        `<li class="finding ${f.severity}"><span class="severity">${f.severity}</span> <span class="kind">${escapeHtml(f.kind)}</span> ` +
        `<code>${escapeHtml(`${f.file}:${f.line}`)}</code>${saving}<p>${escapeHtml(f.message)}</p></li>`
      );
    })
    .join('\n');
  return `<section id="findings"><h2>Findings (${findings.length})</h2>${findings.length ? `<ol>\n${items}\n</ol>` : '<p>No findings.</p>'}</section>`;
}

/** Before/after: the totals, a switch for the chart, and the modules whose time changed most. */
function comparisonSection(comparison: ImportTimeComparison): string {
  const { before, after } = comparison;
  const verdict =
    comparison.speedup >= 1
      ? `${comparison.speedup.toFixed(comparison.speedup >= 10 ? 0 : 1)}x faster`
      : `${(1 / comparison.speedup).toFixed(1)}x slower`;
  const side = (change: { selfMs: number; cumulativeMs: number } | undefined) =>
    change ? `<td class="num">${ms(change.selfMs)}</td><td class="num">${ms(change.cumulativeMs)}</td>` : '<td class="num gone" colspan="2">not loaded</td>';
  const rows = comparison.modules
    .slice(0, 40)
    .map((m) => {
      const delta = m.selfDeltaMs;
      return `<tr><td>${escapeHtml(m.id)}</td>${side(m.before)}${side(m.after)}<td class="num ${delta < 0 ? 'better' : delta > 0 ? 'worse' : ''}">${delta > 0 ? '+' : ''}${ms(delta)}</td></tr>`;
    })
    .join('\n');
  const more = comparison.modules.length > 40 ? `<p>${comparison.modules.length - 40} more modules changed less.</p>` : '';
  return `<section id="comparison">
<h2>Before / after</h2>
<p class="verdict"><strong>${escapeHtml(verdict)}</strong>: ${escapeHtml(ms(before.totalMs))} ms &rarr; ${escapeHtml(ms(after.totalMs))} ms,
${escapeHtml(plural(before.moduleCount, 'module'))} &rarr; ${escapeHtml(plural(after.moduleCount, 'module'))}
(${comparison.onlyBefore.length} no longer loaded, ${comparison.onlyAfter.length} new)</p>
<div id="measurement" role="group" aria-label="Chart shows"><button type="button" data-measurement="after" aria-pressed="true">after</button><button type="button" data-measurement="before" aria-pressed="false">before</button></div>
<table id="changes"><thead><tr><th rowspan="2">module</th><th colspan="2">before ms</th><th colspan="2">after ms</th><th rowspan="2">self change ms</th></tr>
<tr><th>self</th><th>cumulative</th><th>self</th><th>cumulative</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${more}
</section>`;
}

/**
 * One self-contained HTML page (inline CSS, script and data; nothing fetched at view time):
 * the findings first when there are any (analyze), a before/after table when comparing, then
 * an icicle chart of cumulative import time with a time axis, colours per package and a legend.
 * A click zooms into a module's subtree (a breadcrumb leads back) and shows its times, why it
 * is loaded (the import chain from the entry), its findings and its imports and importers.
 */
export function renderHtmlReport(input: HtmlReportInput): ReportOutput {
  const result = input.importTime;
  const title = input.comparison ? `lazify import time, before and after: ${result.entry}` : input.findings ? `lazify analyze: ${result.entry}` : `lazify import time: ${result.entry}`;
  const summary = input.comparison ? `after: ${summaryOf(result)}; before: ${summaryOf(input.comparison.before)}` : summaryOf(result);
  const diagnostics = result.diagnostics
    .map((d) => `<p class="diagnostic ${d.severity}">${escapeHtml(`${d.severity}: ${d.message}`)}</p>`)
    .join('\n');
  const data = {
    importTime: result,
    findings: input.findings ?? null,
    before: input.comparison?.before ?? null,
    topLevel: { ...topLevelLabels(input.comparison?.before), ...topLevelLabels(result) },
  };
  const output = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summary)}</p>
${diagnostics}
${input.findings ? findingsSection(input.findings) : ''}
${input.comparison ? comparisonSection(input.comparison) : ''}
<h2>Import time</h2>
<div class="toolbar">
  <label>Find module <input id="search" type="search" placeholder="e.g. openai or src/utils"></label>
  <nav id="breadcrumb" aria-label="Zoom"></nav>
</div>
<div class="layout">
  <div>
    <div id="chart"></div>
    <ul id="legend" aria-label="Colours"></ul>
    <table id="slowest"><thead><tr><th>self ms</th><th>cumulative ms</th><th>slowest module bodies</th></tr></thead><tbody></tbody></table>
  </div>
  <aside id="details"><p>Click a module in the chart.</p></aside>
</div>
<script id="lazify-data" type="application/json">${scriptSafeJson(data)}</script>
<script>${HTML_CLIENT_SCRIPT}</script>
</body>
</html>
`;
  return { output, exitCode: 0 };
}
