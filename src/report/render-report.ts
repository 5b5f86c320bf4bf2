import type { AnalysisResult } from '../pipeline/results.js';
import { renderJsonReport } from './json-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import { renderSarifReport } from './sarif-report.js';
import type { ReportFormat, ReportOptions, ReportOutput } from './report-output.js';
import { renderTextReport } from './text-report.js';

const REPORTERS: Record<ReportFormat, (result: AnalysisResult, options: ReportOptions) => ReportOutput> = {
  text: renderTextReport,
  json: renderJsonReport,
  markdown: renderMarkdownReport,
  sarif: renderSarifReport,
};

/** Renders an analysis in the chosen format. */
export function renderReport(result: AnalysisResult, format: ReportFormat, options: ReportOptions = {}): ReportOutput {
  return REPORTERS[format](result, options);
}
