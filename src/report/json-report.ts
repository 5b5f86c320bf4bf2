import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding } from '../findings/finding.js';
import type { SuppressedBy } from '../findings/apply-suppressions.js';
import type { EdgeKind } from '../graph/module-graph.js';
import type { AnalysisResult } from '../pipeline/results.js';
import { exitCodeFor, rankFindings } from './rank-findings.js';
import type { ReportOptions, ReportOutput } from './report-output.js';

/** Version of the JSON report's shape; bumped on any breaking change (docs/json-schema.md). */
export const JSON_SCHEMA_VERSION = 1;

/** One module of the JSON report. */
export interface JsonModule {
  id: string;
  kind: 'local' | 'external' | 'builtin';
  size: number;
  cumulativeSize: number;
  exclusiveSize: number;
  /** Loaded when the entry is imported. */
  eager: boolean;
  version?: string;
  format?: 'esm' | 'commonjs';
  /**
   * A package imported through a subpath (`js-tiktoken/lite`): its `size` split by the
   * specifiers that load each part, files they share in one part. Absent when only its name is imported.
   */
  loadedBy?: Array<{ specifiers: string[]; bytes: number }>;
  imports: Array<{ to: string | null; specifier: string; kind: EdgeKind; lazy: boolean; line: number }>;
}

/** The `--format json` document, schema version 1. */
export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  root: string;
  packageName?: string;
  entry: string;
  summary: { eagerBytes: number; eagerModules: number; modules: number; findings: number; diagnostics: number };
  modules: JsonModule[];
  findings: Finding[];
  /** Findings not listed in `findings`, and why (`kind-off`, `min-saving`, `ignore-rule`, `inline-comment`, `baseline`). */
  suppressed: Array<{ id: string; kind: Finding['kind']; file: string; line: number; by: SuppressedBy; reason?: string }>;
  /** Baseline entries that no current finding has (fixed since the baseline was written). */
  fixedSinceBaseline: number;
  /** Eager imports whose deferral would save bytes, biggest first. */
  savings: Array<{ from: string; to: string; lines: number[]; savedBytes: number; savedModules: number }>;
  diagnostics: Diagnostic[];
}

/** Builds the JSON document (plain data; modules in graph order, findings ranked). */
export function toJsonReport(result: AnalysisResult): JsonReport {
  const modules: JsonModule[] = Object.values(result.graph.modules).map((node) => {
    const cost = result.cost.modules[node.id];
    return {
      id: node.id,
      kind: node.kind,
      size: node.size,
      cumulativeSize: cost?.cumulativeBytes ?? node.size,
      exclusiveSize: cost?.exclusiveBytes ?? 0,
      eager: cost?.eager ?? false,
      ...(node.version !== undefined ? { version: node.version } : {}),
      ...(node.format !== undefined ? { format: node.format } : {}),
      ...(node.loadedBy?.some((share) => share.specifiers.some((s) => s !== node.id)) ? { loadedBy: node.loadedBy } : {}),
      imports: node.imports.map((e) => ({ to: e.to ?? null, specifier: e.specifier, kind: e.kind, lazy: e.lazy, line: e.line })),
    };
  });
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    root: result.root,
    ...(result.packageName !== undefined ? { packageName: result.packageName } : {}),
    entry: result.entry,
    summary: {
      eagerBytes: result.cost.eagerBytes,
      eagerModules: result.cost.eagerModules,
      modules: modules.length,
      findings: result.findings.length,
      diagnostics: result.diagnostics.length,
    },
    modules,
    findings: rankFindings(result.findings),
    suppressed: (result.suppressed ?? []).map(({ finding, by, reason }) => ({ id: finding.id, kind: finding.kind, file: finding.file, line: finding.line, by, ...(reason ? { reason } : {}) })),
    fixedSinceBaseline: result.suppression?.fixedSinceBaseline ?? 0,
    savings: result.cost.imports.filter((s) => s.savedBytes > 0).map((s) => ({ ...s })),
    diagnostics: result.diagnostics,
  };
}

export function renderJsonReport(result: AnalysisResult, options: ReportOptions = {}): ReportOutput {
  return { output: JSON.stringify(toJsonReport(result), null, 2) + '\n', exitCode: exitCodeFor(result.findings, options.failOn) };
}
