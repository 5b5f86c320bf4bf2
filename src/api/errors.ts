// The error and diagnostic shapes of the public API. Light on purpose: the CLI's error handler
// loads this at start-up, before it knows which command (and so which stages) it needs.
export type { Diagnostic } from '../diagnostics/diagnostic.js';
export { LazifyError, isLazifyError } from '../diagnostics/diagnostic.js';
export type { ProgressEvent, ProgressListener } from '../diagnostics/progress.js';
