// Reads a file's formatting conventions from its text, so new code matches the code around it.
// Every convention is decided by majority over the file; a file with no evidence gets the
// defaults most TypeScript projects use (single quotes, semicolons, two spaces, trailing commas).

/** The conventions a file is written in. */
export interface SourceStyle {
  /** Quote for new string literals. */
  quote: 'single' | 'double';
  /** Whether statements end with `;`. */
  semicolons: boolean;
  /** One level of indentation: spaces, or `\t`. */
  indent: string;
  /** Whether multi-line object and array literals end with a comma. */
  trailingCommas: boolean;
  /** Whether type-only names are written inline (`import { type A, B }`) rather than as a separate `import type`. */
  inlineTypeImports: boolean;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

const STATEMENT_START = /^\s*(?:(?:import|export|const|let|var|return|throw)\b|module\.exports\b|exports\.[\w$]+\s*=|(?:'use [a-z]+'|"use [a-z]+")\s*;?\s*$)/;

/** Strips comments and the contents of template literals (their text is not code style). */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1').replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``');
}

export function detectSourceStyle(source: string): SourceStyle {
  const code = codeOnly(source);
  const single = count(code, /(?:from|import|require\()\s*'/g) + count(code, /[=:(,]\s*'[^'\n]*'/g);
  const double = count(code, /(?:from|import|require\()\s*"/g) + count(code, /[=:(,]\s*"[^"\n]*"/g);
  // Statement lines that could end in `;`: declarations, imports, returns, CommonJS exports,
  // directives (`'use strict'` may be all a file's own evidence besides `module.exports = x`).
  const statementLines = code.split(/\r?\n/).filter((line) => STATEMENT_START.test(line) && !/[{([,=>+\-*/|&?:]\s*$/.test(line));
  const withSemicolon = statementLines.filter((line) => /;\s*$/.test(line)).length;
  const indents = new Map<string, number>();
  let tabs = 0;
  for (const line of code.split(/\r?\n/)) {
    const lead = /^[ \t]+(?=\S)/.exec(line)?.[0];
    if (!lead) continue;
    if (lead.startsWith('\t')) tabs++;
    else if (lead.length <= 8) indents.set(lead, (indents.get(lead) ?? 0) + 1);
  }
  // The smallest indentation used often is one level.
  const spaced = [...indents.entries()].filter(([, n]) => n >= 2).map(([lead]) => lead.length);
  const spaces = [...indents.values()].reduce((a, b) => a + b, 0);
  const unit = spaced.length > 0 ? Math.min(...spaced) : 2;
  const commaClose = count(code, /,[ \t]*\r?\n[ \t]*[}\]]/g);
  const bareClose = count(code, /[^,{[\s][ \t]*\r?\n[ \t]*[}\]]/g) - count(code, /[;{}][ \t]*\r?\n[ \t]*[}\]]/g);
  return {
    quote: double > single ? 'double' : 'single',
    // Minified or dense code ends few lines at all; any line ending in `;` counts for it then.
    semicolons: statementLines.length === 0 || withSemicolon * 2 >= statementLines.length || count(code, /;[ \t]*$/gm) >= statementLines.length - withSemicolon,
    indent: tabs > spaces ? '\t' : ' '.repeat(unit),
    trailingCommas: commaClose === 0 && bareClose > 0 ? false : true,
    inlineTypeImports: /import\s*\{[^}]*\btype\s+[A-Za-z_$]/.test(code),
  };
}

/**
 * The widest a new line may be before it is wrapped: the file's own long lines (the third
 * longest, so one stray line does not set it), at least 100 columns.
 */
export function detectLineWidth(source: string): number {
  const lengths = source.split(/\r?\n/).map((line) => line.replace(/\t/g, '  ').length).sort((a, b) => b - a);
  return Math.max(100, lengths[Math.min(2, lengths.length - 1)] ?? 0);
}
