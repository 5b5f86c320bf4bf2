import { readFileSync } from 'node:fs';
import { MAX_PARSED_FILE_BYTES } from '../graph/build-module-graph.js';
import type { ModuleGraph, ModuleNode } from '../graph/module-graph.js';
import type { ParsedSources } from '../graph/parse-source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isStackOverflow, nestedTooDeeply } from '../diagnostics/nesting-too-deep.js';
import type { ModuleFacts, WriterFacts } from './module-facts.js';
import { extractModuleFacts, extractWriterFacts, resolverFor } from './extract-module-facts.js';
import { resolveValueKeys } from './value-keys.js';
import { resolveImportedKeys } from './imported-keys.js';
import { resolveStarExports } from './star-exports.js';
import { moduleIdResolver } from '../graph/resolve-module-id.js';

/** Files whose syntax the facts understand; JSON and others have no top-level code worth classifying. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * Facts for every local module of the graph, by module id. Unreadable, binary and huge files
 * are skipped (the graph already reported them and kept them as opaque leaves); a file that
 * does not parse cleanly still yields the facts of what TypeScript's tolerant parser recovered.
 * `known` are the modules read already (by {@link readModuleFacts} as the graph parsed each
 * one; undefined where a module has none); only the modules missing from it are read here.
 */
export function extractFacts(
  graph: ModuleGraph,
  options: { sources?: ParsedSources; diagnostics?: Diagnostic[]; known?: ReadonlyMap<string, ModuleFacts | undefined> } = {},
): Record<string, ModuleFacts> {
  // The graph already reported the files it could not parse for nesting; they have no facts.
  const tooDeep = new Set(graph.diagnostics.filter((d) => d.code === 'nesting-too-deep').map((d) => d.file));
  const facts: Record<string, ModuleFacts> = {};
  for (const node of Object.values(graph.modules)) {
    if (options.known?.has(node.id)) {
      const read = options.known.get(node.id);
      if (read) facts[node.id] = read;
      continue;
    }
    if (!hasFacts(node) || tooDeep.has(node.id)) continue;
    // The graph parsed every module of this run already: reuse its tree and text.
    let text = options.sources?.get(node.file!)?.text;
    try {
      text ??= readFileSync(node.file!, 'utf8');
    } catch {
      continue;
    }
    const read = readModuleFacts(node, text, options);
    if (read) facts[node.id] = read;
  }
  // Keys that only another module tells (a one-argument register call's value states its own name).
  resolveValueKeys(facts, graph, options.sources);
  // Keys written as a member of an imported enum (`[Providers.OPENAI]`), read where it is declared.
  resolveImportedKeys(facts, graph, options.sources);
  // The names of Babel's and tsc's `export *` re-exports, read in the re-exported modules.
  resolveStarExports(facts, graph, options.sources);
  return facts;
}

/**
 * The facts of one local module of the graph from its text, once its imports are resolved (the
 * graph calls this as it parses each module, so the syntax tree can go as soon as it is read).
 * Undefined for a module that has none: not a script, a declaration file, too big, binary, or
 * nested too deeply to walk (then with a diagnostic).
 */
export function readModuleFacts(node: ModuleNode, text: string, options: { sources?: ParsedSources; diagnostics?: Diagnostic[] } = {}): ModuleFacts | undefined {
  if (!hasFacts(node) || text.includes('\0')) return undefined;
  try {
    return extractModuleFacts(node.id, node.file!, text, resolverFor(node), node.format, options.sources);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    options.diagnostics?.push(nestedTooDeeply(node.id, 'its top-level code is not classified'));
    return undefined;
  }
}

/** Whether the facts read a module: a local script, not a declaration file, small enough to parse. */
function hasFacts(node: ModuleNode): boolean {
  return node.kind === 'local' && node.file !== undefined && SCRIPT_FILE.test(node.file) && !node.file.endsWith('.d.ts') && node.size <= MAX_PARSED_FILE_BYTES;
}

/**
 * `known` (the analysis' facts) completed with the facts of those of `files` it lacks: source
 * files of the package no import from the entry leads to, which the planners may rewrite too.
 * Read through `project`; their specifiers resolve as the graph's do.
 */
export function withFactsOfFiles(
  known: Record<string, ModuleFacts>,
  files: readonly string[],
  project: { root: string; read(path: string): string | undefined },
): Record<string, ModuleFacts> {
  const facts = { ...known };
  readEach(files.filter((file) => !facts[file]), project, (file, text, resolve) => {
    facts[file] = extractModuleFacts(file, `${project.root}/${file}`, text, resolve);
  });
  return facts;
}

/** The {@link WriterFacts} of `files` (as {@link withFactsOfFiles} reads them), by path. */
export function writerFactsOfFiles(files: readonly string[], project: { root: string; read(path: string): string | undefined }): Record<string, WriterFacts> {
  const facts: Record<string, WriterFacts> = {};
  readEach(files, project, (file, text, resolve) => {
    facts[file] = extractWriterFacts(file, `${project.root}/${file}`, text, resolve);
  });
  return facts;
}

/** Calls `read` on each of `files` the facts understand, with its text and a resolver of its specifiers. */
function readEach(
  files: readonly string[],
  project: { root: string; read(path: string): string | undefined },
  read: (file: string, text: string, resolve: (specifier: string) => string) => void,
): void {
  let resolveFrom: ReturnType<typeof moduleIdResolver> | undefined;
  for (const file of files) {
    if (!SCRIPT_FILE.test(file) || /\.d\.[mc]?ts$/.test(file)) continue;
    const text = project.read(file);
    if (text === undefined || text.length > MAX_PARSED_FILE_BYTES || text.includes('\0')) continue;
    try {
      resolveFrom ??= moduleIdResolver(project.root);
      read(file, text, (specifier) => resolveFrom!(file, specifier));
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
    }
  }
}
