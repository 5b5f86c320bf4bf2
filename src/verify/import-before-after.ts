import { isLazifyError } from '../diagnostics/diagnostic.js';
import type { ProgressListener } from '../diagnostics/progress.js';
import { measure } from '../measure/measure.js';

/** One measurement of the entry's import, as `apply --verify` reports it before and after. */
export interface ImportSnapshot {
  /** The file that ran, relative to the root (`dist/index.js`). */
  entry?: string;
  /** Median wall-clock ms over `runs` fresh processes. */
  totalMs?: number;
  totalIqrMs?: number;
  /** Modules loaded at import (builtins excluded). */
  moduleCount?: number;
  runs?: number;
  /** Why there is no measurement (the import threw, or there is nothing to run): one line. */
  failed?: string;
}

/** The entry's import measured before apply wrote and after, with lazify's importtime machinery. */
export interface ImportBeforeAfter {
  before: ImportSnapshot;
  after?: ImportSnapshot;
}

/**
 * Measures the package's import once (one `measure()` of `runs` fresh processes, no CPU
 * profile). A measurement that cannot run (no built entry, the import throws) is a `failed`
 * line, not an error: verification has its own verdict.
 */
export async function measureImportSnapshot(root: string, options: { runs: number; timeoutMs?: number; onProgress?: ProgressListener }): Promise<ImportSnapshot> {
  try {
    const result = await measure(root, { runs: options.runs, timeoutMs: options.timeoutMs, profile: false, onProgress: options.onProgress });
    const error = result.diagnostics.find((d) => d.severity === 'error');
    return {
      entry: result.entry,
      ...(error ? { failed: error.message } : { totalMs: result.totalMs, totalIqrMs: result.totalIqrMs, moduleCount: result.moduleCount, runs: result.runs }),
    };
  } catch (error) {
    if (isLazifyError(error)) return { failed: error.message };
    throw error;
  }
}
