import { isAbsolute, relative, resolve } from 'node:path';
import { LazifyError } from '../diagnostics/diagnostic.js';
import type { EdgeKind, ModuleGraph } from './module-graph.js';
import { packageNameOf } from './package-name.js';

/** One import on a chain. */
export interface ChainStep {
  from: string;
  to: string;
  kind: EdgeKind;
  lazy: boolean;
  /** Line of the import in `from`. */
  line: number;
}

/** A shortest chain of imports from the entry to a module. */
export interface ImportChain {
  /** Module ids from the entry to the target. */
  modules: string[];
  steps: ChainStep[];
  /** True when every step runs at import time, i.e. this chain loads the target eagerly. */
  eager: boolean;
}

export interface FindImportChainsOptions {
  /** Most chains to return (default 10); graphs with many equal paths have exponentially many. */
  limit?: number;
}

/**
 * Every shortest import chain from the entry to `target` (up to `limit`), eager chains
 * first. Shortest chains answer "why is this loaded" without the noise of long detours.
 */
export function findImportChains(graph: ModuleGraph, target: string, options: FindImportChainsOptions = {}): ImportChain[] {
  const limit = options.limit ?? 10;
  if (!graph.modules[target]) return [];
  const distance = new Map<string, number>([[graph.entry, 0]]);
  const queue = [graph.entry];
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next];
    for (const edge of graph.modules[id].imports) {
      if (edge.to && !distance.has(edge.to) && graph.modules[edge.to]) {
        distance.set(edge.to, distance.get(id)! + 1);
        queue.push(edge.to);
      }
    }
  }
  if (!distance.has(target)) return [];

  // Predecessor steps that lie on some shortest path, one per (from, to) pair, eager preferred.
  const incoming = new Map<string, ChainStep[]>();
  for (const id of queue) {
    const seenTargets = new Map<string, ChainStep>();
    for (const edge of graph.modules[id].imports) {
      if (!edge.to || distance.get(edge.to) !== distance.get(id)! + 1) continue;
      const known = seenTargets.get(edge.to);
      if (known && (!known.lazy || edge.lazy)) continue;
      seenTargets.set(edge.to, { from: id, to: edge.to, kind: edge.kind, lazy: edge.lazy, line: edge.line });
    }
    for (const step of seenTargets.values()) {
      const list = incoming.get(step.to) ?? [];
      list.push(step);
      incoming.set(step.to, list);
    }
  }
  for (const list of incoming.values()) list.sort((a, b) => Number(a.lazy) - Number(b.lazy));

  // Enumerate backwards from the target; more than `limit` are collected so eager ones can go first.
  const chains: ImportChain[] = [];
  const cap = limit * 4;
  const walk = (id: string, suffix: ChainStep[]) => {
    if (chains.length >= cap) return;
    if (id === graph.entry) {
      const steps = [...suffix].reverse();
      chains.push({ modules: [graph.entry, ...steps.map((s) => s.to)], steps, eager: steps.every((s) => !s.lazy) });
      return;
    }
    for (const step of incoming.get(id) ?? []) walk(step.from, [...suffix, step]);
  };
  walk(target, []);
  if (target === graph.entry) chains.push({ modules: [graph.entry], steps: [], eager: true });
  return chains.sort((a, b) => Number(b.eager) - Number(a.eager)).slice(0, limit);
}

/**
 * Finds the module a user means: a module id, a package name or a package subpath
 * (`openai/resources`), a path relative to the current directory or the project, or a
 * unique suffix (`utils.ts`) or extensionless path (`src/utils`). Throws a LazifyError
 * when nothing or more than one module matches.
 */
export function matchModule(graph: ModuleGraph, query: string, cwd: string = process.cwd()): string {
  if (graph.modules[query]) return query;
  const packageName = packageNameOf(query);
  if (graph.modules[packageName]?.kind === 'external') return packageName;
  for (const base of [cwd, graph.root]) {
    const rel = relative(graph.root, resolve(base, query)).split('\\').join('/');
    if (!rel.startsWith('..') && !isAbsolute(rel) && graph.modules[rel]) return rel;
  }
  const normalised = query.replace(/^\.\//, '');
  const candidates = Object.keys(graph.modules).filter(
    (id) =>
      id.endsWith(`/${normalised}`) ||
      id.replace(/\.[cm]?[jt]sx?$/, '') === normalised ||
      id.replace(/\.[cm]?[jt]sx?$/, '').endsWith(`/${normalised}`),
  );
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    throw new LazifyError(
      'ambiguous-module',
      `'${query}' matches ${candidates.length} modules (${candidates.slice(0, 4).join(', ')}${candidates.length > 4 ? ', ...' : ''}): give a longer path`,
    );
  }
  throw new LazifyError('module-not-in-graph', `'${query}' is not loaded from the entry ${graph.entry} (not in the module graph)`);
}
