// Public API, the light part of analyze and why: the kept analysis of a project that has not
// changed since its last run, and the reporters. Loads no parser (no TypeScript, no ts-morph), so
// `lazify analyze` on an unchanged project loads only this slice; the full one is
// `lazify-imports/analyze`, which re-exports all of this.
export { keptAnalysis, keptWhy } from '../pipeline/kept-analyses.js';
export { withBaseline } from '../pipeline/finish-analysis.js';
export { measureInstalledFilesAhead } from '../graph/measure-installed-files-in-parallel.js';
export type { AnalyzeOptions, AnalysisResult, WhyOptions, WhyResult } from '../pipeline/results.js';
export { renderWhyReport } from '../report/why-report.js';
export { renderReport } from '../report/render-report.js';
export type { ReportFormat, ReportOptions, ReportOutput } from '../report/report-output.js';
export { renderGithubAnnotations, findingAnnotations, diagnosticAnnotations } from '../report/github-annotations.js';
export type { GithubAnnotation, AnnotationOptions } from '../report/github-annotations.js';
