// Transforms are written against plain LF text: recast prints new code with '\n', and code that
// splices by offsets assumes one character per line break. A file on disk may instead have
// CRLF (or mixed) line endings, a byte-order mark or a shebang line. This module takes those
// off before a transform sees the text and puts them back afterwards, so every line the
// transform did not touch comes out byte for byte as it went in.
import { diffArrays } from 'diff';

/** A line ending as written in a file. */
export type LineEnding = '\n' | '\r\n';

/** What a new file should look like on disk: taken from the file it comes from. */
export interface NewFileConvention {
  /** The line ending every line gets. */
  eol: LineEnding;
  /** Whether the file starts with a UTF-8 byte-order mark. */
  bom: boolean;
  /** The licence or copyright comment the file comes from starts with, which a new file carries too. */
  licence?: string;
}

/**
 * How an existing file was laid out on disk, enough to turn an edited LF text back into the
 * file's own conventions. Opaque outside this module except for {@link SourceLayout.convention}.
 */
export interface SourceLayout {
  /** The convention new files derived from this one take (never its shebang). */
  convention: NewFileConvention;
  bom: boolean;
  /** The shebang line with its own line ending, e.g. `#!/usr/bin/env node\r\n`. */
  shebang?: string;
  /** 'lf': no CR before any LF, nothing to restore; 'crlf': every line ends with CRLF; else mixed. */
  endings: 'lf' | 'crlf' | 'mixed';
  /** For mixed endings only: the original lines (without endings) and their endings. */
  lines?: string[];
  lineEndings?: string[];
}

/** The text a transform sees, and the layout to restore the file with. */
export interface EditableSource {
  text: string;
  layout: SourceLayout;
}

const BOM = '\uFEFF';

/**
 * The LF-only text of a file as read from disk (`raw`), without its BOM; a shebang line is
 * replaced by an empty line, so line numbers stay those of the file and no parser or transform
 * sees it (a transform that reprints the first statement cannot drop or move it).
 */
export function toEditable(raw: string): EditableSource {
  const bom = raw.startsWith(BOM);
  let rest = bom ? raw.slice(1) : raw;
  let shebang: string | undefined;
  if (rest.startsWith('#!')) {
    const end = rest.indexOf('\n');
    shebang = end === -1 ? rest : rest.slice(0, end + 1);
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  const crlf = countOf(rest, '\r\n');
  const lf = countOf(rest, '\n') - crlf;
  const endings = crlf === 0 ? 'lf' : lf === 0 ? 'crlf' : 'mixed';
  const layout: SourceLayout = { convention: { eol: crlf > lf ? '\r\n' : '\n', bom }, bom, shebang, endings };
  let text = rest;
  if (endings !== 'lf') {
    const parts = rest.split('\n');
    const lines = parts.map((line, i) => (i < parts.length - 1 && line.endsWith('\r') ? line.slice(0, -1) : line));
    if (endings === 'mixed') {
      layout.lines = lines;
      layout.lineEndings = parts.slice(0, -1).map((line) => (line.endsWith('\r') ? '\r\n' : '\n'));
    }
    text = lines.join('\n');
  }
  return { text: shebang === undefined ? text : `\n${text}`, layout };
}

/**
 * The file's new content on disk: `text` (LF, as a transform returned it) with the file's BOM,
 * shebang and line endings back. CRLF-only files get CRLF everywhere; in a file with mixed
 * endings, each line the edit kept keeps its own ending and new lines take the majority one.
 */
export function fromEditable(text: string, layout: SourceLayout): string {
  let body = text;
  if (layout.shebang !== undefined && body.startsWith('\n')) body = body.slice(1);
  if (layout.endings === 'crlf') body = body.replace(/\n/g, '\r\n');
  else if (layout.endings === 'mixed') body = restoreMixedEndings(body, layout);
  return `${layout.bom ? BOM : ''}${layout.shebang ?? ''}${body}`;
}

/** A new file's content on disk: LF text in the convention of the file it was derived from. */
export function withConvention(text: string, convention: NewFileConvention): string {
  const licensed = convention.licence !== undefined && !text.includes(convention.licence) ? `${convention.licence}\n\n${text}` : text;
  const body = convention.eol === '\r\n' ? licensed.replace(/\n/g, '\r\n') : licensed;
  return `${convention.bom && !body.startsWith(BOM) ? BOM : ''}${body}`;
}

function restoreMixedEndings(body: string, layout: SourceLayout): string {
  const before = layout.lines!;
  const endings = layout.lineEndings!;
  const after = body.split('\n');
  const out: string[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  const push = (line: string, ending: string | undefined) => {
    // The last element of a split has no ending: it is what follows the final line break.
    out.push(newIndex < after.length - 1 ? `${line}${ending ?? layout.convention.eol}` : line);
    newIndex++;
  };
  for (const part of diffArrays(before, after)) {
    if (part.removed) oldIndex += part.count ?? part.value.length;
    else if (part.added) for (const line of part.value) push(line, undefined);
    else for (const line of part.value) push(line, endings[oldIndex++]);
  }
  return out.join('');
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}
