import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ModuleFormat } from '../project/detect-module-format.js';
import type { Project } from '../project/load-project.js';
import { noteFileReads } from '../project/record-file-reads.js';
import { DirectoryListingCache } from './directory-listing-cache.js';
import type { ImportEdge, ModuleGraph, ModuleNode } from './module-graph.js';
import { InstalledFileScans, scansDirectory } from './installed-file-scans.js';
import { LoadedBytesMeter, packageVersion, scannerIdentity, type LoadedFile } from './measure-package-size.js';
import type { ParallelInstalledFileMeter } from './measure-installed-files-in-parallel.js';
import { parseImports, type ParsedImports, type ParseImportsOptions } from './parse-imports.js';
import type { ParsedSources } from './parse-source.js';
import { ImportResolver } from './resolve-import.js';
import { isStackOverflow, nestedTooDeeply } from '../diagnostics/nesting-too-deep.js';
import type { ProgressListener } from '../diagnostics/progress.js';

/**
 * Files bigger than this are not parsed, kept as opaque leaves (reported loudly: what they import
 * is missing from the analysis). Generous: an icon barrel of 10,000 re-exports is a few MiB and
 * parses in well under a second, and leaving it out turned a 10,935-module import into one module.
 */
export const MAX_PARSED_FILE_BYTES = 16 * 1024 * 1024;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/** What the graph builder needs from a project. */
export type GraphInput = Pick<Project, 'root' | 'entryFile' | 'tsconfig' | 'formats'>;

/** Options of {@link buildModuleGraph}. */
export interface GraphOptions {
  /** Records the syntax tree of each parsed module (a later stage reads the same trees). */
  sources?: ParsedSources;
  onProgress?: ProgressListener;
  /**
   * Called once per parsed local module, in the order of the walk, when its imports are
   * resolved: a later stage can read the module then, while its tree is still in `sources`.
   */
  onModule?: (node: ModuleNode, text: string, parsed: ParsedImports) => void;
  /** Finds a file's runtime imports; default {@link parseImports} (a caller may answer from an earlier parse of the same text). */
  parse?: (file: string, text: string, options: ParseImportsOptions) => ParsedImports;
  /**
   * Where what was read of installed files is kept between analyses, see {@link InstalledFileScans};
   * false keeps nothing. Default: the environment's ({@link cacheDirFromEnvironment}).
   */
  cacheDir?: string | false;
  /**
   * What an earlier analysis found of the installed files it measured (size, files each loads),
   * for a caller that knows nothing they were resolved with has changed since.
   */
  knownInstalledFiles?: ReadonlyMap<string, LoadedFile>;
  /** The entry files an earlier analysis found for packages imported from local modules ({@link EntryFiles}), on the same terms. */
  knownEntryFiles?: EntryFiles;
  /** Receives what this analysis found of the installed files it measured, and the packages' entry files, when the graph is built. */
  onInstalledFiles?: (files: ReadonlyMap<string, LoadedFile>, entryFiles: EntryFiles) => void;
  /** A worker measuring the installed files meanwhile (see measure-installed-files-in-parallel.ts); the graph ends it. */
  parallelMeter?: ParallelInstalledFileMeter;
}

/**
 * The file each package specifier loads from a local module, by the module's directory,
 * specifier and format (`dir\0specifier\0format`); null when it resolves to none.
 */
export type EntryFiles = ReadonlyMap<string, string | null>;

/**
 * Builds the runtime module graph reachable from the project's entry, following eager and
 * lazy edges. Local files are parsed; external packages and builtins are leaves. Problems
 * with single files (unresolved imports, syntax errors, binary or huge files, symlinks out of
 * the project) become diagnostics and the walk goes on.
 */
export function buildModuleGraph(project: GraphInput, options: GraphOptions = {}): ModuleGraph {
  const { root } = project;
  const compilerOptions = project.tsconfig?.options;
  const listings = new DirectoryListingCache(root);
  const resolver = new ImportResolver({ compilerOptions, listings });
  const linkFree = linkFreeUnder(root, listings);
  const installedFileScans = InstalledFileScans.open(root, scansDirectory(options.cacheDir), scannerIdentity());
  // The packages' entry files, sized when the walk ends (by then a worker may have measured them).
  const externalEntries: Array<[name: string, entryFile: string, specifier: string]> = [];
  const entryFiles = new Map<string, string | null>();
  const entryFileOf = (specifier: string, fromFile: string, format: ModuleFormat): string | undefined => {
    const key = `${dirname(fromFile)}\0${specifier}\0${format}`;
    let file = entryFiles.get(key);
    if (file === undefined) {
      const known = options.knownEntryFiles?.get(key);
      file = known !== undefined ? known : (resolver.resolveExternalFile(specifier, fromFile, format) ?? null);
      entryFiles.set(key, file);
    }
    return file ?? undefined;
  };
  const modules: Record<string, ModuleNode> = {};
  const diagnostics: Diagnostic[] = [];
  const idOf = (file: string) => toModuleId(root, file);
  const entry = idOf(project.entryFile);
  const realRoot = realpathOrSelf(root);
  // tsc keeps import statements as written under these options instead of eliding type-only uses.
  const keepsImportStatements = Boolean(
    compilerOptions?.verbatimModuleSyntax ||
      compilerOptions?.preserveValueImports ||
      (compilerOptions?.importsNotUsedAsValues !== undefined && compilerOptions.importsNotUsedAsValues !== 0),
  );
  const parse = options.parse ?? parseImports;
  const queue: string[] = [project.entryFile];
  modules[entry] = placeholder(entry, project.entryFile);

  for (let next = 0; next < queue.length; next++) {
    // Files found so far is the best total there is: the graph grows as it is read.
    options.onProgress?.({ stage: 'graph', label: 'building the module graph', done: next, total: queue.length });
    const file = queue[next];
    const id = idOf(file);
    const node = modules[id];
    const text = readModuleText(file, id, node, diagnostics);
    if (text === undefined) continue;
    if (!CODE_FILE.test(file)) continue; // JSON and assets are leaves with their size

    const format = project.formats.formatOf(file);
    node.format = format;
    const isTypeScript = /\.[cm]?tsx?$/.test(file);
    let parsed: ParsedImports;
    try {
      parsed = parse(file, text, {
        elideTypeOnlyUses: isTypeScript && !keepsImportStatements,
        keepTypeOnlySpecifierLists: isTypeScript && keepsImportStatements,
        sources: options.sources,
      });
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      // The parser and the walks recurse per nesting level: a file nested thousands deep is a leaf.
      options.sources?.delete(file);
      diagnostics.push(nestedTooDeeply(id, 'its imports are not followed'));
      continue;
    }
    if (parsed.parseErrors.length > 0) {
      const first = parsed.parseErrors[0];
      const more = parsed.parseErrors.length > 1 ? ` (and ${parsed.parseErrors.length - 1} more)` : '';
      diagnostics.push({
        code: 'parse-error',
        severity: 'error',
        message: `${id}:${first.line}: ${first.message}${more}; imports after the error may be missed`,
        file: id,
        line: first.line,
        column: first.column,
      });
    }

    for (const record of parsed.imports) {
      const edge: ImportEdge = {
        from: id,
        specifier: record.specifier,
        kind: record.kind,
        lazy: record.lazy,
        line: record.line,
        names: record.names,
      };
      node.imports.push(edge);
      const resolution = resolver.resolve(record.specifier, file, format);
      if (resolution.kind === 'builtin') {
        edge.to = resolution.id;
        modules[resolution.id] ??= { id: resolution.id, kind: 'builtin', size: 0, imports: [] };
      } else if (resolution.kind === 'external') {
        edge.to = resolution.name;
        const entryFile = resolution.file ?? entryFileOf(record.specifier, file, format);
        modules[resolution.name] ??= {
          id: resolution.name,
          kind: 'external',
          file: entryFile ?? resolution.packageDir,
          version: packageVersion(resolution.packageDir),
          size: 0,
          imports: [],
        };
        if (entryFile) {
          externalEntries.push([resolution.name, entryFile, record.specifier]);
          options.parallelMeter?.measure(entryFile);
        }
      } else if (resolution.kind === 'local') {
        const targetId = idOf(resolution.file);
        // Checked once per file: a module already in the graph passed.
        const outside = modules[targetId] ? undefined : linkFree(resolution.file) ? undefined : symlinkOutside(realRoot, resolution.file);
        if (outside) {
          diagnostics.push({
            code: 'symlink-outside-project',
            severity: 'warning',
            message: `${id}:${record.line}: '${record.specifier}' resolves to ${targetId}, a symlink to ${outside} outside the project; not followed`,
            file: id,
            line: record.line,
          });
          continue;
        }
        edge.to = targetId;
        if (!modules[targetId]) {
          modules[targetId] = placeholder(targetId, resolution.file);
          queue.push(resolution.file);
        }
      } else {
        diagnostics.push({
          code: 'unresolved-import',
          severity: 'warning',
          message: `${id}:${record.line}: cannot resolve '${record.specifier}' (${resolution.reason})`,
          file: id,
          line: record.line,
        });
      }
    }
    options.onModule?.(node, text, parsed);
  }
  const measured = options.parallelMeter?.finish();
  if (measured) {
    installedFileScans.adopt(measured.scans);
    // Read for this analysis, on another thread: a kept analysis must know them as if read here.
    noteFileReads(measured.paths);
  }
  const packageCost = new LoadedBytesMeter({
    resolve: (specifier, fromFile, format) => resolver.resolveExternalFile(specifier, fromFile, format),
    formatOf: (file) => project.formats.formatOf(file),
  }, listings, installedFileScans, options.knownInstalledFiles ?? measured?.files);
  // What a specifier loads joins what the package's other specifiers load.
  for (const [name, entryFile, specifier] of externalEntries) modules[name].size = packageCost.add(name, entryFile, specifier);
  for (const node of Object.values(modules)) {
    if (node.kind === 'external' && node.size > 0) node.loadedBy = packageCost.shares(node.id);
  }
  installedFileScans.save();
  options.onInstalledFiles?.(packageCost.loadedFiles(), entryFiles);
  return { root, entry, modules, diagnostics };
}

/** Local module id: project-relative path with forward slashes. */
export function toModuleId(root: string, file: string): string {
  const rel = relative(root, file);
  return (isAbsolute(rel) ? file : rel).split('\\').join('/');
}

function placeholder(id: string, file: string): ModuleNode {
  return { id, kind: 'local', file, size: 0, imports: [] };
}

/**
 * Reads a module's text and records its size, or returns undefined (with a diagnostic)
 * for files lazify keeps as opaque leaves: too big, binary or unreadable.
 */
function readModuleText(file: string, id: string, node: ModuleNode, diagnostics: Diagnostic[]): string | undefined {
  const isCode = CODE_FILE.test(file) || extname(file) === '.json';
  let text: string | undefined;
  try {
    // Assets are only sized; code is read once, decoded in one call (its byte length is its size).
    if (isCode) {
      text = readFileSync(file, 'utf8');
      // Invalid UTF-8 decodes to U+FFFD, which changes the byte count: size such files from disk.
      node.size = text.includes('\uFFFD') ? statSync(file).size : Buffer.byteLength(text, 'utf8');
    } else node.size = statSync(file).size;
  } catch (error) {
    diagnostics.push({ code: 'unreadable-file', severity: 'error', message: `${id}: ${(error as Error).message}`, file: id });
    return undefined;
  }
  if (node.size > MAX_PARSED_FILE_BYTES) {
    diagnostics.push({
      code: 'file-too-large',
      severity: 'warning',
      message: `${id} is ${node.size} bytes (over ${MAX_PARSED_FILE_BYTES}), not parsed: the modules it imports, their cost and any findings in them are missing from this analysis`,
      file: id,
    });
    return undefined;
  }
  if (text === undefined) return undefined;
  // A NUL byte decodes to U+0000 and nothing else does.
  if (text.includes('\0')) {
    diagnostics.push({
      code: 'binary-file',
      severity: 'warning',
      message: `${id} contains NUL bytes and looks binary; its imports are not followed`,
      file: id,
    });
    return undefined;
  }
  return text;
}

/**
 * A test for "this file lies under `root` and neither it nor any directory between it and
 * `root` is a symlink", answered from cached directory listings. Such a file cannot lead out
 * of the project, so it needs no `realpath` (one syscall per file on big graphs). False means
 * "not sure": the caller checks with `realpath`.
 */
function linkFreeUnder(root: string, listings: DirectoryListingCache): (file: string) => boolean {
  const dirs = new Map<string, boolean>([[root, true]]);
  const dirLinkFree = (dir: string): boolean => {
    let free = dirs.get(dir);
    if (free !== undefined) return free;
    const parent = dirname(dir);
    free = parent !== dir && listings.isListable(parent) && !listings.isSymbolicLink(dir) && dirLinkFree(parent);
    dirs.set(dir, free);
    return free;
  };
  return (file) => {
    const dir = dirname(file);
    return listings.isListable(dir) && !listings.isSymbolicLink(file) && dirLinkFree(dir);
  };
}

/** The real path when `file` is a symlink (or under one) leading out of the project, else undefined. */
function symlinkOutside(realRoot: string, file: string): string | undefined {
  const real = realpathOrSelf(file);
  if (real === file) return undefined;
  const rel = relative(realRoot, real);
  return rel.startsWith('..') || isAbsolute(rel) ? real : undefined;
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}
