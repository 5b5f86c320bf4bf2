// A character-level twin of the token walk in `loadedSpecifiers` (measure-package-size.ts) for
// the plain ASCII code installed packages are made of: it splits the text the way TypeScript's
// scanner does as far as that walk can tell (strings, templates, comments, regular expressions,
// numbers, identifiers and keywords, the few punctuators it looks at) and gives up, returning
// undefined, on anything rarer (non-ASCII outside strings and comments, escapes in identifiers,
// unterminated regular expressions, odd numbers, conflict markers), where the caller runs
// TypeScript's scanner instead. It is several times faster than that scanner cold, and a
// package's files are each scanned once per analysis: there is no warm.

/** This module, for the identity of the scans a cache keeps (see `scannerIdentity`). */
export const SCANNER_MODULE = import.meta.url;

/** Token kinds the walk tells apart; every other token is OTHER (a `/` after it starts a regular expression). */
const OTHER = -1;
/** An identifier or a keyword other than import, export, require, from and this: which one, is looked up before a `/`. */
const NAME = -2;
const STRING = 1;
const NUMBER = 2;
const TEMPLATE_WHOLE = 3;
const TEMPLATE_HEAD = 4;
const TEMPLATE_MIDDLE = 5;
const TEMPLATE_TAIL = 6;
const OPEN_PAREN = 7;
const CLOSE_PAREN = 8;
const CLOSE_BRACKET = 9;
const CLOSE_BRACE = 10;
const DOT = 11;
const QUESTION_DOT = 12;
const SEMICOLON = 13;
const PLUS_PLUS = 14;
const MINUS_MINUS = 15;
const IMPORT = 16;
const EXPORT = 17;
const REQUIRE = 18;
const FROM = 19;
const THIS = 20;

/**
 * The words TypeScript's scanner returns as keyword tokens (contextual ones too), from
 * `SyntaxKind.FirstKeyword` to `LastKeyword` of the TypeScript lazify runs: written out, so that
 * this scan loads no TypeScript (it runs in a worker of its own, see
 * measure-installed-files-in-parallel.ts); test/graph/scan-loaded-specifiers.test.ts checks
 * the list against TypeScript's.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'abstract',
  'accessor', 'as', 'asserts', 'assert', 'any', 'async', 'await', 'boolean', 'constructor', 'declare', 'get',
  'infer', 'intrinsic', 'is', 'keyof', 'module', 'namespace', 'never', 'out', 'readonly', 'require', 'number',
  'object', 'satisfies', 'set', 'string', 'symbol', 'type', 'undefined', 'unique', 'unknown', 'using', 'from',
  'global', 'bigint', 'override', 'of', 'defer',
]);

/** Whether TypeScript's scanner returns `name` as a keyword token (a `/` after a keyword starts a regular expression). */
function isKeyword(name: string): boolean {
  return name.length <= 12 && KEYWORDS.has(name);
}

/** Text the fast scan leaves to TypeScript: line and paragraph separators, merge conflict markers. */
const NEEDS_TYPESCRIPT = /[\u2028\u2029]|(?:^|[\r\n])(?:<{7}|={7}|>{7}|\|{7})/;

/** The tokens after which a `/` is a division, not a regular expression (as `loadedSpecifiers` has it; names are looked up apart). */
function endsOperand(kind: number): boolean {
  return (
    kind === CLOSE_PAREN ||
    kind === CLOSE_BRACKET ||
    kind === CLOSE_BRACE ||
    kind === NUMBER ||
    kind === STRING ||
    kind === THIS ||
    kind === PLUS_PLUS ||
    kind === MINUS_MINUS ||
    kind === TEMPLATE_WHOLE ||
    kind === TEMPLATE_TAIL
  );
}

// The long runs (string and template bodies, comments, names) are skipped with regular
// expressions: they run as native code from the first file on, where a character loop runs in
// the interpreter until V8 has optimised it, and each analysis scans every file once, cold.
const LINE_END = /[\n\r]/g;
const SINGLE_QUOTED_STOP = /['\\\n\r]/g;
const DOUBLE_QUOTED_STOP = /["\\\n\r]/g;
const TEMPLATE_STOP = /[`\\$]/g;
const NAME_REST = /[A-Za-z0-9_$]*/y;

/** Where the one-character `pattern` (global) next matches in `text` from `from`, or -1 (`test` allocates no match). */
function searchFrom(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(text) ? pattern.lastIndex - 1 : -1;
}

/** The end of the run of name characters starting at `from`. */
function nameEnd(text: string, from: number): number {
  NAME_REST.lastIndex = from;
  NAME_REST.test(text);
  return NAME_REST.lastIndex;
}

const isIdentifierPart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLineBreak = (c: number) => c === 10 || c === 13;

/**
 * The specifiers `loadedSpecifiers` finds in `text`, or undefined when the text holds something
 * this scan does not handle exactly as TypeScript's scanner does. `stringValue(start, end)`
 * gives the value of a string literal token with escapes in it.
 */
export function scanLoadedSpecifiers(text: string, stringValue: (start: number, end: number) => string): string[] | undefined {
  if (NEEDS_TYPESCRIPT.test(text)) return undefined;
  const length = text.length;
  // -1 past the end: reading past it (NaN) would make V8 drop the optimised loop, once per place.
  const code = (i: number) => (i < length ? text.charCodeAt(i) : -1);
  const found: string[] = [];
  let previous = OTHER;
  let beforePrevious = OTHER;
  // Where the previous token lies in the text (for a NAME: is it a keyword?).
  let previousStart = 0;
  let previousEnd = 0;
  let requireAfterDot = false;
  let moduleStatement = false;
  let braces = 0;
  const templates: number[] = [];
  let pos = 0;
  // A `#!` line at the very start is trivia.
  if (code(0) === 35 && code(1) === 33) {
    while (pos < length && !isLineBreak(code(pos))) pos++;
  }

  /** Scans a template's text from `from` (just after '`' or `}`); sets `pos`, returns whether it ended with `${`. */
  const scanTemplate = (from: number): boolean => {
    let i = from;
    while (i < length) {
      i = searchFrom(TEMPLATE_STOP, text, i);
      if (i === -1) break;
      const c = code(i);
      if (c === 96) {
        pos = i + 1;
        return false;
      }
      if (c === 36 && code(i + 1) === 123) {
        pos = i + 2;
        return true;
      }
      i += c === 92 ? 2 : 1;
    }
    pos = length; // unterminated: the rest of the file
    return false;
  };

  while (true) {
    // Trivia: white space and comments.
    let c = code(pos);
    while (pos < length) {
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 11 || c === 12) c = code(++pos);
      else if (c === 47 && code(pos + 1) === 47) {
        const end = searchFrom(LINE_END, text, pos + 2);
        pos = end === -1 ? length : end;
        c = code(pos);
      } else if (c === 47 && code(pos + 1) === 42) {
        const end = text.indexOf('*/', pos + 2);
        pos = end === -1 ? length : end + 2;
        c = code(pos);
      } else break;
    }
    if (pos >= length) break;
    const start = pos;
    let token = OTHER;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) {
      pos = nameEnd(text, pos + 1);
      const next = code(pos);
      if (next === 92 || next >= 128) return undefined; // an escape or a non-ASCII letter in the name
      // Only the five keywords the walk names are told apart here; whether another name is a
      // keyword matters only before a `/`, and is looked up there.
      token = NAME;
      const size = pos - start;
      if (size === 6 && c === 105 && text.startsWith('import', start)) token = IMPORT;
      else if (size === 6 && c === 101 && text.startsWith('export', start)) token = EXPORT;
      else if (size === 7 && c === 114 && text.startsWith('require', start)) token = REQUIRE;
      else if (size === 4 && c === 102 && text.startsWith('from', start)) token = FROM;
      else if (size === 4 && c === 116 && text.startsWith('this', start)) token = THIS;
    } else if (c === 39 || c === 34) {
      let i = pos + 1;
      let escaped = false;
      let terminated = false;
      const stop = c === 39 ? SINGLE_QUOTED_STOP : DOUBLE_QUOTED_STOP;
      while (i < length) {
        i = searchFrom(stop, text, i);
        if (i === -1) {
          i = length;
          break;
        }
        const d = code(i);
        if (d === c) {
          terminated = true;
          i++;
          break;
        }
        if (d === 92) {
          escaped = true;
          // `\` CR LF is one line continuation.
          i += code(i + 1) === 13 && code(i + 2) === 10 ? 3 : 2;
          continue;
        }
        if (isLineBreak(d)) break; // unterminated at the line break
        i++;
      }
      if (i > length) i = length;
      pos = i;
      token = STRING;
      const dynamic = previous === OPEN_PAREN && beforePrevious === IMPORT;
      const requireCall = previous === OPEN_PAREN && beforePrevious === REQUIRE && !requireAfterDot;
      if (!dynamic && (requireCall || (moduleStatement && previous === FROM) || previous === IMPORT)) {
        found.push(escaped ? stringValue(start, pos) : text.slice(start + 1, terminated ? pos - 1 : pos));
      }
    } else if (c === 96) {
      const head = scanTemplate(pos + 1);
      token = head ? TEMPLATE_HEAD : TEMPLATE_WHOLE;
    } else if (isDigit(c) || (c === 46 && isDigit(code(pos + 1)))) {
      const next = code(pos + 1);
      if (c === 48 && (next === 120 || next === 88 || next === 98 || next === 66 || next === 111 || next === 79)) {
        pos += 2;
        while (pos < length && (isDigit(code(pos)) || isHexLetter(code(pos)) || code(pos) === 95)) pos++;
        if (code(pos) === 110) pos++; // BigInt
      } else {
        if (c === 48 && isDigit(next)) return undefined; // legacy octal
        let plain = true;
        while (pos < length && (isDigit(code(pos)) || code(pos) === 95)) pos++;
        if (code(pos) === 46) {
          plain = false;
          pos++;
          while (pos < length && (isDigit(code(pos)) || code(pos) === 95)) pos++;
        }
        const e = code(pos);
        if (e === 101 || e === 69) {
          plain = false;
          pos++;
          const sign = code(pos);
          if (sign === 43 || sign === 45) pos++;
          if (!isDigit(code(pos))) return undefined;
          while (pos < length && (isDigit(code(pos)) || code(pos) === 95)) pos++;
        }
        if (plain && code(pos) === 110) pos++; // BigInt
      }
      const after = code(pos);
      if (isIdentifierPart(after) || after === 92 || after >= 128) return undefined; // `3in`, `1.toString`
      // A BigInt counts as a number here: both end an operand.
      token = NUMBER;
    } else {
      pos++;
      const next = code(pos);
      switch (c) {
        case 40:
          token = OPEN_PAREN;
          break;
        case 41:
          token = CLOSE_PAREN;
          break;
        case 93:
          token = CLOSE_BRACKET;
          break;
        case 59:
          token = SEMICOLON;
          break;
        case 123:
          token = OTHER;
          braces++;
          break;
        case 125:
          if (templates.length > 0 && templates[templates.length - 1] === braces) {
            templates.pop();
            token = scanTemplate(pos) ? TEMPLATE_MIDDLE : TEMPLATE_TAIL;
          } else {
            braces--;
            token = CLOSE_BRACE;
          }
          break;
        case 46:
          if (next === 46 && code(pos + 1) === 46) pos += 2; // `...`
          else token = DOT;
          break;
        case 63:
          if (next === 46 && !isDigit(code(pos + 1))) {
            pos++;
            token = QUESTION_DOT;
          }
          break;
        case 43:
          if (next === 43) {
            pos++;
            token = PLUS_PLUS;
          }
          break;
        case 45:
          if (next === 45) {
            pos++;
            token = MINUS_MINUS;
          }
          break;
        case 47:
          if (previous === NAME ? isKeyword(text.slice(previousStart, previousEnd)) : !endsOperand(previous)) {
            // A regular expression: up to the `/` outside a class and an escape, then its flags.
            let inEscape = false;
            let inClass = false;
            for (;;) {
              if (pos >= length) return undefined;
              const d = code(pos);
              if (isLineBreak(d)) return undefined; // unterminated: TypeScript's recovery decides
              if (inEscape) inEscape = false;
              else if (d === 47 && !inClass) break;
              else if (d === 91) inClass = true;
              else if (d === 92) inEscape = true;
              else if (d === 93) inClass = false;
              pos++;
            }
            pos++;
            while (pos < length && isIdentifierPart(code(pos))) pos++;
            if (code(pos) === 92 || code(pos) >= 128) return undefined;
          }
          break;
        case 35:
          // `#name`: a private name, which does not end an operand for this walk either.
          if (isDigit(next)) break; // `#` alone, then a number
          while (pos < length && isIdentifierPart(code(pos))) pos++;
          if (code(pos) === 92 || code(pos) >= 128) return undefined;
          break;
        case 44: case 58: case 126: case 33: case 61: case 60: case 62: case 38: case 124: case 94: case 37: case 42: case 64: case 91:
          break; // `,` `:` `~` `!` `=` `<` `>` `&` `|` `^` `%` `*` `@` `[`: none of them matters alone or joined
        default:
          return undefined; // a backslash, a control character, non-ASCII
      }
    }
    if (token === TEMPLATE_HEAD || token === TEMPLATE_MIDDLE) templates.push(braces);
    if (token === IMPORT || token === EXPORT) moduleStatement = previous !== DOT;
    else if (token === SEMICOLON) moduleStatement = false;
    if (token === REQUIRE) requireAfterDot = previous === DOT || previous === QUESTION_DOT;
    beforePrevious = previous;
    previous = token;
    previousStart = start;
    previousEnd = pos;
  }
  return found;
}

function isHexLetter(c: number): boolean {
  return (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
