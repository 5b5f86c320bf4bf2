// Public API, measuring part: real import time per module, in child processes (runs the
// package's code), and its reporters. `lazify importtime` loads only this slice.
export { measure } from '../measure/measure.js';
export { attachMeasuredCost } from '../measure/attach-measured-cost.js';
export type { ImportTimeResult, ImportTimeNode, MeasureOptions } from '../measure/import-time.js';
export { renderImportTimeReport, toImportTimeJson, IMPORTTIME_JSON_SCHEMA_VERSION } from '../report/importtime-report.js';
export type { CpuProfile } from '../measure/cpu-profile.js';
export type { ImportTimeFormat, ImportTimeReportOptions } from '../report/importtime-report.js';
export { renderHtmlReport } from '../report/html.js';
export type { HtmlReportInput } from '../report/html.js';
export { compareImportTimes, readImportTimeFile } from '../measure/compare-import-times.js';
export type { ImportTimeComparison, ModuleTimeChange } from '../measure/compare-import-times.js';
export { renderImportTimeComparison, COMPARISON_JSON_SCHEMA_VERSION } from '../report/importtime-comparison-report.js';
export type { ImportTimeComparisonFormat } from '../report/importtime-comparison-report.js';
export { toSpeedscope } from '../report/speedscope.js';
export type { SpeedscopeFile } from '../report/speedscope.js';
