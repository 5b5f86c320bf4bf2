// A file's header (a licence, a copyright line, a note about the file) is a comment above its
// first statement, so the parsers attach it to that statement: a transform that removes or
// replaces the first import (a deferred import, a god-module turned into a shim) drops it with
// the statement. This module finds the header of the text before an edit and puts it back, after
// any directive prologue ('use strict'), when the edited text lost it.

/** Where a file's header is, in its LF text. */
interface FileHeader {
  /** End of the directive prologue (with its line break): the header goes after it. */
  prologueEnd: number;
  start: number;
  end: number;
  /** A blank line separates the header from the code. */
  blankAfter: boolean;
  /** End of the last comment of the header that reads as a licence or copyright notice, if any. */
  licenceEnd?: number;
}

const DIRECTIVE = /(?:[ \t]*\n)*[ \t]*(['"])use [a-z ]+\1[ \t]*;?[ \t]*(?:\n|$)/y;
const LICENCE = /copyright|licen[cs]e|spdx|@preserve|^\/\*!|\(c\)|©/i;

/**
 * The header of a file: the comments after its directive prologue up to the last one that is
 * followed by a blank line or reads as a licence. A comment right above a statement with no
 * blank line between documents that statement, not the file, and may move with it.
 */
function findHeader(text: string): FileHeader | undefined {
  const prologueEnd = directivePrologueEnd(text);
  let i = prologueEnd;
  let header: FileHeader | undefined;
  let start: number | undefined;
  for (;;) {
    const ws = /\s*/y;
    ws.lastIndex = i;
    i += ws.exec(text)![0].length;
    let end: number;
    if (text.startsWith('//', i)) end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return header;
      end = close + 2;
    } else return header;
    start ??= i;
    const after = /[ \t]*(?:\n[ \t]*)*/y;
    after.lastIndex = end;
    const gap = after.exec(text)![0];
    const blankAfter = (gap.match(/\n/g)?.length ?? 0) >= 2 || end + gap.length >= text.length;
    const licence = LICENCE.test(text.slice(i, end));
    if (blankAfter || licence) {
      header = { prologueEnd, start, end, blankAfter, licenceEnd: licence ? end : header?.licenceEnd };
    }
    i = end;
  }
}

function directivePrologueEnd(text: string): number {
  let end = 0;
  for (;;) {
    DIRECTIVE.lastIndex = end;
    const match = DIRECTIVE.exec(text);
    if (!match || match[0].length === 0) return end;
    end += match[0].length;
  }
}

/**
 * `after` (an edit of `before`) with `before`'s header back at its place when the edit lost it.
 * A header still found anywhere in `after` is left where the edit put it.
 */
export function keepFileHeader(before: string, after: string): string {
  const header = findHeader(before);
  if (!header || after === before) return after;
  const text = before.slice(header.start, header.end);
  if (after.includes(text)) return after;
  const prologueEnd = directivePrologueEnd(after);
  const rest = after.slice(prologueEnd).replace(/^(?:[ \t]*\n)+/, '');
  const lead = before.slice(header.prologueEnd, header.start);
  return `${after.slice(0, prologueEnd)}${lead}${text}\n${header.blankAfter && rest !== '' ? '\n' : ''}${rest}`;
}

/** The licence or copyright part of a file's header (to carry into files made from it), if any. */
export function licenceHeader(text: string): string | undefined {
  const header = findHeader(text);
  return header?.licenceEnd === undefined ? undefined : text.slice(header.start, header.licenceEnd);
}
