/**
 * Columns to wrap text reports at: the terminal's width when stdout is one, else none (a file or
 * a pipe gets long lines as they are, for grep and for editors that wrap themselves).
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}
