// Which findings a run reports: the kinds turned on, the ones that save enough, minus what the
// user silenced (config ignore rules, `// lazify-ignore` comments) and what a baseline already
// lists. Pure: findings and rules in, the reported findings and an account of the rest out.
import picomatch from 'picomatch';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { IgnoreComment } from '../facts/module-facts.js';
import { closestName } from '../messages/closest-name.js';
import type { Finding, FindingKind } from './finding.js';

const KINDS: readonly FindingKind[] = ['registry', 'eager-init', 'global-side-effect', 'god-module', 'cycle', 'heavy-import'];

/** A config ignore rule: a finding id, or findings of a kind and/or in files matching a glob. */
export type IgnoreRule = string | { id?: string; kind?: FindingKind; file?: string; reason?: string };

/** The findings a baseline file lists (`--baseline FILE`); see docs/json-schema.md. */
export interface FindingsBaseline {
  schemaVersion: 1;
  kind: 'lazify-findings-baseline';
  /** One entry per finding, sorted by id. Only `id` is compared; kind and file are for the reader. */
  findings: Array<{ id: string; kind: FindingKind; file: string }>;
}

/** What {@link applySuppressions} applies, in this order. */
export interface SuppressionOptions {
  /** Kinds turned off (false); absent kinds are on. */
  kinds?: Partial<Record<FindingKind, boolean>>;
  /** Findings that save fewer bytes are left out; those that cost no bytes (cycles, global side effects) are kept. */
  minSaving?: number;
  /** Config ignore rules. */
  ignore?: readonly IgnoreRule[];
  /** `// lazify-ignore` comments per module id (ModuleFacts.ignoreComments). */
  comments?: Readonly<Record<string, readonly IgnoreComment[] | undefined>>;
  /** Findings already known: only findings not in it are reported. */
  baseline?: FindingsBaseline;
}

/** Why a finding was not reported. */
export type SuppressedBy = 'kind-off' | 'min-saving' | 'ignore-rule' | 'inline-comment' | 'baseline';

/** A finding that was not reported, and why. */
export interface SuppressedFinding {
  finding: Finding;
  by: SuppressedBy;
  /** The reason the rule or comment gives, when it gives one. */
  reason?: string;
}

/** How many findings each step left out, for the report's one line about them. */
export interface SuppressionSummary {
  kindOff: number;
  minSaving: number;
  ignoreRule: number;
  inlineComment: number;
  baseline: number;
  /** Baseline entries no current finding has (fixed since): `--update-baseline` drops them. */
  fixedSinceBaseline: number;
}

/** The reported findings and an account of the others. */
export interface SuppressionResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  summary: SuppressionSummary;
  /** Comments naming no known kind, and rules or comments that matched nothing. */
  diagnostics: Diagnostic[];
}

/** Splits `findings` into those to report and those left out, keeping their order. */
export function applySuppressions(findings: readonly Finding[], options: SuppressionOptions = {}): SuppressionResult {
  const rules = (options.ignore ?? []).map(compileRule);
  const baselineIds = new Set(options.baseline?.findings.map((f) => f.id));
  const diagnostics: Diagnostic[] = [];
  const comments = new Map<string, Array<IgnoreComment & { used: boolean }>>();
  for (const [file, list] of Object.entries(options.comments ?? {})) {
    const usable = (list ?? []).filter((comment) => {
      const unknown = comment.kinds.filter((kind) => !KINDS.includes(kind as FindingKind));
      for (const kind of unknown) {
        const suggestion = closestName(kind, KINDS);
        diagnostics.push({
          code: 'unknown-ignore-kind',
          severity: 'warning',
          file,
          line: comment.line,
          message: `lazify-ignore names "${kind}", which is no finding kind${suggestion ? ` (did you mean "${suggestion}"?)` : ` (kinds: ${KINDS.join(', ')})`}`,
        });
      }
      return unknown.length < comment.kinds.length || comment.kinds.length === 0;
    });
    comments.set(file, usable.map((comment) => ({ ...comment, used: false })));
  }

  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const seenIds = new Set<string>();
  for (const finding of findings) {
    seenIds.add(finding.id);
    const by = suppressionOf(finding);
    if (by) suppressed.push({ finding, ...by });
    else reported.push(finding);
  }

  for (const rule of rules) {
    if (!rule.used) diagnostics.push({ code: 'unused-ignore-rule', severity: 'info', message: `ignore rule ${rule.text} matches no finding: remove it from the config` });
  }
  for (const [file, list] of comments) {
    for (const comment of list) {
      if (!comment.used) diagnostics.push({ code: 'unused-ignore-comment', severity: 'info', file, line: comment.line, message: `this lazify-ignore comment silences no finding (it applies to its own line and the next): remove it` });
    }
  }
  const count = (by: SuppressedBy) => suppressed.filter((s) => s.by === by).length;
  return {
    findings: reported,
    suppressed,
    summary: {
      kindOff: count('kind-off'),
      minSaving: count('min-saving'),
      ignoreRule: count('ignore-rule'),
      inlineComment: count('inline-comment'),
      baseline: count('baseline'),
      fixedSinceBaseline: [...baselineIds].filter((id) => !seenIds.has(id)).length,
    },
    diagnostics,
  };

  function suppressionOf(finding: Finding): { by: SuppressedBy; reason?: string } | undefined {
    if (options.kinds?.[finding.kind] === false) return { by: 'kind-off' };
    const costsBytes = finding.cost.exclusiveBytes > 0 || finding.kind === 'registry' || finding.kind === 'eager-init' || finding.kind === 'heavy-import' || finding.kind === 'god-module';
    if (options.minSaving !== undefined && costsBytes && finding.cost.exclusiveBytes < options.minSaving) return { by: 'min-saving' };
    const rule = rules.find((r) => r.matches(finding));
    if (rule) {
      rule.used = true;
      return { by: 'ignore-rule', ...(rule.reason ? { reason: rule.reason } : {}) };
    }
    // A comment on the finding's line (trailing) or on the line above it.
    const comment = comments.get(finding.file)?.find((c) => (c.line === finding.line || c.line === finding.line - 1) && (c.kinds.length === 0 || c.kinds.includes(finding.kind)));
    if (comment) {
      comment.used = true;
      return { by: 'inline-comment', ...(comment.reason ? { reason: comment.reason } : {}) };
    }
    if (baselineIds.has(finding.id)) return { by: 'baseline' };
    return undefined;
  }
}

interface CompiledRule {
  text: string;
  reason?: string;
  used: boolean;
  matches(finding: Finding): boolean;
}

function compileRule(rule: IgnoreRule): CompiledRule {
  if (typeof rule === 'string') return { text: JSON.stringify(rule), used: false, matches: (finding) => finding.id === rule };
  const inFile = rule.file === undefined ? undefined : picomatch(rule.file, { dot: true });
  return {
    text: JSON.stringify(rule),
    reason: rule.reason,
    used: false,
    matches: (finding) =>
      (rule.id === undefined || finding.id === rule.id) &&
      (rule.kind === undefined || finding.kind === rule.kind) &&
      (inFile === undefined || inFile(finding.file)),
  };
}
