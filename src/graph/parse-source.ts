import { ts } from '../project/typescript.cjs';

/**
 * Syntax trees of one analysis run by absolute file path. The graph parses every module
 * once and the facts stage reads the same trees back, so no file is parsed twice in a run.
 * It lives as long as the run that creates it (not module state), so analysing many
 * packages in one process does not keep their trees alive.
 */
export type ParsedSources = Map<string, ts.SourceFile>;

/** The script kind TypeScript should parse a file as, from its extension. */
export function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/**
 * Parses a module syntax-only (no program, no type checker), with parent pointers (the facts
 * walk up from references) and without JSDoc, which no stage reads. Reuses `sources` when the
 * file was parsed already in this run, and records the tree there otherwise.
 */
export function parseSource(file: string, text: string, sources?: ParsedSources): ts.SourceFile {
  const cached = sources?.get(file);
  if (cached && cached.text === text) return cached;
  const source = ts.createSourceFile(
    file,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    true,
    scriptKindOf(file),
  );
  sources?.set(file, source);
  return source;
}
