import jscodeshift from 'jscodeshift';
import type { API, Transform } from 'jscodeshift';
import { LazifyError } from '../diagnostics/diagnostic.js';
import { transforms } from '../../transforms/index.js';
import type { PlanOperation } from '../plan/plan.js';
import type { FileSet } from './file-set.js';

/** What running one operation did. */
export interface OperationResult {
  id: string;
  /** Files the operation created or changed (relative paths). */
  changed: string[];
  /** Messages the transform sent through `api.report`. */
  reports: string[];
}

/**
 * Runs one plan operation over the in-memory file set: first the files the transform plans to
 * create (`planFiles`), then its jscodeshift default export over each of `operation.files`,
 * exactly as the jscodeshift CLI would call it with the same options. Missing files are
 * skipped (a re-run after the file went away), parse errors become a LazifyError.
 */
export function runOperation(operation: PlanOperation, files: FileSet): OperationResult {
  const transform = transforms[operation.transform];
  if (!transform) throw new LazifyError('unknown-transform', `operation "${operation.id}" names unknown transform "${operation.transform}"`);
  // `driver` tells a transform that lazify writes the files it plans; `project` lets it read
  // other files as earlier operations left them rather than from disk.
  const options = { ...operation.options, root: files.root, driver: 'lazify', project: files };
  const changed: string[] = [];
  const reports: string[] = [];
  for (const planned of transform.planFiles?.(options, files) ?? []) {
    if (files.read(planned.path) !== planned.source) changed.push(planned.path);
    files.write(planned.path, planned.source);
  }
  for (const path of operation.files) {
    const source = files.read(path);
    if (source === undefined) continue;
    const output = runTransform(transform.default, transform.parser ?? parserFor(path), path, source, options, reports);
    if (typeof output === 'string' && output !== source) {
      files.write(path, output);
      changed.push(path);
    }
  }
  return { id: operation.id, changed, reports };
}

function runTransform(
  transform: Transform,
  parser: string,
  path: string,
  source: string,
  options: Record<string, unknown>,
  reports: string[],
): string | null | undefined {
  const j = jscodeshift.withParser(parser);
  const api: API = {
    j,
    jscodeshift: j,
    stats: () => {},
    report: (message: string) => reports.push(`${path}: ${message}`),
  };
  try {
    const output = transform({ path, source }, api, options);
    if (output instanceof Promise) throw new Error('lazify runs transforms synchronously; make the transform return a string');
    return output as string | null | undefined;
  } catch (error) {
    if (error instanceof SyntaxError || (error instanceof Error && /Unexpected token|Missing semicolon/.test(error.message))) {
      throw new LazifyError('parse-error', `cannot parse ${path}: ${error.message.split('\n')[0]}`, path);
    }
    throw error;
  }
}

/** jscodeshift parser for a file, by extension. */
export function parserFor(path: string): string {
  if (/\.tsx$/.test(path)) return 'tsx';
  if (/\.[mc]?ts$/.test(path)) return 'ts';
  return 'babel';
}
