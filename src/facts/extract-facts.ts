import { readFileSync } from 'node:fs';
import { MAX_PARSED_FILE_BYTES } from '../graph/build-module-graph.js';
import type { ModuleGraph } from '../graph/module-graph.js';
import type { ParsedSources } from '../graph/parse-source.js';
import type { ModuleFacts } from './module-facts.js';
import { extractModuleFacts, resolverFor } from './extract-module-facts.js';

/** Files whose syntax the facts understand; JSON and others have no top-level code worth classifying. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * Facts for every local module of the graph, by module id. Unreadable, binary and huge files
 * are skipped (the graph already reported them and kept them as opaque leaves); a file that
 * does not parse cleanly still yields the facts of what TypeScript's tolerant parser recovered.
 */
export function extractFacts(graph: ModuleGraph, options: { sources?: ParsedSources } = {}): Record<string, ModuleFacts> {
  const facts: Record<string, ModuleFacts> = {};
  for (const node of Object.values(graph.modules)) {
    if (node.kind !== 'local' || !node.file || !SCRIPT_FILE.test(node.file) || node.file.endsWith('.d.ts')) continue;
    if (node.size > MAX_PARSED_FILE_BYTES) continue;
    // The graph parsed every module of this run already: reuse its tree and text.
    let text = options.sources?.get(node.file)?.text;
    try {
      text ??= readFileSync(node.file, 'utf8');
    } catch {
      continue;
    }
    if (text.includes('\0')) continue;
    facts[node.id] = extractModuleFacts(node.id, node.file, text, resolverFor(node), node.format, options.sources);
  }
  return facts;
}
