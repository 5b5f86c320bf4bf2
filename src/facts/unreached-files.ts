// The facts of the project's files the entry does not load (its tests, scripts, subpath exports),
// for the one thing only they can tell the findings: whether one of them writes an entry of a map
// the entry loads (`rules['no-six'] = ...` after `require('../lib/rules')`), which would throw
// once the map's entries are getters. Read only when the graph holds such a map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectSourceFiles } from '../project/project-source-files.js';
import { writerFactsOfFiles } from './extract-facts.js';
import type { ModuleFacts, WriterFacts } from './module-facts.js';

/** Whether a module of `facts` has a map (object or factory map) with entries: the kind of registry another file may write. */
export function holdsWritableMap(facts: Record<string, ModuleFacts>): boolean {
  return Object.values(facts).some((f) => f.registries.some((r) => (r.shape === 'object-map' || r.shape === 'factory-map') && r.entries.length > 0));
}

/** The facts of the files the entry does not load that may write a map, and every file read for them. */
export interface UnreachedFacts {
  facts: Record<string, WriterFacts>;
  /** The project's source files the graph lacked, each read (those `facts` leaves out wrote nothing of interest). */
  read: string[];
}

/**
 * The facts of the project's source files that `known` (the graph's facts) lacks, keeping only
 * those that can write a map of another module: a write through an import binding, or an export
 * of what another module exports (a re-export a writer may reach the map through). A file
 * `previous` read is not read again: its result there stands (the caller knows it is unchanged).
 */
export function factsOfUnreachedFiles(root: string, known: Record<string, ModuleFacts>, previous?: UnreachedFacts): UnreachedFacts {
  const files = projectSourceFiles(root).filter((file) => !known[file]);
  const done = new Set(previous?.read);
  const read = (path: string) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const fresh = writerFactsOfFiles(files.filter((file) => !done.has(file)), { root, read });
  const facts: Record<string, WriterFacts> = {};
  for (const file of files) {
    const found = done.has(file) ? previous!.facts[file] : fresh[file] && ((fresh[file].importedWrites?.length ?? 0) > 0 || reexports(fresh[file])) ? fresh[file] : undefined;
    if (found) facts[file] = found;
  }
  return { facts, read: files };
}

/** Whether the module exports something another module exports (`export ... from`, or an import binding exported again). */
function reexports(facts: WriterFacts): boolean {
  return facts.exports.some((e) => !e.typeOnly && (e.from !== undefined || facts.bindings.some((b) => !b.typeOnly && b.local === (e.local ?? e.name))));
}
