// The baseline file of `--baseline FILE`: the findings a project has accepted for now, by id,
// so that later runs report only new ones. Reading it is parsing; the CLI reads and writes the file.
import { LazifyError } from '../diagnostics/diagnostic.js';
import type { FindingsBaseline } from './apply-suppressions.js';
import type { Finding } from './finding.js';

/** The baseline of `findings`: their ids (and kind and file for the reader), sorted by id. */
export function toFindingsBaseline(findings: readonly Finding[]): FindingsBaseline {
  return {
    schemaVersion: 1,
    kind: 'lazify-findings-baseline',
    findings: findings.map((f) => ({ id: f.id, kind: f.kind, file: f.file })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** A baseline file's JSON (findings or check); text that is not JSON is a `bad-baseline` error naming the file. */
export function parseBaselineJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LazifyError('bad-baseline', `${label}: not valid JSON: ${(error as Error).message}`, label);
  }
}

/** Parses a baseline file's text; a file that is not one is a `bad-baseline` {@link LazifyError} naming it. */
export function parseFindingsBaseline(text: string, label: string): FindingsBaseline {
  const baseline = parseBaselineJson(text, label) as Partial<FindingsBaseline> | null;
  if (!baseline || typeof baseline !== 'object' || baseline.kind !== 'lazify-findings-baseline' || !Array.isArray(baseline.findings)) {
    throw new LazifyError('bad-baseline', `${label}: not a lazify findings baseline (write one with \`lazify analyze --baseline ${label}\` where the file does not exist)`, label);
  }
  if (baseline.schemaVersion !== 1) {
    throw new LazifyError('bad-baseline', `${label}: baseline schemaVersion ${String(baseline.schemaVersion)} is not one this lazify reads (1)`, label);
  }
  const bad = baseline.findings.findIndex((f) => !f || typeof f !== 'object' || typeof (f as { id?: unknown }).id !== 'string');
  if (bad >= 0) throw new LazifyError('bad-baseline', `${label}: findings[${bad}] has no string id`, label);
  return baseline as FindingsBaseline;
}
