// recast re-indents the lines it reuses when it reprints the block around them (a statement
// added to a one-line function body, as a minified bundle writes them), and the lines inside a
// multi-line template literal or a string continued with `\` are reused lines too: the literal
// gains the block's indentation, and the program a different string (recast issue #1419). The
// text of every such literal is put back as the file had it.
import type { JSCodeshift } from 'jscodeshift';

/** A literal's raw text and where it lies in the text it was parsed from. */
interface LiteralText {
  start: number;
  end: number;
  raw: string;
}

/** A template literal or a string literal whose text spans lines (`\` then a line break), written anywhere in `text`. */
const MULTI_LINE_LITERAL = /`[^`]*\n|\\\r?\n/;

/**
 * `printed` (the transformed file as recast printed it) with the text of each multi-line
 * literal of `original` that it re-indented put back. Literals are told apart by their text
 * without the white space after its line breaks (what re-indenting changes); those of one such
 * text are matched in order, printed to original, when the file has as many of them before as
 * after. Otherwise (the transform added or removed one of that text) they stay as printed, as
 * does a file that does not parse.
 */
export function restoreLiteralLines(j: JSCodeshift, printed: string, original: string): string {
  if (printed === original || !MULTI_LINE_LITERAL.test(original)) return printed;
  const before = byShape(multiLineLiterals(j, original));
  if (before.size === 0) return printed;
  const restored: Array<{ literal: LiteralText; raw: string }> = [];
  for (const [shape, literals] of byShape(multiLineLiterals(j, printed))) {
    const originals = before.get(shape);
    if (originals?.length !== literals.length) continue;
    literals.forEach((literal, i) => {
      if (literal.raw !== originals[i]!.raw) restored.push({ literal, raw: originals[i]!.raw });
    });
  }
  let text = printed;
  for (const { literal, raw } of restored.sort((a, b) => b.literal.start - a.literal.start)) text = text.slice(0, literal.start) + raw + text.slice(literal.end);
  return text;
}

/** Literals by their text without indentation, each list in the order of the text. */
function byShape(literals: LiteralText[]): Map<string, LiteralText[]> {
  const shapes = new Map<string, LiteralText[]>();
  for (const literal of literals) {
    const shape = withoutIndentation(literal.raw);
    const list = shapes.get(shape);
    if (list) list.push(literal);
    else shapes.set(shape, [literal]);
  }
  return shapes;
}

/** The template parts and string literals of `text` with a line break in their raw text, in order; none when it does not parse. */
function multiLineLiterals(j: JSCodeshift, text: string): LiteralText[] {
  let root;
  try {
    root = j(text);
  } catch {
    return [];
  }
  const found: LiteralText[] = [];
  const add = (node: { start?: number | null; end?: number | null }, raw: string | undefined) => {
    // The node's span must be its raw text exactly (a template part's excludes the backticks).
    if (raw === undefined || !raw.includes('\n') || typeof node.start !== 'number' || typeof node.end !== 'number') return;
    if (text.slice(node.start, node.end) === raw) found.push({ start: node.start, end: node.end, raw });
  };
  root.find(j.TemplateElement).forEach((path) => add(path.node as never, path.node.value.raw));
  root.find(j.StringLiteral).forEach((path) => add(path.node as never, (path.node as { extra?: { raw?: string } }).extra?.raw));
  return found.sort((a, b) => a.start - b.start);
}

/** A literal's raw text without the white space after each line break: what re-indenting changes. */
function withoutIndentation(raw: string): string {
  return raw.replace(/(\r?\n)[ \t]*/g, '$1');
}
