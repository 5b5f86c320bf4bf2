// analyze --measure: the static analysis, then the measure stage, then measured cost on findings.
// The measure stage is loaded only here, when a run measures (import(), as dependency-cruiser's
// main/cruise.mjs loads its stages): a plain `lazify analyze` does not load it.
import { resolve } from 'node:path';
import type { MeasureOptions } from '../measure/import-time.js';
import { analyze } from './analyze.js';
import type { AnalysisResult, AnalyzeOptions } from './results.js';

/**
 * {@link analyze}, plus real import times measured in child processes (this runs the package's
 * code): findings get `cost.measuredMs` and are ranked by it, and the result carries the
 * measurement (`importTime`) for the HTML report. A module that throws or hangs at import
 * becomes an error diagnostic; the static findings are still returned.
 */
export async function analyzeMeasured(dir: string, options: Omit<AnalyzeOptions, 'measure'> & MeasureOptions = {}): Promise<AnalysisResult> {
  const result = analyze(dir, { entry: options.entry, suppressions: options.suppressions, onProgress: options.onProgress, cacheDir: options.cacheDir });
  const [{ measure }, { attachMeasuredCost }] = await Promise.all([import('../measure/measure.js'), import('../measure/attach-measured-cost.js')]);
  const importTime = await measure(options.entry ? resolve(dir, options.entry) : dir, {
    runs: options.runs,
    timeoutMs: options.timeoutMs,
    tsx: options.tsx,
    onProgress: options.onProgress,
  });
  return {
    ...result,
    findings: attachMeasuredCost(result.findings, result.graph, importTime),
    importTime,
    diagnostics: [...result.diagnostics, ...importTime.diagnostics],
  };
}
