// What each module of the last analysis read from its own text, reused by the next analysis of
// the project for every module whose text is the same: after an edit to a few files of a big
// project, only those are parsed again. A module is the same when its text has the same hash
// (not the same file times: an editor's save, a checkout or a copy rewrites files unchanged),
// and its parse and its facts read nothing else: the graph's parse takes the text and the
// type-import elision chosen from tsconfig; a module's facts take its id, text, format and what
// each of its specifiers resolved to. Whatever differs is read again, so the analysis is the
// one a parse of every module gives.
import { createHash } from 'node:crypto';
import type { ModuleFacts, WriterFacts } from '../facts/module-facts.js';
import { factsOfUnreachedFiles, type UnreachedFacts } from '../facts/unreached-files.js';
import type { LoadedFile } from '../graph/measure-package-size.js';
import type { EntryFiles } from '../graph/build-module-graph.js';
import type { ImportEdge, ModuleNode } from '../graph/module-graph.js';
import { parseImports, type ParsedImports, type ParseImportsOptions } from '../graph/parse-imports.js';
import type { StaticAnalysis } from './finish-analysis.js';

/** What a kept analysis remembers of one module besides its node and facts. */
export interface KeptModule {
  /** Hash of the module's text. */
  hash: string;
  /** The type-import elision the graph parsed it with, see {@link parseFlags}. */
  flags: number;
  parseErrors?: ParsedImports['parseErrors'];
  /** Its registries as its own text tells them, where keys read from other modules changed them. */
  ownRegistries?: ModuleFacts['registries'];
}

/** The kept modules of an analysis, by module id. */
export type KeptModules = Record<string, KeptModule>;

/** What an analysis measured of each installed file: its path, size and the files it loads. */
export type KeptInstalledFiles = Array<[file: string, size: number, loads: string[]]>;

/** The file each package specifier loaded from a local module's directory ({@link EntryFiles}). */
export type KeptEntryFiles = Array<[key: string, file: string | null]>;

/** What the next analysis may reuse of one. */
export interface Reusable {
  modules: KeptModules;
  installedFiles: KeptInstalledFiles;
  entryFiles: KeptEntryFiles;
  /** The files read for the facts of files the entry does not load, when they were read. */
  unreachedRead?: string[];
}

/**
 * The last analysis of a project, as kept: what it found and what it remembers of each module,
 * and of installed files when nothing they were resolved with has changed since (then only
 * modules' texts have).
 */
export interface PreviousAnalysis {
  analysis: StaticAnalysis;
  modules: KeptModules;
  installedFiles?: KeptInstalledFiles;
  /** The packages' entry files it found, present on the same terms as installedFiles. */
  entryFiles?: KeptEntryFiles;
  /** The files it read for the facts of files the entry does not load, present on the same terms as installedFiles. */
  unreachedRead?: string[];
}

/**
 * The parse and facts stages of one analysis, answering from `previous` for the modules whose
 * text and inputs are unchanged, and recording what the next analysis may reuse of this one.
 */
export class ModuleReuse {
  private readonly previousByFile = new Map<string, { node: ModuleNode; kept: KeptModule; facts?: ModuleFacts }>();
  private readonly modules: KeptModules = {};
  /** This run's hash and parse flags of each file parsed, by path. */
  private readonly read = new Map<string, Pick<KeptModule, 'hash' | 'flags'>>();
  private readonly ownRegistries = new Map<string, string>();
  /** Modules parsed and modules answered from the previous analysis, in this run. */
  readonly counts = { parsed: 0, reused: 0 };
  /** The installed files the previous analysis measured, for the graph's meter (see {@link PreviousAnalysis}). */
  readonly knownInstalledFiles?: ReadonlyMap<string, LoadedFile>;
  private installedFiles: ReadonlyMap<string, LoadedFile> = new Map();
  /** The packages' entry files the previous analysis found, on the same terms as {@link knownInstalledFiles}. */
  readonly knownEntryFiles?: EntryFiles;
  private entryFiles: EntryFiles = new Map();
  private readonly previousUnreached?: UnreachedFacts;
  private unreachedRead?: string[];

  constructor(previous?: PreviousAnalysis) {
    if (!previous) return;
    if (previous.installedFiles) this.knownInstalledFiles = new Map(previous.installedFiles.map(([file, size, loads]) => [file, { size, loads }]));
    if (previous.entryFiles) this.knownEntryFiles = new Map(previous.entryFiles);
    if (previous.unreachedRead) this.previousUnreached = { read: previous.unreachedRead, facts: previous.analysis.unreached ?? {} };
    const { graph, facts } = previous.analysis;
    for (const [id, kept] of Object.entries(previous.modules)) {
      const node = graph.modules[id];
      if (node?.kind === 'local' && node.file) this.previousByFile.set(node.file, { node, kept, facts: facts[id] });
    }
  }

  /** The runtime imports of `file`, parsed or as the previous analysis parsed the same text. */
  parse(file: string, text: string, options: ParseImportsOptions): ParsedImports {
    const hash = hashOf(text);
    const flags = parseFlags(options);
    this.read.set(file, { hash, flags });
    const previous = this.previousByFile.get(file);
    if (previous && previous.kept.hash === hash && previous.kept.flags === flags) {
      this.counts.reused += 1;
      return { imports: previous.node.imports.map(importRecord), parseErrors: previous.kept.parseErrors ?? [] };
    }
    this.counts.parsed += 1;
    return parseImports(file, text, options);
  }

  /** Records what the graph parsed of `node` (through {@link parse}) for the next analysis. */
  parsed(node: ModuleNode, parsed: ParsedImports): void {
    const read = this.read.get(node.file!);
    if (read) this.modules[node.id] = { ...read, ...(parsed.parseErrors.length > 0 ? { parseErrors: parsed.parseErrors } : {}) };
  }

  /**
   * The facts of `node` before keys read from other modules: the previous analysis's when its
   * text, format and resolved imports are the same, else `read()`'s.
   */
  facts(node: ModuleNode, read: () => ModuleFacts | undefined): ModuleFacts | undefined {
    const previous = this.previousByFile.get(node.file!);
    const kept = this.modules[node.id];
    const facts =
      previous?.facts && kept && previous.node.id === node.id && previous.kept.hash === kept.hash && previous.node.format === node.format && sameTargets(previous.node.imports, node.imports)
        ? { ...previous.facts, registries: previous.kept.ownRegistries ? revived(previous.kept.ownRegistries) : previous.facts.registries }
        : read();
    if (facts && facts.registries.length > 0) this.ownRegistries.set(node.id, registriesJson(facts.registries));
    return facts;
  }

  /** Records what the graph measured of installed files, and the packages' entry files it found. */
  measured(files: ReadonlyMap<string, LoadedFile>, entryFiles: EntryFiles): void {
    this.installedFiles = files;
    this.entryFiles = entryFiles;
  }

  /**
   * The facts of the project's files the entry does not load (src/facts/unreached-files.ts), the
   * previous analysis's for each file it read: only modules' texts changed since, so those files did not.
   */
  unreachedFacts(root: string, known: Record<string, ModuleFacts>): Record<string, WriterFacts> {
    const { facts, read } = factsOfUnreachedFiles(root, known, this.previousUnreached);
    this.unreachedRead = read;
    return facts;
  }

  /** What the next analysis may reuse of `analysis`, this run's (its facts complete). */
  kept(analysis: StaticAnalysis): Reusable {
    for (const [id, own] of this.ownRegistries) {
      const registries = analysis.facts[id]?.registries;
      if (this.modules[id] && registries && registriesJson(registries) !== own) this.modules[id].ownRegistries = JSON.parse(own) as ModuleFacts['registries'];
    }
    const installedFiles: KeptInstalledFiles = [];
    for (const [file, { size, loads }] of this.installedFiles) installedFiles.push([file, size, loads]);
    return { modules: this.modules, installedFiles, entryFiles: [...this.entryFiles], ...(this.unreachedRead && { unreachedRead: this.unreachedRead }) };
  }
}

/** The parse options that change what a file's imports are, as bits. */
function parseFlags(options: ParseImportsOptions): number {
  return (options.elideTypeOnlyUses ? 1 : 0) | (options.keepTypeOnlySpecifierLists ? 2 : 0);
}

/**
 * Registries as JSON, with an entry's `key: undefined` (a key the cross-module passes may fill
 * in) kept as null: the pass sets the key in that place, and the report lists it there.
 */
function registriesJson(registries: ModuleFacts['registries']): string {
  return JSON.stringify(registries, (name, value: unknown) => (name === 'key' && value === undefined ? null : value));
}

function revived(registries: ModuleFacts['registries']): ModuleFacts['registries'] {
  for (const registry of registries) for (const entry of registry.entries) if ((entry.key as string | null | undefined) === null) entry.key = undefined;
  return registries;
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function importRecord(edge: ImportEdge): ParsedImports['imports'][number] {
  return { specifier: edge.specifier, kind: edge.kind, lazy: edge.lazy, line: edge.line, names: edge.names };
}

function sameTargets(a: readonly ImportEdge[], b: readonly ImportEdge[]): boolean {
  return a.length === b.length && a.every((edge, i) => edge.specifier === b[i]!.specifier && edge.to === b[i]!.to);
}
