import type { ApplyResult } from '../plan-and-apply.js';

/**
 * Renders what apply did. Dry runs print the diff (coloured by the caller's `colour` function on
 * a TTY). Exit code 1 when verification ran and failed.
 */
export function renderApplyReport(result: ApplyResult, options: { colour?: (diff: string) => string } = {}): { output: string; exitCode: number } {
  const lines: string[] = [];
  const notes = result.operations.flatMap((op) => [...(op.failed ? [`skipped (${op.id}): ${op.failed}`] : []), ...groupedNotes(op.id, op.reports)]);
  if (result.changes.length === 0) {
    lines.push('Nothing to change: the plan is already applied or empty.');
  } else if (result.patchFile) {
    lines.push(`Wrote a patch for ${result.changes.length} file(s) to ${result.patchFile} (apply with \`git apply ${result.patchFile}\`).`);
  } else if (!result.written) {
    lines.push((options.colour ?? ((d) => d))(result.diff).trimEnd());
    lines.push('', `Dry run: ${result.changes.length} file(s) would change; nothing was written.`);
  } else {
    lines.push(`Changed ${result.changes.length} file(s):`);
    lines.push(...result.changes.map((c) => `  ${c.before === undefined ? 'A' : 'M'} ${c.path}`));
  }
  lines.push(...notes);
  const f = result.formatting;
  if (f?.formatter && result.changes.length > 0) {
    if (f.formatted.length > 0) lines.push(`Formatted ${f.formatted.length} changed file(s) with the project's ${f.formatter}.`);
    lines.push(...f.left.map((l) => `note: ${l.path} left as lazify printed it (${l.reason})`));
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
    if (!v.ok) exitCode = 1;
  }
  return { output: `${lines.join('\n')}\n`, exitCode };
}

/**
 * One line per distinct message of an operation: the same note from several files (`path:
 * message`) is printed once, naming the files.
 */
function groupedNotes(id: string, reports: string[]): string[] {
  const files = new Map<string, string[]>();
  for (const report of reports) {
    const match = /^([^\s:]+): ([\s\S]*)$/.exec(report);
    const [path, message] = match ? [match[1]!, match[2]!] : ['', report];
    files.set(message, [...(files.get(message) ?? []), ...(path ? [path] : [])]);
  }
  return [...files].map(([message, paths]) => (paths.length === 0 ? `note (${id}): ${message}` : `note (${id}): ${paths.join(', ')}: ${message}`));
}
