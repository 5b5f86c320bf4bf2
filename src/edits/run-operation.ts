import jscodeshift from 'jscodeshift';
import type { API, Transform } from 'jscodeshift';
import { LazifyError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isStackOverflow, nestingTooDeepMessage } from '../diagnostics/nesting-too-deep.js';
import { findTransform, type LazifyTransformModule, type PlannedFile } from '../../transforms/index.js';
import type { PlanOperation } from '../plan/plan.js';
import { parserForFile } from '../../transforms/shared-lazy-loading/parser-for-file.js';
import type { FileSet } from './file-set.js';
import type { NewFileConvention } from './source-layout.js';
import { countChangedLines } from './unified-diff.js';

/** What running one operation did. */
export interface OperationResult {
  id: string;
  /** Files the operation created or changed (relative paths). */
  changed: string[];
  /** What the transform sent through `api.report`: code `transform-note`, the file it was rewriting, its message. */
  reports: Diagnostic[];
  /**
   * Lines this operation added and removed in each file it changed, as it left them (before
   * the project's formatter ran over the final files), in the order of `changed`.
   */
  lines?: Array<{ path: string; added: number; removed: number }>;
  /**
   * Set when the transform threw on a file (`cannot-parse`, `transform-failed`) or needed one
   * that is not valid UTF-8 (`not-utf8`): a message of one line, `path: problem`. The operation
   * is then skipped as a whole (its other files are left as they were), the rest of the plan applies.
   */
  failed?: Diagnostic;
}

/** A transform that threw on one file: carries the file so the failure can be named in one line. */
class TransformFailure extends Error {
  constructor(
    readonly path: string,
    readonly cause: unknown,
    readonly code = 'transform-failed',
  ) {
    super(`${path}: ${firstLine(cause)}`);
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();

/**
 * Runs one plan operation over the in-memory file set: first the files the transform plans to
 * create (`planFiles`), then its jscodeshift default export over each of `operation.files`,
 * exactly as the jscodeshift CLI would call it with the same options. Missing files are
 * skipped (a re-run after the file went away). A transform that throws on a file (it cannot
 * parse it, or meets code it does not handle) fails its operation only: every file the
 * operation wrote goes back to what it was, and `failed` names the file and the problem.
 * So does an operation that needs a file that is not valid UTF-8: rewriting text it cannot
 * decode would corrupt the bytes it does not understand. New files take the line ending, BOM
 * and licence header of the file the operation is about (`options.file`, else its last file).
 */
export function runOperation(operation: PlanOperation, files: FileSet): OperationResult {
  const transform = findTransform(operation.transform);
  if (!transform) throw new LazifyError('unknown-transform', `operation "${operation.id}" names unknown transform "${operation.transform}"`);
  // `driver` tells a transform that lazify writes the files it plans; `project` lets it read
  // other files as earlier operations left them rather than from disk.
  const options = { ...operation.options, root: files.root, driver: 'lazify', project: files };
  const changed: string[] = [];
  const reports: Diagnostic[] = [];
  // What each written file held before this operation, to undo it when a later file fails.
  const previous = new Map<string, string | undefined>();
  const convention = newFileConvention(operation, files);
  const write = (path: string, source: string) => {
    if (!previous.has(path)) previous.set(path, files.read(path));
    files.write(path, source, convention);
  };
  files.clearUndecodable();
  const undo = () => {
    for (const [path, source] of previous) files.restore(path, source);
  };
  const failure = (code: string, message: string, file?: string): Diagnostic => ({ code, severity: 'warning', message, ...(file ? { file } : {}), operation: operation.id });
  const undecodable = () => {
    const paths = files.undecodableRead();
    return paths.length === 0 ? undefined : failure('not-utf8', `${paths.join(', ')}: not valid UTF-8; file left untouched`, paths[0]);
  };
  try {
    let planned: ReturnType<NonNullable<typeof transform.planFiles>> = [];
    try {
      planned = plannedFiles(transform, operation, options, files);
    } catch (error) {
      if (error instanceof LazifyError) throw error;
      throw new TransformFailure(String(operation.options.file ?? operation.files[0] ?? operation.id), error);
    }
    for (const file of planned) {
      if (files.read(file.path) !== file.source) changed.push(file.path);
      write(file.path, file.source);
    }
    for (const path of operation.files) {
      const source = files.read(path);
      if (source === undefined) continue;
      // Per file, not the transform's declared parser (what it needs when run alone on .ts
      // files): a project's .jsx and .tsx files need a parser that reads JSX.
      const output = runTransform(transform.default, parserForFile(path, source), path, source, options, (message) => reports.push({ code: 'transform-note', severity: 'info', message, file: path, operation: operation.id }));
      if (typeof output === 'string' && output !== source) {
        write(path, output);
        changed.push(path);
      }
    }
  } catch (error) {
    // A transform that found a file it needs missing (it read as undecodable) may throw.
    const unreadable = undecodable();
    if (!(error instanceof TransformFailure) && !unreadable) throw error;
    undo();
    const thrown = error as TransformFailure;
    return { id: operation.id, changed: [], reports, failed: unreadable ?? failure(thrown.code, thrown.message, thrown.path) };
  }
  const unreadable = undecodable();
  if (unreadable) {
    undo();
    return { id: operation.id, changed: [], reports, failed: unreadable };
  }
  const lines = [...new Set(changed)].map((path) => ({ path, ...countChangedLines(previous.get(path), files.read(path) ?? '') }));
  return { id: operation.id, changed, reports, lines };
}

function plannedFiles(transform: LazifyTransformModule, operation: PlanOperation, options: Record<string, unknown>, files: FileSet): PlannedFile[] {
  try {
    return transform.planFiles?.(options, files) ?? [];
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    throw new LazifyError('nesting-too-deep', `cannot run operation "${operation.id}": a file it reads nests expressions too deeply to parse (the stack ran out)`);
  }
}

function runTransform(
  transform: Transform,
  parser: string,
  path: string,
  source: string,
  options: Record<string, unknown>,
  report: (message: string) => void,
): string | null | undefined {
  const j = withParser(parser);
  const api: API = {
    j,
    jscodeshift: j,
    stats: () => {},
    report,
  };
  let output: unknown;
  try {
    output = transform({ path, source }, api, options);
  } catch (error) {
    if (isStackOverflow(error)) throw new LazifyError('nesting-too-deep', `cannot rewrite: ${nestingTooDeepMessage(path)}`, path);
    const parse = error instanceof SyntaxError || (error instanceof Error && /Unexpected token|Missing semicolon/.test(error.message));
    throw new TransformFailure(path, parse ? new Error(`cannot parse: ${firstLine(error)}`) : error, parse ? 'cannot-parse' : 'transform-failed');
  }
  if (output instanceof Promise) throw new Error('lazify runs transforms synchronously; make the transform return a string');
  return output as string | null | undefined;
}

const cores = new Map<string, ReturnType<typeof jscodeshift.withParser>>();

/**
 * jscodeshift bound to a parser, made once per parser: `withParser` builds a new core and
 * registers every collection method on it, which took longer than the rewrites themselves when
 * an operation covers a thousand files.
 */
function withParser(parser: string): ReturnType<typeof jscodeshift.withParser> {
  let core = cores.get(parser);
  if (!core) cores.set(parser, (core = jscodeshift.withParser(parser)));
  return core;
}

function newFileConvention(operation: PlanOperation, files: FileSet): NewFileConvention | undefined {
  const home = typeof operation.options.file === 'string' ? operation.options.file : operation.files.at(-1);
  return home === undefined ? undefined : files.conventionOf(home);
}
