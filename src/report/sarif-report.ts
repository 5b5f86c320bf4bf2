import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding, FindingKind } from '../findings/finding.js';
import { FINDING_KIND_DOCS } from '../findings/finding-kinds.js';
import type { AnalysisResult } from '../pipeline/results.js';
import { exitCodeFor, rankFindings } from './rank-findings.js';
import type { ReportOptions, ReportOutput } from './report-output.js';

// SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads. Only the parts lazify fills are
// typed here; the schema test checks the whole document against the published schema.

/** A SARIF log with one run of lazify. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: typeof ROOT_BASE_ID };
    region?: { startLine: number; startColumn?: number };
  };
}

/** One run: the tool and its rules, the results, and how the run went. */
export interface SarifRun {
  tool: {
    driver: {
      name: 'lazify';
      version?: string;
      informationUri?: string;
      rules: Array<{
        id: FindingKind;
        name: string;
        shortDescription: SarifMessage;
        fullDescription: SarifMessage;
        help: SarifMessage;
        defaultConfiguration: { level: SarifLevel };
        properties: { tags: string[] };
      }>;
    };
  };
  originalUriBaseIds: Record<typeof ROOT_BASE_ID, { uri: string; description: SarifMessage }>;
  columnKind: 'utf16CodeUnits';
  results: Array<{
    ruleId: FindingKind;
    ruleIndex: number;
    level: SarifLevel;
    message: SarifMessage;
    locations: SarifLocation[];
    relatedLocations?: Array<SarifLocation & { id: number; message: SarifMessage }>;
    partialFingerprints: Record<string, string>;
    properties: { findingId: string; severity: Finding['severity']; exclusiveBytes: number; exclusiveModules: number; measuredMs?: number };
  }>;
  invocations: Array<{
    executionSuccessful: boolean;
    toolExecutionNotifications: Array<{ level: SarifLevel; message: SarifMessage; descriptor: { id: string }; locations?: SarifLocation[] }>;
  }>;
}

type SarifLevel = 'error' | 'warning' | 'note';

/** Paths are relative to the analysed package; this base id says where that is. */
const ROOT_BASE_ID = 'PROJECTROOT';

/** The version of the finding identity hashed into `partialFingerprints`; bump it if `Finding.id` changes meaning. */
const FINGERPRINT_KEY = 'lazifyFindingId/v1';

const LEVEL: Record<Finding['severity'], SarifLevel> = { high: 'error', medium: 'warning', low: 'note' };
const DIAGNOSTIC_LEVEL: Record<Diagnostic['severity'], SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** Options of {@link renderSarifReport}. */
export interface SarifReportOptions extends Pick<ReportOptions, 'failOn'> {
  /** lazify's version, for `tool.driver.version`. */
  toolVersion?: string;
}

/** A root-relative path as a relative URI reference: each segment percent-encoded. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(file: string, line?: number, column?: number): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: ROOT_BASE_ID },
      ...(line !== undefined && line >= 1 ? { region: { startLine: line, ...(column !== undefined && column >= 1 ? { startColumn: column } : {}) } } : {}),
    },
  };
}

/**
 * The analysis as a SARIF 2.1.0 log for code scanning: one rule per finding kind (its
 * description and what to do), one result per finding (level from severity: high is `error`,
 * medium `warning`, low `note`), at its file relative to the package root and its line, with a
 * fingerprint from the finding's stable id so a finding keeps its identity across runs and line
 * moves. Diagnostics become the run's tool notifications. Exit code as for the other formats.
 */
export function toSarif(result: AnalysisResult, options: SarifReportOptions = {}): SarifLog {
  const kinds = Object.keys(FINDING_KIND_DOCS) as FindingKind[];
  const rules = kinds.map((kind) => {
    const doc = FINDING_KIND_DOCS[kind];
    return {
      id: kind,
      name: doc.title.replace(/(?:^|\s+)(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, ''),
      shortDescription: { text: doc.title },
      fullDescription: { text: doc.description },
      help: { text: doc.help, markdown: `${doc.description}\n\n**What to do:** ${doc.help}` },
      defaultConfiguration: { level: 'warning' as const },
      properties: { tags: ['performance', 'import-time'] },
    };
  });
  const results = rankFindings(result.findings).map((finding) => {
    const related = (finding.kind === 'cycle' ? (finding.files ?? []) : []).filter((file) => file !== finding.file);
    return {
      ruleId: finding.kind,
      ruleIndex: kinds.indexOf(finding.kind),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.file, finding.line)],
      ...(related.length ? { relatedLocations: related.map((file, i) => ({ id: i + 1, ...location(file), message: { text: `${file} is part of the cycle` } })) } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: createHash('sha256').update(finding.id).digest('hex') },
      properties: {
        findingId: finding.id,
        severity: finding.severity,
        exclusiveBytes: finding.cost.exclusiveBytes,
        exclusiveModules: finding.cost.exclusiveModules,
        ...(finding.cost.measuredMs !== undefined ? { measuredMs: finding.cost.measuredMs } : {}),
      },
    };
  });
  const notifications = result.diagnostics.map((d) => ({
    level: DIAGNOSTIC_LEVEL[d.severity],
    message: { text: d.message },
    descriptor: { id: d.code },
    ...(d.file ? { locations: [location(d.file, d.line, d.column)] } : {}),
  }));
  const rootUri = pathToFileURL(result.root).href.replace(/\/?$/, '/');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lazify', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules } },
        originalUriBaseIds: { [ROOT_BASE_ID]: { uri: rootUri, description: { text: 'The analysed package (the directory with its package.json).' } } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

/** `analyze --format sarif`: {@link toSarif} as JSON. */
export function renderSarifReport(result: AnalysisResult, options: SarifReportOptions = {}): ReportOutput {
  return { output: `${JSON.stringify(toSarif(result, options), null, 2)}\n`, exitCode: exitCodeFor(result.findings, options.failOn) };
}
