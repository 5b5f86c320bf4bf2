import { readFileSync } from 'node:fs';
import { LazifyError } from '../diagnostics/diagnostic.js';
import type { ImportTimeNode, ImportTimeResult } from './import-time.js';

/** One module's times in two measurements; a side is missing when the module was not loaded there. */
export interface ModuleTimeChange {
  id: string;
  package?: string;
  before?: { selfMs: number; cumulativeMs: number };
  after?: { selfMs: number; cumulativeMs: number };
  /** After minus before of the module's self time, in ms (a missing side counts as 0). */
  selfDeltaMs: number;
}

/** Two measurements of one package's import, side by side (`importtime --compare`). */
export interface ImportTimeComparison {
  before: ImportTimeResult;
  after: ImportTimeResult;
  /** before.totalMs / after.totalMs: how many times faster the import got (below 1: slower). */
  speedup: number;
  /** Every module of either side, largest self-time change first. */
  modules: ModuleTimeChange[];
  /** Modules loaded before but not after, and the other way round. */
  onlyBefore: string[];
  onlyAfter: string[];
}

function flatten(tree: ImportTimeNode[]): Map<string, ImportTimeNode> {
  const byId = new Map<string, ImportTimeNode>();
  const walk = (node: ImportTimeNode) => {
    if (!byId.has(node.id)) byId.set(node.id, node);
    node.children.forEach(walk);
  };
  tree.forEach(walk);
  return byId;
}

/** Matches the modules of two measurements by id (source-mapped ids stay stable across builds). */
export function compareImportTimes(before: ImportTimeResult, after: ImportTimeResult): ImportTimeComparison {
  const was = flatten(before.tree);
  const now = flatten(after.tree);
  const ids = [...new Set([...was.keys(), ...now.keys()])];
  const times = (node: ImportTimeNode | undefined) => (node ? { selfMs: node.selfMs, cumulativeMs: node.cumulativeMs } : undefined);
  const modules = ids.map((id): ModuleTimeChange => {
    const b = was.get(id);
    const a = now.get(id);
    const pkg = (a ?? b)!.package;
    return { id, ...(pkg ? { package: pkg } : {}), before: times(b), after: times(a), selfDeltaMs: (a?.selfMs ?? 0) - (b?.selfMs ?? 0) };
  });
  modules.sort((x, y) => Math.abs(y.selfDeltaMs) - Math.abs(x.selfDeltaMs) || (x.id < y.id ? -1 : 1));
  return {
    before,
    after,
    speedup: after.totalMs > 0 ? before.totalMs / after.totalMs : Infinity,
    modules,
    onlyBefore: ids.filter((id) => !now.has(id)),
    onlyAfter: ids.filter((id) => !was.has(id)),
  };
}

/**
 * Reads a measurement saved with `lazify importtime --format json`. A file that is missing, not
 * JSON, or not such a measurement is a LazifyError naming the file (one line, exit 2).
 */
export function readImportTimeFile(path: string): ImportTimeResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LazifyError('measurement-not-found', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LazifyError('invalid-measurement', `${path} is not JSON (${(error as Error).message}); save one with lazify importtime --format json`, path);
  }
  const result = value as (Partial<ImportTimeResult> & { schemaVersion?: unknown }) | null;
  if (result && typeof result === 'object' && result.schemaVersion !== undefined && result.schemaVersion !== 1) {
    throw new LazifyError('invalid-measurement', `${path} has schemaVersion ${JSON.stringify(result.schemaVersion)}; this lazify reads version 1 (measure again with this version)`, path);
  }
  if (!result || typeof result !== 'object' || !Array.isArray(result.tree) || typeof result.totalMs !== 'number' || typeof result.imports !== 'object') {
    throw new LazifyError('invalid-measurement', `${path} is not a lazify importtime measurement (no "tree", "totalMs" and "imports"); save one with lazify importtime --format json`, path);
  }
  if (!result.tree.every(isNode)) {
    throw new LazifyError('invalid-measurement', `${path}: "tree" holds an entry that is not a module measurement (id, selfMs, cumulativeMs, children)`, path);
  }
  const { schemaVersion: _version, ...measurement } = result;
  return measurement as ImportTimeResult;
}

function isNode(value: unknown): value is ImportTimeNode {
  const node = value as ImportTimeNode | null;
  return (
    !!node &&
    typeof node === 'object' &&
    typeof node.id === 'string' &&
    typeof node.selfMs === 'number' &&
    typeof node.cumulativeMs === 'number' &&
    Array.isArray(node.children) &&
    node.children.every(isNode)
  );
}
