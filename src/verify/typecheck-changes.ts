// Type-checks a rewrite before it is written: the changed files are laid over the real project
// in memory (ts-morph's Project, the project's own tsconfig) and checked against the same check
// of the original. Only diagnostics the rewrite adds count: a project's own type errors are not
// lazify's to report, fix or be blocked by.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import type { FileChange } from '../edits/file-set.js';
import { readTsconfig } from '../project/read-tsconfig.js';

/** One type error a rewrite would add. */
export interface TypeDiagnostic {
  /** Root-relative path, forward slashes. */
  file: string;
  /** 1-based line in the changed file (0 when the diagnostic has no position). */
  line: number;
  /** TypeScript's error code (2694 for TS2694). */
  code: number;
  message: string;
}

const CHECKED = /\.(?:[mc]?tsx?|[mc]?jsx?)$/;

/**
 * One in-memory program of a TypeScript project (a tsconfig.json at its root), reused for
 * every check: {@link newDiagnostics} lays a set of changes over it, checks the files they can
 * affect, and takes the changes off again, so several variants of one rewrite (each without one
 * operation) cost one program and one check each.
 */
export class ChangeTypeChecker {
  private readonly project: Project;
  private readonly root: string;
  /** Diagnostics of each original file, by path, computed once. */
  private readonly baseline = new Map<string, Map<string, number>>();

  private readonly options: ts.CompilerOptions;
  /** Own file -> own files that import it (from the original program, built on first use). */
  private importers: Map<string, Set<string>> | undefined;

  private constructor(root: string, project: Project, options: ts.CompilerOptions) {
    this.root = root;
    this.project = project;
    this.options = options;
  }

  /** A checker for the project at `root`, or undefined when it has no tsconfig.json (not a TypeScript project). */
  static open(root: string): ChangeTypeChecker | undefined {
    if (!existsSync(join(root, 'tsconfig.json'))) return undefined;
    const tsconfig = readTsconfig(root);
    if (!tsconfig) return undefined;
    const project = new Project({ compilerOptions: { ...tsconfig.options, noEmit: true }, skipAddingFilesFromTsConfig: true });
    // Only the project's own files: the program reaches what they import by itself. (ts-morph's
    // own dependency tracking holds on to nodes that replacing a file's text forgets.)
    for (const file of tsconfig.fileNames) project.addSourceFileAtPathIfExists(file);
    return new ChangeTypeChecker(root, project, tsconfig.options);
  }

  /**
   * The diagnostics `changes` add to the project: files are checked that a change could reach
   * (the changed files and every own file that imports one, transitively), before and after,
   * and compared by file, code and message (lines move when code is inserted above).
   */
  newDiagnostics(changes: readonly FileChange[]): TypeDiagnostic[] {
    const checked = changes.filter((c) => CHECKED.test(c.path) && !/\.d\.[mc]?ts$/.test(c.path));
    if (checked.length === 0) return [];
    // Files that are not in the program yet (a test the tsconfig excludes) are checked as they
    // were, too: what counts is what the change adds, not the tsconfig's scope.
    const added: SourceFile[] = [];
    for (const change of checked) {
      if (change.before !== undefined && !this.project.getSourceFile(this.absolute(change.path))) {
        const file = this.project.addSourceFileAtPathIfExists(this.absolute(change.path));
        if (file) added.push(file);
      }
    }
    const affected = this.affectedFiles(checked.filter((c) => c.before !== undefined).map((c) => c.path));
    const before = new Map<string, Map<string, number>>();
    for (const path of affected) before.set(path, this.originalDiagnostics(path));
    const created: SourceFile[] = [];
    for (const change of checked) {
      const path = this.absolute(change.path);
      const existing = this.project.getSourceFile(path);
      if (existing) existing.replaceWithText(change.after);
      else created.push(this.project.createSourceFile(path, change.after));
    }
    try {
      const program = this.project.getProgram().compilerObject;
      const after = new Set([...affected, ...this.affectedFiles(checked.map((c) => c.path))]);
      const found: TypeDiagnostic[] = [];
      for (const path of after) {
        const source = program.getSourceFile(this.absolute(path));
        if (!source) continue;
        const remaining = new Map(before.get(path) ?? []);
        for (const diagnostic of fileDiagnostics(program, source)) {
          const key = diagnosticKey(diagnostic);
          const left = remaining.get(key) ?? 0;
          if (left > 0) {
            remaining.set(key, left - 1);
            continue;
          }
          const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
          found.push({ file: path, line, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ') });
        }
      }
      return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    } finally {
      for (const change of checked) {
        if (change.before !== undefined) this.project.getSourceFile(this.absolute(change.path))?.replaceWithText(change.before);
      }
      for (const file of created) this.project.removeSourceFile(file);
      for (const file of added) this.project.removeSourceFile(file);
    }
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
    const program = this.project.getProgram().compilerObject;
    const cache = ts.createModuleResolutionCache(this.root, (f) => f, this.options);
    for (const source of program.getSourceFiles()) {
      if (source.isDeclarationFile || source.fileName.includes('/node_modules/')) continue;
      const from = this.relativeOf(source.fileName);
      // `imports` holds every module name the file loads: imports, re-exports, require(), import().
      for (const name of (source as unknown as { imports?: readonly ts.StringLiteralLike[] }).imports ?? []) {
        const resolved = ts.resolveModuleName(name.text, source.fileName, this.options, ts.sys, cache).resolvedModule;
        if (!resolved || resolved.isExternalLibraryImport) continue;
        const to = this.relativeOf(resolved.resolvedFileName);
        if (!importers.has(to)) importers.set(to, new Set());
        importers.get(to)!.add(from);
      }
    }
    this.importers = importers;
    return importers;
  }

  private relativeOf(file: string): string {
    return relative(this.root, file).split('\\').join('/');
  }

  private originalDiagnostics(path: string): Map<string, number> {
    const cached = this.baseline.get(path);
    if (cached) return cached;
    const counts = new Map<string, number>();
    const program = this.project.getProgram().compilerObject;
    const source = program.getSourceFile(this.absolute(path));
    if (source) for (const d of fileDiagnostics(program, source)) counts.set(diagnosticKey(d), (counts.get(diagnosticKey(d)) ?? 0) + 1);
    this.baseline.set(path, counts);
    return counts;
  }
}

function fileDiagnostics(program: ts.Program, source: ts.SourceFile): readonly ts.Diagnostic[] {
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
}

/** Lines are left out on purpose: inserting a loader above an old error moves it, it is not new. */
function diagnosticKey(diagnostic: ts.Diagnostic): string {
  return `${diagnostic.code}\0${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
}
