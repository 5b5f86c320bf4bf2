import wrapAnsi from 'wrap-ansi';

/**
 * `text` indented by `indent` spaces and, with a `width`, wrapped to it (ANSI colours kept),
 * continuation lines indented the same. Without a width, one line as it is.
 */
export function indentWrapped(text: string, indent: number, width: number | undefined): string[] {
  const pad = ' '.repeat(indent);
  // Below about 20 columns wrapping helps nobody; leave the line to the terminal.
  if (width === undefined || width - indent < 20) return [`${pad}${text}`];
  return wrapAnsi(text, width - indent, { hard: false, trim: true })
    .split('\n')
    .map((line) => `${pad}${line}`);
}
