// Parsers and AST walks recurse once per nesting level, so a file with thousands of nested
// parentheses or a string concatenation of thousands of terms exhausts the stack. That is a
// property of one file, not a bug in lazify: each stage catches it at its per-file boundary.
import type { Diagnostic } from './diagnostic.js';

/** True for the RangeError a recursion too deep for the stack throws. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The one message for such a file, the same in every stage. */
export function nestingTooDeepMessage(file: string): string {
  return `${file} nests expressions too deeply to parse (the stack ran out); split the expression or exclude the file`;
}

/** The per-file diagnostic analyze reports for such a file; `consequence` says what the stage skipped. */
export function nestedTooDeeply(file: string, consequence: string): Diagnostic {
  return { code: 'nesting-too-deep', severity: 'error', message: `${nestingTooDeepMessage(file)}; ${consequence}`, file };
}
