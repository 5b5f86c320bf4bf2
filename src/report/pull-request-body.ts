import type { ApplyResult } from '../pipeline/results.js';
import type { ImportSnapshot } from '../verify/import-before-after.js';
import { diagnosticLine } from './diagnostic-line.js';
import { cell, code } from './markdown-text.js';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const signed = (value: number, unit = '') => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(unit ? 1 : 0)}${unit}`;

function importSection(before: ImportSnapshot, after: ImportSnapshot | undefined): string[] {
  const lines = ['### Import before / after', ''];
  if (before.failed || !after || after.failed || before.totalMs === undefined || after.totalMs === undefined) {
    lines.push(`- before: ${before.failed ? `not measured (${cell(before.failed)})` : `${ms(before.totalMs!)}, ${before.moduleCount} modules`}`);
    lines.push(`- after: ${!after ? 'not measured (the build failed)' : after.failed ? `not measured (${cell(after.failed)})` : `${ms(after.totalMs!)}, ${after.moduleCount} modules`}`);
    return [...lines, ''];
  }
  const speedup = after.totalMs > 0 ? before.totalMs / after.totalMs : Infinity;
  const verdict = speedup >= 1 ? `${speedup.toFixed(1)}x faster` : `${(1 / speedup).toFixed(1)}x slower`;
  lines.push(
    `| Importing ${code(after.entry ?? before.entry ?? 'the entry')} | Before | After | Change |`,
    '| --- | ---: | ---: | ---: |',
    `| Time (median of ${before.runs} runs) | ${ms(before.totalMs)} | ${ms(after.totalMs)} | ${signed(after.totalMs - before.totalMs, ' ms')} (${verdict}) |`,
    `| Modules loaded | ${before.moduleCount} | ${after.moduleCount} | ${signed(after.moduleCount! - before.moduleCount!)} |`,
    '',
    '<sub>Measured by `lazify apply --verify` with lazify importtime (fresh Node processes, medians), before the rewrite and after it (after the build, when the project has one).</sub>',
    '',
  );
  return lines;
}

function changesSection(result: ApplyResult): string[] {
  const lines = ['### What changed', ''];
  const transformOf = new Map(result.plan.operations.map((op) => [op.id, op.transform]));
  const added = new Set(result.changes.filter((c) => c.before === undefined).map((c) => c.path));
  const applied = result.operations.filter((op) => !op.failed && op.changed.length > 0);
  if (applied.length === 0) return [...lines, 'Nothing changed.', ''];
  lines.push('| Operation | Transform | Files | Lines |', '| --- | --- | --- | ---: |');
  // A new file is new in the operation that created it; later ones only change it.
  const created = new Set<string>();
  for (const op of applied) {
    const counts = op.lines ?? [];
    const plus = counts.reduce((sum, l) => sum + l.added, 0);
    const minus = counts.reduce((sum, l) => sum + l.removed, 0);
    const isNew = op.changed.filter((path) => added.has(path) && !created.has(path));
    isNew.forEach((path) => created.add(path));
    const named = op.changed.slice(0, 4).map((path) => `${code(path)}${isNew.includes(path) ? ' (new)' : ''}`);
    const rest = op.changed.length - named.length;
    const files = `${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}${op.changed.length > 4 && isNew.length ? ` (${isNew.length} new in all)` : ''}`;
    lines.push(`| ${code(op.id)} | ${cell(transformOf.get(op.id) ?? '')} | ${files} | +${plus} −${minus} |`);
  }
  lines.push('');
  const perFile = applied.flatMap((op) => (op.lines ?? []).map((l) => `| ${code(l.path)} | ${code(op.id)} | +${l.added} | −${l.removed} |`));
  lines.push('<details><summary>Lines per file and operation</summary>', '', '| File | Operation | Added | Removed |', '| --- | --- | ---: | ---: |', ...perFile, '', '</details>', '');
  if (result.formatting?.formatter && result.formatting.formatted.length > 0) {
    lines.push(`The changed files were then formatted with the project's ${result.formatting.formatter} (line counts are before formatting).`, '');
  }
  return lines;
}

function verificationSection(result: ApplyResult): string[] {
  const v = result.verification;
  if (!v) return [];
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const step = (name: string, s: { ran: boolean; ok: boolean; command: string; output: string }) =>
    !s.ran
      ? [`- ➖ ${name}: skipped (${cell(s.output)})`]
      : [`- ${mark(s.ok)} ${name}: ${code(s.command)} ${s.ok ? 'passed' : '**failed**'}`, ...(s.ok ? [] : ['', '  <details><summary>output</summary>', '', '  ```', ...s.output.split('\n').map((l) => `  ${l}`), '  ```', '', '  </details>'])];
  const lines = ['### Verification', '', ...step('build', v.build), ...step('tests', v.tests)];
  lines.push(
    v.exports.missing.length === 0
      ? `- ✅ exports: the same ${v.exports.before.length} names as before${v.exports.added.length ? ` (new: ${v.exports.added.map(code).join(', ')})` : ''}`
      : `- ❌ exports: **missing** ${v.exports.missing.map(code).join(', ')}`,
  );
  if (!v.ok) lines.push('', result.restored ? '**Verification failed: every file was put back as it was.**' : '**Verification failed: the written files were kept (--keep-on-failure).**');
  return [...lines, ''];
}

/**
 * The pull request body for an apply, in markdown, ready to paste: what changed per operation
 * (files, lines added and removed), the build, test and export checks, and the entry's import
 * before and after (time and modules). Operations left out are listed folded.
 */
export function renderPullRequestBody(result: ApplyResult): string {
  const applied = result.operations.filter((op) => !op.failed && op.changed.length > 0).length;
  const lines = [
    '## Load dependencies lazily (lazify)',
    '',
    `This rewrites ${result.changes.length} file(s) in ${applied} operation(s) so that importing the package loads less at start-up; ` +
      'each module is still loaded, on first use.',
    '',
  ];
  if (result.importTime) lines.push(...importSection(result.importTime.before, result.importTime.after));
  lines.push(...changesSection(result), ...verificationSection(result));
  const left = [
    ...result.operations.filter((op) => op.failed).map((op) => `${code(op.id)}: ${cell(op.failed!.message)}`),
    ...(result.blocked ?? []).map((b) => `${code(b.id)}: would add ${b.diagnostics.length} type error(s)`),
    ...result.skipped.map((s) => cell(diagnosticLine(s))),
  ];
  if (left.length) lines.push(`<details><summary>Not applied (${left.length})</summary>`, '', ...left.map((l) => `- ${l}`), '', '</details>', '');
  return lines.join('\n');
}
