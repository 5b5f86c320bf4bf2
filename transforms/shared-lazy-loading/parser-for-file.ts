// Which jscodeshift parser reads a file. The transforms are written against the AST of
// Babel's TypeScript plugin (StringLiteral, ObjectProperty, ...), so every file is read with it:
// `ts` where no JSX can appear, `tsx` where it can (.tsx, .jsx, and a .js file that has JSX,
// as React projects write). `tsx` would misread a `.ts` file's `<T>value` assertions, and `ts`
// cannot read JSX: a valid `.jsx` file parsed as `ts` is a syntax error.
import jscodeshift, { type JSCodeshift } from 'jscodeshift';

/** A jscodeshift parser name that reads the file at `path` (its text tells a `.js` file with JSX). */
export function parserForFile(path: string, source?: string): 'ts' | 'tsx' {
  if (/\.[jt]sx$/.test(path)) return 'tsx';
  if (/\.[mc]?ts$/.test(path)) return 'ts';
  // A closing or self-closing tag: a .js file written with JSX. A false match (the text in a
  // string) costs nothing: plain JavaScript reads the same with either parser.
  return source !== undefined && /<\/[A-Za-z]|\/>/.test(source) ? 'tsx' : 'ts';
}

const cores = new Map<string, JSCodeshift>();

/**
 * jscodeshift bound to {@link parserForFile}'s parser for this file, made once per parser:
 * `withParser` builds a new core each call, which dominated operations over many files.
 */
export function jscodeshiftFor(path: string, source?: string): JSCodeshift {
  const parser = parserForFile(path, source);
  let core = cores.get(parser);
  if (!core) cores.set(parser, (core = jscodeshift.withParser(parser)));
  return core;
}

/** One line for a file that does not parse: `cannot parse: <the parser's message>`. */
export function parseFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  return `cannot parse: ${message}`;
}
