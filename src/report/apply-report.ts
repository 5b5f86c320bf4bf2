import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ApplyResult } from '../pipeline/results.js';
import { WHOLE_FILE_ALLOWED } from '../messages/allowed-require.js';
import { diagnosticLine } from './diagnostic-line.js';
import { renderPullRequestBody } from './pull-request-body.js';
import type { ReportOutput } from './report-output.js';

/** Output formats of `lazify apply`. */
export type ApplyFormat = 'text' | 'json' | 'markdown';

/**
 * Version of `apply --format json`'s shape (docs/json-schema.md). 2: `skipped`, `reports`,
 * `failed`, `blocked[].diagnostics` and `typeErrors` are diagnostics (`{ code, severity,
 * message, file?, line?, finding?, operation? }`), where 1 had strings and TypeScript's code as a number.
 */
export const APPLY_JSON_SCHEMA_VERSION = 2;

/** Exit code 1 when verification ran and failed. */
function exitCodeOf(result: ApplyResult): number {
  return result.verification && !result.verification.ok ? 1 : 0;
}

/** `apply --format json`: what apply did, without file contents (the diff or `--patch` has those). */
export function toApplyJson(result: ApplyResult) {
  return {
    schemaVersion: APPLY_JSON_SCHEMA_VERSION,
    root: result.root,
    written: result.written,
    ...(result.patchFile ? { patchFile: result.patchFile } : {}),
    ...(result.restored ? { restored: true } : {}),
    ...(result.recovery ? { recovery: result.recovery.message } : {}),
    operations: result.operations.map((op) => {
      const planned = result.plan.operations.find((p) => p.id === op.id);
      return { id: op.id, transform: planned?.transform ?? '', changed: op.changed, lines: op.lines ?? [], reports: op.reports, ...(op.failed ? { failed: op.failed } : {}) };
    }),
    changes: result.changes.map((c) => ({ path: c.path, status: c.before === undefined ? 'added' : 'modified' })),
    skipped: result.skipped,
    blocked: result.blocked,
    typeErrors: result.typeErrors,
    ...(result.lint ? { lint: result.lint } : {}),
    ...(result.formatting ? { formatting: result.formatting } : {}),
    ...(result.verification ? { verification: result.verification } : {}),
    ...(result.importTime ? { importTime: result.importTime } : {}),
  };
}

/**
 * What went wrong or needs a look in an apply, in the one diagnostic shape (for GitHub
 * annotations): operations that failed, were left out for type errors, type errors kept with
 * --force, ESLint problems the rewrite adds, a lint step or formatter that could not run, and a
 * failed verification.
 */
export function applyDiagnostics(result: ApplyResult): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const op of result.operations) {
    if (!op.failed) continue;
    diagnostics.push({ ...op.failed, message: `operation ${op.id} skipped: ${op.failed.message}` });
  }
  for (const b of result.blocked ?? []) {
    for (const d of b.diagnostics) {
      diagnostics.push({ ...d, severity: 'warning', message: `not applied (${b.id}): the rewrite would add this type error: ${d.message}` });
    }
  }
  for (const d of result.typeErrors ?? []) {
    diagnostics.push({ ...d, message: `applied with --force, the rewrite adds: ${d.message}` });
  }
  for (const d of result.lint?.added ?? []) diagnostics.push({ ...d, message: `the rewrite adds an ESLint problem (${d.code}): ${d.message}` });
  if (result.lint?.failed) diagnostics.push({ ...result.lint.failed, message: `ESLint could not lint the changes: ${result.lint.failed.message}` });
  for (const d of result.formatting?.left ?? []) if (d.severity !== 'info') diagnostics.push({ ...d, message: `left as lazify printed it: ${d.message}` });
  const v = result.verification;
  if (v && !v.ok) {
    const failed = [!v.build.ok && 'build', v.build.ok && !v.tests.ok && 'tests', v.exports.missing.length > 0 && `exports (missing ${v.exports.missing.join(', ')})`].filter(Boolean).join(', ');
    diagnostics.push({ code: 'verification-failed', severity: 'error', message: `verification failed: ${failed}${result.restored ? '; every file was put back' : ''}` });
  }
  return diagnostics;
}

/**
 * Renders what apply did: text (dry runs print the diff, coloured by the caller's `colour`
 * function on a TTY), JSON, or markdown. After a verified apply, text ends with the pull
 * request body ({@link renderPullRequestBody}) and markdown is that body.
 */
export function renderApplyReport(result: ApplyResult, options: { colour?: (diff: string) => string; format?: ApplyFormat } = {}): ReportOutput {
  if (options.format === 'json') return { output: `${JSON.stringify(toApplyJson(result), null, 2)}\n`, exitCode: exitCodeOf(result) };
  if (options.format === 'markdown') return { output: renderPullRequestBody(result), exitCode: exitCodeOf(result) };
  if (result.recovery) {
    return { output: `${result.recovery.message}\nNothing else was done: run apply again to plan from the tree as it is now.\n`, exitCode: 0 };
  }
  const lines: string[] = [];
  const notes = result.operations.flatMap((op) => [...(op.failed ? [`skipped (${op.id}): ${op.failed.message}`] : []), ...groupedNotes(op.id, op.reports)]);
  // A file lazify could not read is news (the plan's other refusals are `lazify plan`'s to list).
  notes.unshift(...(result.skipped ?? []).filter((s) => s.code === 'parse-error').map((s) => `skipped: ${diagnosticLine(s)}`));
  // Operations apply itself left out: those adding type errors, and the partners that save
  // anything only with one left out.
  const withoutPartner = (result.skipped ?? []).filter((s) => s.code === 'nothing-saved' && s.operation !== undefined);
  const leftOutHere = (result.blocked?.length ?? 0) + withoutPartner.length;
  if (result.changes.length === 0) {
    const leftOut = result.skipped?.length ?? 0;
    lines.push(
      (result.plan?.operations.length ?? 0) > 0
        ? leftOutHere > 0
          ? `Nothing to change: ${leftOutHere} of the plan's operations ${leftOutHere === 1 ? 'is' : 'are'} left out (below).`
          : 'Nothing to change: the plan is already applied.'
        : leftOut > 0
          ? `Nothing to change: no finding has an operation lazify can apply (${leftOut} left out; \`lazify plan\` says why).`
          : 'Nothing to change: the plan is empty.',
    );
  } else if (result.patchFile) {
    lines.push(`Wrote a patch for ${result.changes.length} file(s) to ${result.patchFile} (apply with \`git apply ${result.patchFile}\`).`);
  } else if (!result.written) {
    lines.push((options.colour ?? ((d) => d))(result.diff).trimEnd());
    lines.push('', `Dry run: ${result.changes.length} file(s) would change; nothing was written.`);
  } else {
    lines.push(result.restored ? `Wrote and then restored ${result.changes.length} file(s):` : `Changed ${result.changes.length} file(s):`);
    lines.push(...result.changes.map((c) => `  ${c.before === undefined ? 'A' : 'M'} ${c.path}`));
  }
  lines.push(...notes);
  const f = result.formatting;
  if (f?.formatter && result.changes.length > 0) {
    if (f.formatted.length > 0) lines.push(`Formatted ${f.formatted.length} changed file(s) with the project's ${f.formatter}.`);
    lines.push(...f.left.map((l) => `note: ${l.file} left as lazify printed it (${l.message})`));
  }
  const lint = result.lint;
  if (lint && result.changes.length > 0) {
    if (lint.failed) lines.push(`note: ESLint could not lint the changes (${lint.failed.file}: ${lint.failed.message})`);
    if (lint.allowed.length > 0) lines.push(`note: ESLint forbids require() here; the loader lines say why they use it (eslint-disable-next-line): ${lint.allowed.map(allowedLabel).join(', ')}`);
    if (lint.added.length > 0) {
      lines.push(`warning: the rewrite adds ${lint.added.length} ESLint problem(s):`);
      lines.push(...lint.added.map((p) => `  ${p.file}:${p.line}: ${p.code} ${p.message}`));
    } else if (!lint.failed) lines.push(`ESLint: no new problems in the ${lint.linted.length} changed file(s).`);
  }
  for (const b of result.blocked ?? []) {
    lines.push(`not applied (${b.id}): it would add ${b.diagnostics.length} type error(s):`);
    lines.push(...b.diagnostics.map(typeErrorLine));
  }
  lines.push(...withoutPartner.map((s) => `not applied (${s.operation}): ${s.message}`));
  if ((result.typeErrors ?? []).length > 0) {
    lines.push(`warning: applied with --force; the rewrite adds ${result.typeErrors.length} type error(s):`);
    lines.push(...result.typeErrors.map(typeErrorLine));
  }
  let exitCode = 0;
  const v = result.verification;
  if (v) {
    const step = (name: string, s: { ran: boolean; ok: boolean; command: string; output: string }) =>
      !s.ran ? `  ${name}: skipped (${s.output})` : `  ${name}: ${s.ok ? 'ok' : 'FAILED'} (${s.command})${s.ok ? '' : `\n${s.output.replace(/^/gm, '    ')}`}`;
    lines.push('Verification:', step('build', v.build), step('tests', v.tests));
    lines.push(
      v.exports.missing.length === 0
        ? `  exports: same ${v.exports.before.length} names as before${v.exports.added.length ? ` (+ ${v.exports.added.join(', ')})` : ''}`
        : `  exports: MISSING ${v.exports.missing.join(', ')}`,
    );
    if (!v.ok) {
      exitCode = 1;
      const failed = [!v.build.ok && 'build', v.build.ok && !v.tests.ok && 'tests', v.exports.missing.length > 0 && 'exports'].filter(Boolean).join(', ');
      if (result.restored) {
        lines.push(`Verification failed (${failed}): put all ${result.changes.length} file(s) back as they were before apply.`);
      } else {
        const modified = result.changes.filter((c) => c.before !== undefined).map((c) => quote(c.path));
        const added = result.changes.filter((c) => c.before === undefined).map((c) => quote(c.path));
        lines.push(`Verification failed (${failed}): the ${result.changes.length} written file(s) were kept (--keep-on-failure). To revert:`);
        if (modified.length > 0) lines.push(`  git checkout -- ${modified.join(' ')}`);
        if (added.length > 0) lines.push(`  rm -- ${added.join(' ')}`);
      }
    }
  }
  if (v) lines.push('', 'Pull request body (markdown; `--pr-body FILE` writes it to a file):', '', renderPullRequestBody(result).trimEnd());
  return { output: `${lines.join('\n')}\n`, exitCode };
}

/** `  src/a.ts:3: TS2322 message`, as tsc prints it. */
/** `file:line rule` of a rule a directive lazify added switches off; `(the file)` for a whole file's. */
function allowedLabel(d: Diagnostic): string {
  return `${d.file}:${d.line} ${d.code}${d.message === WHOLE_FILE_ALLOWED ? ' (the file)' : ''}`;
}

function typeErrorLine(d: Diagnostic): string {
  return `  ${d.file}${d.line !== undefined ? `:${d.line}` : ''}: ${d.code} ${d.message}`;
}

/**
 * One line per distinct message of an operation: the same note from several files is printed
 * once, naming the files.
 */
function groupedNotes(id: string, reports: Diagnostic[]): string[] {
  const files = new Map<string, string[]>();
  for (const report of reports) files.set(report.message, [...(files.get(report.message) ?? []), ...(report.file ? [report.file] : [])]);
  return [...files].map(([message, paths]) => (paths.length === 0 ? `note (${id}): ${message}` : `note (${id}): ${paths.join(', ')}: ${message}`));
}

/** Quotes a path for a POSIX shell when it needs it. */
function quote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
