import type { Finding } from '../findings/finding.js';
import type { ImportTimeResult } from '../measure/import-time.js';
import { formatBytes, plural } from '../messages/format-size.js';
import { HTML_CLIENT_SCRIPT } from './html-client-script.js';
import { HTML_STYLES } from './html-styles.js';
import type { ReportOutput } from './report-output.js';

/** What the HTML report shows: a measurement and, from `analyze --measure`, the findings. */
export interface HtmlReportInput {
  importTime: ImportTimeResult;
  findings?: Finding[];
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

/**
 * One self-contained HTML page (inline CSS, script and data; nothing fetched at view time):
 * an icicle chart of cumulative import time, where clicking a module shows its times, why it
 * is loaded (the import chain from the entry), its findings and its imports and importers.
 */
export function renderHtmlReport(input: HtmlReportInput): ReportOutput {
  const result = input.importTime;
  const title = `lazify import time: ${result.entry}`;
  const summary =
    `${result.totalMs.toFixed(1)} ms median of ${plural(result.runs, 'run')} (IQR ${result.totalIqrMs.toFixed(1)} ms), ` +
    `${plural(result.moduleCount, 'module')}, peak RSS ${formatBytes(result.maxRssBytes)}` +
    (result.runner.tsx ? ', TypeScript through tsx' : '');
  const diagnostics = result.diagnostics
    .map((d) => `<p class="diagnostic ${d.severity}">${escapeHtml(`${d.severity}: ${d.message}`)}</p>`)
    .join('\n');
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
<div class="toolbar">
  <label>Find module <input id="search" type="search" placeholder="e.g. openai or src/utils"></label>
  <span class="legend"><span style="background:#4a90d9"></span>project module<span style="background:hsl(35,75%,58%)"></span>package<span style="background:#d9534f"></span>failed</span>
</div>
<div class="layout">
  <div>
    <div id="chart"></div>
    <table id="slowest"><thead><tr><th>self ms</th><th>cumulative ms</th><th>slowest module bodies</th></tr></thead><tbody></tbody></table>
  </div>
  <aside id="details"><p>Click a module in the chart.</p></aside>
</div>
<script id="lazify-data" type="application/json">${scriptSafeJson({ importTime: result, findings: input.findings ?? null })}</script>
<script>${HTML_CLIENT_SCRIPT}</script>
</body>
</html>
`;
  return { output, exitCode: 0 };
}
