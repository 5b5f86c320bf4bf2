import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A plan or apply diagnostic as the one line the text reports print: what it is about (the
 * operation, else the finding), then its message (`registry:src/router.ts:MODEL: MODEL stays
 * eager: ...`). The message names files and lines itself, so nothing is added from `file`.
 */
export function diagnosticLine(diagnostic: Diagnostic): string {
  const about = diagnostic.operation ?? diagnostic.finding;
  return about === undefined ? diagnostic.message : `${about}: ${diagnostic.message}`;
}
