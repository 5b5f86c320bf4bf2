// The static cost of an external package: the bytes of the files requiring it really loads,
// found by following its imports and requires from the file its specifier resolves to (into
// its dependencies too: they load with it). Never the installed folder: a package ships
// browser bundles, tests and alternate builds that its entry never loads, and
// `require('eslint/package.json')` loads one JSON file, not eslint.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleFormat } from '../project/detect-module-format.js';
import type * as TypeScriptModule from '../project/typescript.cjs';
import { DirectoryListingCache } from './directory-listing-cache.js';
import type { InstalledFileScan, ScanStore } from './installed-file-scans.js';
import { isRelativeSpecifier, NODE_LOOKUP, relativeFileFromListings } from './relative-file.js';
import { SCANNER_MODULE, scanLoadedSpecifiers } from './scan-loaded-specifiers.js';

/** What one installed file costs and which files its top-level code loads. */
export interface LoadedFile {
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
 * Bytes one set of specifiers of a package loads and no other specifier of it does: a file
 * `pkg` and `pkg/lite` both load is in the share of `['pkg', 'pkg/lite']`, counted once.
 */
export interface PackageShare {
  /** The specifiers (as written, sorted) that load these files. */
  specifiers: string[];
  bytes: number;
}

/**
 * Sums, per package, the bytes of the files loading it brings in. Each installed file is read
 * and parsed once per graph, however many packages load it. A specifier costs what the file it
 * resolves to loads (`js-tiktoken/lite` its small entry, not the package's main one); a package
 * imported through several specifiers (`pkg`, `pkg/sub`) counts the union of what each loads,
 * and {@link shares} tells which of its specifiers load which part.
 */
export class LoadedBytesMeter {
  private readonly files = new Map<string, LoadedFile>();
  private readonly perPackage = new Map<string, { bytes: number; loadedBy: Map<string, Set<string>>; reached: Map<string, Set<string>> }>();

  /**
   * `listings` answers the relative lookups (share the graph's: one `readdir` per directory
   * for the whole analysis, however many candidates are probed in it); `scans` keeps what was
   * read of each file for the next analysis.
   */
  constructor(
    private readonly resolver: PackageFileResolver,
    private readonly listings: DirectoryListingCache = new DirectoryListingCache(),
    private readonly scans?: ScanStore,
    /** What an earlier analysis found of installed files, when nothing it resolved them with has changed since. */
    private readonly known?: ReadonlyMap<string, LoadedFile>,
  ) {}

  /** Every installed file measured so far, with what it loads. */
  loadedFiles(): ReadonlyMap<string, LoadedFile> {
    return this.files;
  }

  /**
   * Adds what `entryFile` (the file `specifier` resolves to) loads to package `name`; returns
   * the package's bytes so far. `specifier` defaults to the package name.
   */
  add(name: string, entryFile: string, specifier: string = name): number {
    let totals = this.perPackage.get(name);
    if (!totals) this.perPackage.set(name, (totals = { bytes: 0, loadedBy: new Map(), reached: new Map() }));
    let reached = totals.reached.get(specifier);
    if (!reached) totals.reached.set(specifier, (reached = new Set()));
    const pending = [entryFile];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      const loaded = this.loadedFile(file);
      let by = totals.loadedBy.get(file);
      if (!by) {
        totals.loadedBy.set(file, (by = new Set()));
        totals.bytes += loaded.size;
      }
      by.add(specifier);
      for (const next of loaded.loads) if (!reached.has(next)) pending.push(next);
    }
    return totals.bytes;
  }

  /** The files package `name` loads, or those `specifier` of it loads; sorted. */
  filesOf(name: string, specifier?: string): string[] {
    const totals = this.perPackage.get(name);
    if (!totals) return [];
    const files = specifier === undefined ? [...totals.loadedBy.keys()] : [...(totals.reached.get(specifier) ?? [])];
    return files.sort();
  }

  /**
   * How package `name`'s bytes split among the specifiers that load them, biggest share first;
   * the shares sum to the package's bytes.
   */
  shares(name: string): PackageShare[] {
    const totals = this.perPackage.get(name);
    if (!totals) return [];
    const byKey = new Map<string, PackageShare>();
    for (const [file, by] of totals.loadedBy) {
      const specifiers = [...by].sort();
      const key = specifiers.join('\0');
      let share = byKey.get(key);
      if (!share) byKey.set(key, (share = { specifiers, bytes: 0 }));
      share.bytes += this.files.get(file)!.size;
    }
    return [...byKey.values()].sort((a, b) => b.bytes - a.bytes || a.specifiers.join().localeCompare(b.specifiers.join()));
  }

  private loadedFile(file: string): LoadedFile {
    const measured = this.files.get(file);
    if (measured) return measured;
    const known = this.known?.get(file);
    if (known) {
      this.files.set(file, known);
      this.scans?.keep(file);
      return known;
    }
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
    const scan = this.scan(file);
    if (!scan) return loaded;
    loaded.size = scan.bytes;
    if (scan.specifiers.length === 0) return loaded;
    const format = this.resolver.formatOf(file);
    for (const specifier of scan.specifiers) {
      if (isBuiltin(specifier)) continue;
      // Node's lookup of a relative specifier, for the common cases, from directory listings: the
      // general resolver costs more than all the rest for packages of thousands of files, and a
      // `stat` per candidate (most of them missing, so each one a thrown error) came next.
      const relative = isRelativeSpecifier(specifier) ? relativeFileFromListings(this.listings, specifier, dirname(file), NODE_LOOKUP, format === 'esm') : undefined;
      const target = relative ?? this.resolver.resolve(specifier, file, format);
      if (target && !target.endsWith('.d.ts')) loaded.loads.push(target);
    }
    return loaded;
  }

  /** The bytes of an installed code file and what it loads: kept from an earlier analysis, or read now. */
  private scan(file: string): InstalledFileScan | undefined {
    // Without kept scans the file is only read: a stat would cost a system call per file for nothing.
    const scans = this.scans?.keeps ? this.scans : undefined;
    let stats: Stats | undefined;
    if (scans) {
      try {
        stats = statSync(file);
      } catch {
        return undefined;
      }
      const kept = scans.get(file, stats);
      if (kept) return kept;
    }
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      return undefined;
    }
    // ASCII (most installed code) decodes as Latin-1 to the same text, sooner; the bytes counted
    // are those of the decoded text, as they were (an invalid sequence counts as its replacement).
    const ascii = isAscii(content);
    const text = ascii ? content.toString('latin1') : content.toString('utf8');
    const bytes = ascii ? content.length : Buffer.byteLength(text, 'utf8');
    const scan = { bytes, specifiers: bytes > MAX_SCANNED_BYTES || text.includes('\0') ? [] : loadedSpecifiers(text) };
    if (scans && stats) scans.set(file, stats, scan);
    return scan;
  }
}

/**
 * Names the code that reads installed files (this module, the fast scan, TypeScript's version), so
 * scans kept by one version of it are not used by another.
 */
export function scannerIdentity(): string {
  if (identity === undefined) {
    const hash = createHash('sha256').update(typeScript().version);
    for (const url of [import.meta.url, SCANNER_MODULE]) hash.update(readFileSync(fileURLToPath(url)));
    identity = hash.digest('hex').slice(0, 16);
  }
  return identity;
}

let identity: string | undefined;

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
 * TypeScript, loaded when a file first needs its scanner: most installed files take the fast scan,
 * and the worker measuring packages (measure-installed-files-in-parallel.ts) loads none otherwise.
 */
function typeScript(): typeof TypeScriptModule.ts {
  loadedTypeScript ??= (createRequire(import.meta.url)('../project/typescript.cjs') as typeof TypeScriptModule).ts;
  return loadedTypeScript;
}

let loadedTypeScript: typeof TypeScriptModule.ts | undefined;

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
  // Most files take the fast scan; the rest (non-ASCII code, rare syntax) TypeScript's scanner.
  return scanLoadedSpecifiers(text, (start, end) => stringLiteralValue(text.slice(start, end))) ?? scanWithTypeScript(text);
}

/** The value of one string literal token, escapes resolved as TypeScript's scanner does. */
function stringLiteralValue(literal: string): string {
  return typeScriptScan().stringValue(literal);
}

/** {@link loadedSpecifiers} with TypeScript's scanner: the reference `scanLoadedSpecifiers` follows. */
export function scanWithTypeScript(text: string): string[] {
  return typeScriptScan().specifiers(text);
}

/** The scans with TypeScript's scanner, made once, when first needed. */
function typeScriptScan(): TypeScriptScan {
  made ??= makeTypeScriptScan(typeScript());
  return made;
}

let made: TypeScriptScan | undefined;

interface TypeScriptScan {
  specifiers(text: string): string[];
  stringValue(literal: string): string;
}

function makeTypeScriptScan(ts: typeof TypeScriptModule.ts): TypeScriptScan {
  // Token kinds read once: `ts.SyntaxKind` is a large object whose property reads cost a hash
  // lookup each, and the scan below compares every token of every installed file with them.
  const {
    BigIntLiteral: KBigIntLiteral,
    CloseBraceToken: KCloseBraceToken,
    CloseBracketToken: KCloseBracketToken,
    CloseParenToken: KCloseParenToken,
    DotToken: KDotToken,
    EndOfFileToken: KEndOfFileToken,
    ExportKeyword: KExportKeyword,
    FromKeyword: KFromKeyword,
    Identifier: KIdentifier,
    ImportKeyword: KImportKeyword,
    MinusMinusToken: KMinusMinusToken,
    NoSubstitutionTemplateLiteral: KNoSubstitutionTemplateLiteral,
    NumericLiteral: KNumericLiteral,
    OpenBraceToken: KOpenBraceToken,
    OpenParenToken: KOpenParenToken,
    PlusPlusToken: KPlusPlusToken,
    QuestionDotToken: KQuestionDotToken,
    RequireKeyword: KRequireKeyword,
    SemicolonToken: KSemicolonToken,
    SlashEqualsToken: KSlashEqualsToken,
    SlashToken: KSlashToken,
    StringLiteral: KStringLiteral,
    TemplateHead: KTemplateHead,
    TemplateMiddle: KTemplateMiddle,
    TemplateTail: KTemplateTail,
    ThisKeyword: KThisKeyword,
    Unknown: KUnknown,
  } = ts.SyntaxKind;
  // One scanner for every file (the scans are synchronous, one file at a time): creating one builds a few dozen closures.
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);

  /** Tokens after which a `/` starts a regular expression rather than a division. */
  const startsExpression = (previous: TypeScriptModule.ts.SyntaxKind): boolean => {
    if (previous === KIdentifier || previous === KCloseParenToken || previous === KCloseBracketToken || previous === KCloseBraceToken) return false;
    if (previous === KNumericLiteral || previous === KStringLiteral || previous === KBigIntLiteral || previous === KThisKeyword) return false;
    if (previous === KPlusPlusToken || previous === KMinusMinusToken || previous === KNoSubstitutionTemplateLiteral || previous === KTemplateTail) return false;
    return true;
  };

  const stringValue = (literal: string): string => {
    scanner.setText(literal);
    scanner.scan();
    const value = scanner.getTokenValue();
    scanner.setText('');
    return value;
  };

  const specifiers = (text: string): string[] => {
    scanner.setText(text);
    const found: string[] = [];
    let previous = KUnknown as TypeScriptModule.ts.SyntaxKind;
    let beforePrevious = KUnknown as TypeScriptModule.ts.SyntaxKind;
    let requireAfterDot = false;
    // Inside `import` / `export` up to `;`: a string right after `from` is the module's source.
    let moduleStatement = false;
    let braces = 0;
    // Brace depths at which a template literal's `${` was opened: its `}` resumes the template.
    const templates: number[] = [];
    for (let token = scanner.scan(); token !== KEndOfFileToken; token = scanner.scan()) {
      if ((token === KSlashToken || token === KSlashEqualsToken) && startsExpression(previous)) token = scanner.reScanSlashToken();
      if (token === KOpenBraceToken) braces++;
      if (token === KCloseBraceToken) {
        if (templates.at(-1) === braces) {
          templates.pop();
          token = scanner.reScanTemplateToken(false);
        } else braces--;
      }
      if (token === KTemplateHead || token === KTemplateMiddle) templates.push(braces);
      if (token === KStringLiteral) {
        const dynamic = previous === KOpenParenToken && beforePrevious === KImportKeyword;
        const requireCall = previous === KOpenParenToken && beforePrevious === KRequireKeyword && !requireAfterDot;
        if (!dynamic && (requireCall || (moduleStatement && previous === KFromKeyword) || previous === KImportKeyword)) found.push(scanner.getTokenValue());
      }
      if (token === KImportKeyword || token === KExportKeyword) moduleStatement = previous !== KDotToken;
      else if (token === KSemicolonToken) moduleStatement = false;
      if (token === KRequireKeyword) requireAfterDot = previous === KDotToken || previous === KQuestionDotToken;
      beforePrevious = previous;
      previous = token;
    }
    scanner.setText(''); // keep no file's text alive
    return found;
  };

  return { specifiers, stringValue };
}
