import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { ts } from '../project/typescript.cjs';
import type { ModuleFormat } from '../project/detect-module-format.js';
import { DirectoryListingCache } from './directory-listing-cache.js';
import { packageNameOf } from './package-name.js';
import { isBareSpecifier, RuntimeFileResolver } from './resolve-runtime-file.js';

/** Where a specifier leads. */
export type Resolution =
  | { kind: 'local'; file: string }
  | { kind: 'external'; name: string; packageDir: string; file?: string }
  | { kind: 'builtin'; id: string }
  | { kind: 'unresolved'; reason: string };

export interface ImportResolverOptions {
  /** Compiler options of the project (tsconfig), when it has one. */
  compilerOptions?: ts.CompilerOptions;
  /** Directory listings to share with the caller (one `readdir` per directory per analysis). */
  listings?: DirectoryListingCache;
}

const TS_FILE = /\.[cm]?tsx?$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/**
 * Resolves import specifiers with the resolvers the ecosystem keeps correct:
 * `ts.resolveModuleName` for TypeScript importers (tsconfig `paths`/`baseUrl`, `.js` written
 * for `.ts`, package `exports`), enhanced-resolve with Node's conditions for runtime paths
 * and JavaScript. External packages are not followed: they resolve to their package dir.
 */
export class ImportResolver {
  private readonly tsCache?: ts.ModuleResolutionCache;
  private readonly tsHost: ts.ModuleResolutionHost;
  private readonly runtime: RuntimeFileResolver;
  private readonly packageDirCache = new Map<string, string | undefined>();
  private readonly listings: DirectoryListingCache;

  constructor(private readonly options: ImportResolverOptions) {
    // No realpath: a symlink must stay visible so the graph can refuse to follow it out of the project.
    const listings = (this.listings = options.listings ?? new DirectoryListingCache());
    this.tsHost = {
      fileExists: listings.fileExists,
      readFile: ts.sys.readFile,
      directoryExists: listings.directoryExists,
      getCurrentDirectory: ts.sys.getCurrentDirectory,
    };
    if (options.compilerOptions) {
      this.tsCache = ts.createModuleResolutionCache(process.cwd(), (f) => f, options.compilerOptions);
    }
    this.runtime = new RuntimeFileResolver(listings);
  }

  private readonly cache = new Map<string, Resolution>();

  /**
   * Resolves `specifier` as `fromFile` would. Files of one directory resolve a specifier the
   * same way (for one format and language), so results are cached per directory.
   */
  resolve(specifier: string, fromFile: string, format: ModuleFormat): Resolution {
    const key = `${dirname(fromFile)}\0${specifier}\0${format}\0${TS_FILE.test(fromFile)}`;
    let resolution = this.cache.get(key);
    if (!resolution) {
      resolution = this.resolveUncached(specifier, fromFile, format);
      this.cache.set(key, resolution);
    }
    return resolution;
  }

  private resolveUncached(specifier: string, fromFile: string, format: ModuleFormat): Resolution {
    if (isBuiltin(specifier)) return { kind: 'builtin', id: specifier.startsWith('node:') ? specifier : `node:${specifier}` };
    const bare = isBareSpecifier(specifier);
    // An installed package needs no TypeScript resolution (which would go looking for its
    // types) unless tsconfig `paths` or `baseUrl` could map the name to a local file first.
    if (bare && !this.options.compilerOptions?.paths && !this.options.compilerOptions?.baseUrl) {
      const packageDir = this.findPackageDir(packageNameOf(specifier), dirname(fromFile));
      if (packageDir) return { kind: 'external', name: packageNameOf(specifier), packageDir };
    }
    if (this.options.compilerOptions && TS_FILE.test(fromFile)) {
      const local = this.resolveWithTypeScript(specifier, fromFile);
      if (local) return { kind: 'local', file: local };
    }
    if (bare) return this.resolveExternal(specifier, fromFile, format);
    try {
      const file = this.runtime.resolveFrom(dirname(fromFile), specifier, format);
      if (file) return insideNodeModules(file) ? this.externalFromFile(file) : { kind: 'local', file };
    } catch (error) {
      return { kind: 'unresolved', reason: firstLine(error) };
    }
    return { kind: 'unresolved', reason: 'no file found' };
  }

  /** A local source file TypeScript resolves to, or undefined to fall back to runtime resolution. */
  private resolveWithTypeScript(specifier: string, fromFile: string): string | undefined {
    const result = ts.resolveModuleName(specifier, fromFile, this.options.compilerOptions!, this.tsHost, this.tsCache);
    const resolved = result.resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport || insideNodeModules(resolved.resolvedFileName)) return undefined;
    const file = resolved.resolvedFileName;
    if (!DECLARATION_FILE.test(file)) return file;
    // A .d.ts has no runtime; the code that runs is the JavaScript beside it.
    const stem = file.replace(DECLARATION_FILE, '');
    for (const ext of ['.js', '.mjs', '.cjs']) {
      if (existsSync(stem + ext)) return stem + ext;
    }
    return undefined;
  }

  private resolveExternal(specifier: string, fromFile: string, format: ModuleFormat): Resolution {
    const name = packageNameOf(specifier);
    const packageDir = this.findPackageDir(name, dirname(fromFile));
    if (!packageDir) {
      // `#imports` and self-references can still resolve at runtime.
      try {
        const file = this.runtime.resolveFrom(dirname(fromFile), specifier, format);
        if (file && !insideNodeModules(file)) return { kind: 'local', file };
        if (file) return this.externalFromFile(file);
      } catch {
        // fall through to unresolved
      }
      return { kind: 'unresolved', reason: `package ${name} is not installed: npm install ${name}` };
    }
    return { kind: 'external', name, packageDir };
  }

  /**
   * The file a package specifier loads at runtime, for reports and package sizes; undefined
   * when it does not resolve ({@link RuntimeFileResolver.resolve}).
   */
  resolveExternalFile(specifier: string, fromFile: string, format: ModuleFormat): string | undefined {
    return this.runtime.resolve(specifier, fromFile, format);
  }

  private externalFromFile(file: string): Resolution {
    const index = file.lastIndexOf('/node_modules/');
    const rest = file.slice(index + '/node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return { kind: 'external', name, packageDir: file.slice(0, index + '/node_modules/'.length) + name, file };
  }

  /** Node's lookup: `node_modules/<name>` in the importer's dir and every dir above it. */
  private findPackageDir(name: string, fromDir: string): string | undefined {
    const key = `${fromDir}\0${name}`;
    if (this.packageDirCache.has(key)) return this.packageDirCache.get(key);
    let found: string | undefined;
    for (let dir = fromDir; ; dir = dirname(dir)) {
      if (!dir.endsWith('/node_modules')) {
        const candidate = join(dir, 'node_modules', name);
        if (this.listings.directoryExists(candidate)) {
          found = candidate;
          break;
        }
      }
      if (dirname(dir) === dir) break;
    }
    this.packageDirCache.set(key, found);
    return found;
  }
}

function insideNodeModules(file: string): boolean {
  return file.includes('/node_modules/');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
