// Type-checks a rewrite before it is written: the changed files are laid over the real project
// in memory (a TypeScript program from the project's own tsconfig) and checked against the same check
// of the original. Only diagnostics the rewrite adds count: a project's own type errors are not
// lazify's to report, fix or be blocked by. The changed files are checked first, and the original
// only for the files that have errors after the rewrite. The compiler is the project's own
// TypeScript when it has one of a major the check can drive (project/project-compiler.ts): its
// defaults, not lazify's copy's, decide what an error is.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isStackOverflow, nestingTooDeepMessage } from '../diagnostics/nesting-too-deep.js';
import type { FileChange } from '../edits/file-set.js';
import { projectCompiler, type ProjectCompiler } from '../project/project-compiler.js';
import { readTsconfig } from '../project/read-tsconfig.js';

/** One type error a rewrite would add, in the one diagnostic shape. */
export interface TypeDiagnostic extends Diagnostic {
  /**
   * TypeScript's error code as tsc prints it: `TS2694`; `nesting-too-deep` for a changed file
   * TypeScript's parser ran out of stack on (its change cannot be checked).
   */
  code: `TS${number}` | 'nesting-too-deep';
  severity: 'error';
  /** Root-relative path, forward slashes. */
  file: string;
  /** 1-based line in the changed file (absent when the diagnostic has no position). */
  line?: number;
}

const CHECKED = /\.(?:[mc]?tsx?|[mc]?jsx?)$/;

/**
 * One TypeScript program of a project (a tsconfig.json at its root), built once and reused for
 * every check: {@link ChangeTypeChecker.newDiagnostics} builds the changed program from it
 * (`ts.createProgram` with the original as `oldProgram`, so unchanged files and their
 * resolutions are reused), checks the files the changes can affect (the original only for those
 * of them that have errors after the change), and leaves the original as it was, so several variants of one rewrite (each without one operation) cost one program and
 * one check each.
 *
 * The changed program is made by TypeScript itself from a compiler host that reads the changed
 * texts: each file then gets the module format TypeScript gives it (a `.ts` file under
 * `"type": "module"` is ES), as `tsc` would. (Replacing a ts-morph file's text kept the old
 * node's format out, so a package's types were loaded once per format and compared unequal.)
 */
export class ChangeTypeChecker {
  /** The TypeScript that checks: the project's own, or lazify's copy. */
  readonly compiler: ProjectCompiler;
  private readonly ts: typeof ts;
  private readonly root: string;
  private readonly options: ts.CompilerOptions;
  private readonly rootNames: readonly string[];
  private readonly host: ts.CompilerHost;
  /** The original program: the project's own files as they are on disk. */
  private readonly original: ts.Program;
  /** Diagnostics of each original file, by path, computed once. */
  private readonly baseline = new Map<string, Map<string, number>>();
  /** Own file -> own files that import it (from the original program, built on first use). */
  private importers: Map<string, Set<string>> | undefined;

  private constructor(compiler: ProjectCompiler, root: string, options: ts.CompilerOptions, rootNames: readonly string[]) {
    this.compiler = compiler;
    this.ts = compiler.ts;
    this.root = root;
    this.options = options;
    this.rootNames = rootNames;
    this.host = cachingHost(compiler, options);
    this.original = this.ts.createProgram({ rootNames, options, host: this.host });
  }

  /** A checker for the project at `root`, or undefined when it has no tsconfig.json (not a TypeScript project). */
  static open(root: string): ChangeTypeChecker | undefined {
    if (!existsSync(join(root, 'tsconfig.json'))) return undefined;
    const compiler = projectCompiler(root);
    const tsconfig = readTsconfig(root, compiler.ts);
    if (!tsconfig) return undefined;
    return new ChangeTypeChecker(compiler, root, { ...tsconfig.options, noEmit: true }, tsconfig.fileNames);
  }

  /**
   * The diagnostics `changes` add to the project: files are checked that a change could reach
   * (the changed files and every own file that imports one, transitively), after the change
   * and, for each that then has diagnostics, before it, compared by file, code and message
   * (lines move when code is inserted above).
   */
  newDiagnostics(changes: readonly FileChange[]): TypeDiagnostic[] {
    const checked = changes.filter((c) => CHECKED.test(c.path) && !/\.d\.[mc]?ts$/.test(c.path));
    if (checked.length === 0) return [];
    // Files that are not in the program (a test the tsconfig excludes) are checked as they were,
    // too: what counts is what the change adds, not the tsconfig's scope.
    const outside = checked.filter((c) => c.before !== undefined && !this.original.getSourceFile(this.absolute(c.path))).map((c) => this.absolute(c.path));
    const affected = this.affectedFiles(checked.filter((c) => c.before !== undefined).map((c) => c.path));
    const texts = new Map(checked.map((c) => [this.absolute(c.path), c.after]));
    const created = checked.filter((c) => c.before === undefined).map((c) => this.absolute(c.path));
    const tooDeep = new Set<string>();
    const program = this.program([...this.rootNames, ...outside, ...created], texts, tooDeep);
    // A changed file the parser cannot read cannot be checked: that is a reason not to write it.
    const unchecked: TypeDiagnostic[] = checked
      .filter((c) => tooDeep.has(this.absolute(c.path)))
      .map((c) => ({ code: 'nesting-too-deep' as const, severity: 'error' as const, message: `${nestingTooDeepMessage(c.path)}; its change cannot be type-checked`, file: c.path }));
    const after = new Set([...affected, ...this.affectedFiles(checked.map((c) => c.path))]);
    // The changed program is checked first: only a file with diagnostics after the rewrite needs
    // its diagnostics before it (a file without any adds none), so the original is checked
    // only where the rewrite left errors, usually nowhere.
    const diagnosed = new Map<string, { source: ts.SourceFile; diagnostics: readonly ts.Diagnostic[] }>();
    for (const path of after) {
      const source = program.getSourceFile(this.absolute(path));
      if (!source) continue;
      const diagnostics = fileDiagnostics(program, source);
      if (diagnostics.length > 0) diagnosed.set(path, { source, diagnostics });
    }
    if (diagnosed.size === 0) return unchecked;
    let before: ts.Program | undefined;
    const baseline = new Map<string, Map<string, number>>();
    for (const path of affected) {
      if (!diagnosed.has(path)) continue;
      before ??= outside.length === 0 ? this.original : this.program([...this.rootNames, ...outside], new Map());
      baseline.set(path, this.originalDiagnostics(before, path, outside.includes(this.absolute(path))));
    }
    const found = [...unchecked];
    for (const [path, { source, diagnostics }] of diagnosed) {
      const remaining = new Map(baseline.get(path) ?? []);
      for (const diagnostic of diagnostics) {
        const key = diagnosticKey(this.ts, diagnostic);
        const left = remaining.get(key) ?? 0;
        if (left > 0) {
          remaining.set(key, left - 1);
          continue;
        }
        const message = this.ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
        const at = diagnostic.start === undefined ? {} : { line: source.getLineAndCharacterOfPosition(diagnostic.start).line + 1 };
        found.push({ code: `TS${diagnostic.code}`, severity: 'error', message, file: path, ...at });
      }
    }
    return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  }

  /** A program over `rootNames` in which the files of `texts` read as given (absolute path -> text). */
  private program(rootNames: readonly string[], texts: ReadonlyMap<string, string>, tooDeep = new Set<string>()): ts.Program {
    const host = texts.size === 0 ? this.host : overlayHost(this.ts, this.host, texts, tooDeep);
    return this.ts.createProgram({ rootNames, options: this.options, host, oldProgram: this.original });
  }

  private absolute(path: string): string {
    return join(this.root, path);
  }

  /** `paths` and every own file (not node_modules, not declarations) that imports one of them, transitively. */
  private affectedFiles(paths: string[]): Set<string> {
    const importers = this.importersOf();
    const seen = new Set<string>();
    const queue = [...paths];
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      queue.push(...(importers.get(path) ?? []));
    }
    return seen;
  }

  private importersOf(): Map<string, Set<string>> {
    if (this.importers) return this.importers;
    const importers = new Map<string, Set<string>>();
    const cache = this.ts.createModuleResolutionCache(this.root, (f) => f, this.options);
    for (const source of this.original.getSourceFiles()) {
      if (source.isDeclarationFile || source.fileName.includes('/node_modules/')) continue;
      const from = this.relativeOf(source.fileName);
      // `imports` holds every module name the file loads: imports, re-exports, require(), import().
      for (const name of (source as unknown as { imports?: readonly ts.StringLiteralLike[] }).imports ?? []) {
        const mode = this.modeOfUsage(source, name);
        const resolved = this.ts.resolveModuleName(name.text, source.fileName, this.options, this.ts.sys, cache, undefined, mode).resolvedModule;
        if (!resolved || resolved.isExternalLibraryImport) continue;
        const to = this.relativeOf(resolved.resolvedFileName);
        if (!importers.has(to)) importers.set(to, new Set());
        importers.get(to)!.add(from);
      }
    }
    this.importers = importers;
    return importers;
  }

  /** The module format an import is resolved in (`program.getModeForUsageLocation` is TypeScript 5.3's; before it, the function). */
  private modeOfUsage(source: ts.SourceFile, name: ts.StringLiteralLike): ts.ResolutionMode {
    if (typeof this.original.getModeForUsageLocation === 'function') return this.original.getModeForUsageLocation(source, name);
    return this.ts.getModeForUsageLocation(source, name, this.options);
  }

  private relativeOf(file: string): string {
    return relative(this.root, file).split('\\').join('/');
  }

  /** The diagnostics of `path` as it is on disk; files of the tsconfig's program are cached. */
  private originalDiagnostics(program: ts.Program, path: string, outside: boolean): Map<string, number> {
    const cached = outside ? undefined : this.baseline.get(path);
    if (cached) return cached;
    const counts = new Map<string, number>();
    const source = program.getSourceFile(this.absolute(path));
    for (const d of source ? fileDiagnostics(program, source) : []) {
      const key = diagnosticKey(this.ts, d);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (!outside) this.baseline.set(path, counts);
    return counts;
  }
}

/**
 * TypeScript's own compiler host, with parsed files kept: a program built from the original
 * then gets the very same SourceFile objects for unchanged files and reuses them (and their
 * module resolutions) instead of parsing node_modules' declarations again. The bundled
 * TypeScript of ts-morph ships its lib files in memory, not beside itself: they are read
 * through a ts-morph Project's resolution host, which serves them from the folder it names.
 * A project's own TypeScript has its lib files beside it, where its host finds them.
 */
function cachingHost(compiler: ProjectCompiler, options: ts.CompilerOptions): ts.CompilerHost {
  const ts = compiler.ts;
  // Parsed as tsc parses for a check: no parent pointers (the binder sets them) and JSDoc only
  // where it can change a type error (all of it in JavaScript, `@see`/`@link` in TypeScript),
  // which spares the JSDoc of every package's declarations. The diagnostics are tsc's.
  const host = ts.createCompilerHost(options);
  // (TypeScript before 5.3 has no such mode and parses all of it.)
  if (ts.JSDocParsingMode) host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const libs = compiler.own ? undefined : new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true }).getModuleResolutionHost();
  if (libs?.fileExists(`${IN_MEMORY_LIB}/lib.d.ts`)) {
    const isLib = (fileName: string) => fileName.startsWith(`${IN_MEMORY_LIB}/`);
    const { fileExists, readFile, directoryExists } = host;
    host.getDefaultLibLocation = () => IN_MEMORY_LIB;
    host.getDefaultLibFileName = (o) => `${IN_MEMORY_LIB}/${ts.getDefaultLibFileName(o)}`;
    host.fileExists = (fileName) => (isLib(fileName) ? libs.fileExists(fileName) : fileExists(fileName));
    host.readFile = (fileName) => (isLib(fileName) ? libs.readFile(fileName) : readFile(fileName));
    host.directoryExists = (dir) => dir === IN_MEMORY_LIB || (directoryExists?.(dir) ?? ts.sys.directoryExists(dir));
  }
  const parsed = new Map<string, ts.SourceFile | undefined>();
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    const key = `${fileName}\0${formatKey(languageVersionOrOptions)}`;
    if (!shouldCreate && parsed.has(key)) return parsed.get(key);
    const text = host.readFile(fileName);
    const source = text === undefined ? undefined : parseOrMissing(() => ts.createSourceFile(fileName, text, languageVersionOrOptions));
    if (text === undefined) onError?.(`cannot read ${fileName}`);
    parsed.set(key, source);
    return source;
  };
  return host;
}

/** Where ts-morph's resolution host serves TypeScript's lib files from (its in-memory lib folder). */
const IN_MEMORY_LIB = '/node_modules/typescript/lib';

/** `base` with the files of `texts` reading as given: new files exist, changed ones are parsed anew (those the parser runs out of stack on are noted in `tooDeep`). */
function overlayHost(ts: ProjectCompiler['ts'], base: ts.CompilerHost, texts: ReadonlyMap<string, string>, tooDeep: Set<string>): ts.CompilerHost {
  // A split writes into folders that do not exist yet (src/utils/ beside src/utils.ts): module
  // resolution asks for the folder before the file, so the new files' folders must exist too.
  const folders = new Set<string>();
  for (const fileName of texts.keys()) {
    for (let dir = dirname(fileName); !folders.has(dir) && dir !== dirname(dir); dir = dirname(dir)) folders.add(dir);
  }
  return {
    ...base,
    directoryExists: (dir) => folders.has(dir.replace(/\/+$/, '')) || (base.directoryExists?.(dir) ?? ts.sys.directoryExists(dir)),
    fileExists: (fileName) => texts.has(fileName) || base.fileExists(fileName),
    readFile: (fileName) => texts.get(fileName) ?? base.readFile(fileName),
    getSourceFile: (fileName, languageVersionOrOptions, onError, shouldCreate) => {
      const text = texts.get(fileName);
      // TypeScript passes the file's implied module format in the options: the changed file
      // keeps the format it has on disk (or that its path and package.json give a new one).
      if (text !== undefined) return parseOrMissing(() => ts.createSourceFile(fileName, text, languageVersionOrOptions), () => tooDeep.add(fileName));
      return base.getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    },
  };
}

/**
 * A parse, or undefined when the parser runs out of stack on the file (it is then missing from
 * the program: an unchanged one before and after the change alike, so what its importers lose
 * counts on neither side).
 */
function parseOrMissing(parse: () => ts.SourceFile, onTooDeep?: () => void): ts.SourceFile | undefined {
  try {
    return parse();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    onTooDeep?.();
    return undefined;
  }
}

function formatKey(options: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof options === 'number') return String(options);
  return `${options.languageVersion}/${options.impliedNodeFormat ?? ''}/${options.setExternalModuleIndicator ? 'm' : ''}`;
}

function fileDiagnostics(program: ts.Program, source: ts.SourceFile): readonly ts.Diagnostic[] {
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
}

/** Lines are left out on purpose: inserting a loader above an old error moves it, it is not new. */
function diagnosticKey(ts: ProjectCompiler['ts'], diagnostic: ts.Diagnostic): string {
  return `${diagnostic.code}\0${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
}
