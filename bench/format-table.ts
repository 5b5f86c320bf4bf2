/** Formats rows as a plain-text table with aligned columns (numbers right-aligned), for terminals and README code blocks. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const isNumeric = (cell: string) => /^[-+]?[\d.,]+(?:x|%| ms)?$/.test(cell);
  const line = (cells: string[]) =>
    cells.map((c, i) => (isNumeric(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Milliseconds with one decimal below 100, none above: the noise on this machine is bigger than that. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return 'n/a';
  return ms < 100 ? ms.toFixed(1) : Math.round(ms).toString();
}

/** A ratio such as `0.42x`, or `n/a` when either side is missing. */
export function formatRatio(numerator: number | undefined, denominator: number | undefined): string {
  if (numerator === undefined || denominator === undefined || !(denominator > 0)) return 'n/a';
  return `${(numerator / denominator).toFixed(2)}x`;
}
