import type { Finding } from '../findings/finding.js';

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/**
 * Findings biggest saving first: measured milliseconds when `--measure` gave them (real time
 * beats estimated bytes), else exclusive bytes; severity, then file and line break ties so
 * output is stable.
 */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (b.cost.measuredMs ?? -1) - (a.cost.measuredMs ?? -1) ||
      b.cost.exclusiveBytes - a.cost.exclusiveBytes ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
}

/** Exit code 1 when a finding at or above `failOn` exists, else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn?: 'high' | 'medium' | 'low'): number {
  if (!failOn) return 0;
  return findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]) ? 1 : 0;
}
