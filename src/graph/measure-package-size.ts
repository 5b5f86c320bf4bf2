// The static cost of an external package: the bytes of the files requiring it really loads,
// found by following its imports and requires from the file its specifier resolves to (into
// its dependencies too: they load with it). Never the installed folder: a package ships
// browser bundles, tests and alternate builds that its entry never loads, and
// `require('eslint/package.json')` loads one JSON file, not eslint.
import { readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { ModuleFormat } from '../project/detect-module-format.js';
import { ts } from '../typescript.cjs';

/** What one installed file costs and which files its top-level code loads. */
interface LoadedFile {
  size: number;
  /** Files its eager imports and requires resolve to (lazy ones, inside functions, do not load at import). */
  loads: string[];
}

/** How the meter resolves a specifier written in a package file, and the format that file runs as. */
export interface PackageFileResolver {
  resolve(specifier: string, fromFile: string, format: ModuleFormat): string | undefined;
  formatOf(file: string): ModuleFormat;
}

/** Files bigger than this are sized but not parsed (a generated bundle is one file whatever it requires). */
const MAX_SCANNED_BYTES = 16 * 1024 * 1024;
const SCANNED_FILE = /\.(?:[cm]?js|jsx)$/;

/**
 * Sums, per package, the bytes of the files loading it brings in. Each installed file is read
 * and parsed once per graph, however many packages load it; a package imported through several
 * specifiers (`pkg`, `pkg/sub`) counts the union of what each loads.
 */
export class LoadedBytesMeter {
  private readonly files = new Map<string, LoadedFile>();
  private readonly perPackage = new Map<string, { files: Set<string>; bytes: number }>();

  constructor(private readonly resolver: PackageFileResolver) {}

  /** Adds what `entryFile` loads to package `name`; returns the package's bytes so far. */
  add(name: string, entryFile: string): number {
    let totals = this.perPackage.get(name);
    if (!totals) this.perPackage.set(name, (totals = { files: new Set(), bytes: 0 }));
    const pending = [entryFile];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (totals.files.has(file)) continue;
      totals.files.add(file);
      const loaded = this.loadedFile(file);
      totals.bytes += loaded.size;
      for (const next of loaded.loads) if (!totals.files.has(next)) pending.push(next);
    }
    return totals.bytes;
  }

  private readonly isFile = new Map<string, boolean>();

  /**
   * Node's lookup of a relative specifier for the common cases (the file, `.js`, `.json`,
   * `index.js`; ES modules: the file as written), answered from stats: the general resolver
   * costs more than all the rest for packages of thousands of files. Undefined sends the
   * specifier to the general resolver (a directory with its own package.json, a missing file).
   */
  private relativeFile(specifier: string, fromFile: string, format: ModuleFormat): string | undefined {
    const base = join(dirname(fromFile), specifier);
    const candidates = format === 'esm' ? [base] : [base, `${base}.js`, `${base}.json`, `${base}.node`, join(base, 'index.js'), join(base, 'index.json')];
    for (const candidate of candidates) {
      let known = this.isFile.get(candidate);
      if (known === undefined) {
        try {
          known = statSync(candidate).isFile();
        } catch {
          known = false;
        }
        this.isFile.set(candidate, known);
      }
      if (known) return candidate;
    }
    return undefined;
  }

  private loadedFile(file: string): LoadedFile {
    const known = this.files.get(file);
    if (known) return known;
    const loaded: LoadedFile = { size: 0, loads: [] };
    this.files.set(file, loaded);
    if (!SCANNED_FILE.test(file)) {
      // JSON, native addons, assets: their size, and they load nothing.
      try {
        loaded.size = statSync(file).size;
      } catch {
        // Resolved but unreadable: it costs nothing that can be measured.
      }
      return loaded;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return loaded;
    }
    loaded.size = Buffer.byteLength(text, 'utf8');
    if (loaded.size > MAX_SCANNED_BYTES || text.includes('\0')) return loaded;
    const format = this.resolver.formatOf(file);
    for (const specifier of loadedSpecifiers(text)) {
      if (isBuiltin(specifier)) continue;
      const target = (specifier.startsWith('.') ? this.relativeFile(specifier, file, format) : undefined) ?? this.resolver.resolve(specifier, file, format);
      if (target && !target.endsWith('.d.ts')) loaded.loads.push(target);
    }
    return loaded;
  }
}

const versions = new Map<string, string | undefined>();

/** The `version` of an installed package's package.json, read once per package dir. */
export function packageVersion(packageDir: string): string | undefined {
  if (versions.has(packageDir)) return versions.get(packageDir);
  let version: string | undefined;
  try {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: unknown };
    version = typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    version = undefined;
  }
  versions.set(packageDir, version);
  return version;
}

/**
 * The specifiers a file loads when it runs: `require('x')`, `import ... from 'x'`, `import 'x'`,
 * `export ... from 'x'`; not `import('x')`. Found with TypeScript's scanner (tokens, no syntax
 * tree): installed packages are many and large, and a full parse of each cost more than the
 * rest of the analysis. A `require` inside a function counts too (the scanner does not see
 * scopes): a slight over-estimate, where the installed folder was a gross one.
 */
export function loadedSpecifiers(text: string): string[] {
  // Data modules (tables, word lists, encodings) load nothing: no need to tokenise megabytes.
  if (!/\b(?:require|import|export)\b/.test(text)) return [];
  const K = ts.SyntaxKind;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const found: string[] = [];
  let previous = K.Unknown;
  let beforePrevious = K.Unknown;
  let requireAfterDot = false;
  // Inside `import` / `export` up to `;`: a string right after `from` is the module's source.
  let moduleStatement = false;
  let braces = 0;
  // Brace depths at which a template literal's `${` was opened: its `}` resumes the template.
  const templates: number[] = [];
  for (let token = scanner.scan(); token !== K.EndOfFileToken; token = scanner.scan()) {
    if ((token === K.SlashToken || token === K.SlashEqualsToken) && startsExpression(previous)) token = scanner.reScanSlashToken();
    if (token === K.OpenBraceToken) braces++;
    if (token === K.CloseBraceToken) {
      if (templates.at(-1) === braces) {
        templates.pop();
        token = scanner.reScanTemplateToken(false);
      } else braces--;
    }
    if (token === K.TemplateHead || token === K.TemplateMiddle) templates.push(braces);
    if (token === K.StringLiteral) {
      const dynamic = previous === K.OpenParenToken && beforePrevious === K.ImportKeyword;
      const requireCall = previous === K.OpenParenToken && beforePrevious === K.RequireKeyword && !requireAfterDot;
      if (!dynamic && (requireCall || (moduleStatement && previous === K.FromKeyword) || previous === K.ImportKeyword)) found.push(scanner.getTokenValue());
    }
    if (token === K.ImportKeyword || token === K.ExportKeyword) moduleStatement = previous !== K.DotToken;
    else if (token === K.SemicolonToken) moduleStatement = false;
    if (token === K.RequireKeyword) requireAfterDot = previous === K.DotToken || previous === K.QuestionDotToken;
    beforePrevious = previous;
    previous = token;
  }
  return found;
}

/** Tokens after which a `/` starts a regular expression rather than a division. */
function startsExpression(previous: ts.SyntaxKind): boolean {
  const K = ts.SyntaxKind;
  if (previous === K.Identifier || previous === K.CloseParenToken || previous === K.CloseBracketToken || previous === K.CloseBraceToken) return false;
  if (previous === K.NumericLiteral || previous === K.StringLiteral || previous === K.BigIntLiteral || previous === K.ThisKeyword) return false;
  if (previous === K.PlusPlusToken || previous === K.MinusMinusToken || previous === K.NoSubstitutionTemplateLiteral || previous === K.TemplateTail) return false;
  return true;
}
