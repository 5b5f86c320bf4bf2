// Where Node's loader takes a specifier at runtime, for the files of installed packages (the
// files they load, for package sizes) and as the graph's fallback after TypeScript's lookup.
// enhanced-resolve with Node's conditions; no TypeScript, so that a worker measuring installed
// packages loads none (./measure-installed-files-in-parallel.ts).
import fs from 'node:fs';
import { dirname } from 'node:path';
import enhancedResolve from 'enhanced-resolve';
import type { ModuleFormat } from '../project/detect-module-format.js';
import { BareSpecifierScopes } from './bare-specifier-scopes.js';
import type { DirectoryListingCache } from './directory-listing-cache.js';
import { isRelativeSpecifier, relativeFileFromListings, type RelativeLookup } from './relative-file.js';

const RUNTIME_EXTENSIONS = ['.js', '.mjs', '.cjs', '.json', '.node', '.ts', '.tsx', '.mts', '.cts', '.jsx'];
/** Compiled TS writes `./x.js` for `./x.ts`. */
const EXTENSION_ALIAS = { '.js': ['.js', '.ts', '.tsx'], '.mjs': ['.mjs', '.mts'], '.cjs': ['.cjs', '.cts'] };
/** The relative lookups the resolvers below make, as the listings answer them first: a directory's `index` as written, then with each extension. */
export const RUNTIME_LOOKUP: RelativeLookup = {
  extensions: RUNTIME_EXTENSIONS,
  indexFiles: ['index', ...RUNTIME_EXTENSIONS.map((extension) => `index${extension}`)],
  extensionAlias: EXTENSION_ALIAS,
};

/**
 * Node's runtime lookup of a specifier, one resolver per module format, each made on its first
 * lookup: making one loads most of enhanced-resolve (about 15 ms), and a run after an edit that
 * changed no installed file needs none (relative specifiers are answered from the listings first).
 */
export class RuntimeFileResolver {
  private readonly runtime: Partial<Record<ModuleFormat, enhancedResolve.Resolver>> = {};
  private readonly bareScopes: BareSpecifierScopes;
  private readonly fileCache = new Map<string, string | undefined>();
  private readonly fileByScope = new Map<string, string | undefined>();
  private fileSystem?: enhancedResolve.CachedInputFileSystem;

  constructor(private readonly listings: DirectoryListingCache) {
    this.bareScopes = new BareSpecifierScopes(listings);
  }

  private resolverFor(format: ModuleFormat): enhancedResolve.Resolver {
    const made = this.runtime[format];
    if (made) return made;
    this.fileSystem ??= new enhancedResolve.CachedInputFileSystem(fs, 4000);
    return (this.runtime[format] = enhancedResolve.ResolverFactory.createResolver(runtimeResolveOptions(format, this.fileSystem)));
  }

  /**
   * The file `specifier` loads from directory `dir` as a `format` module; throws when none does.
   * A relative specifier is looked up in the directory listings first ({@link relativeFileFromListings}):
   * a JavaScript project's relative imports then make no resolver.
   */
  resolveFrom(dir: string, specifier: string, format: ModuleFormat): string | false {
    const relative = isRelativeSpecifier(specifier) ? relativeFileFromListings(this.listings, specifier, dir, RUNTIME_LOOKUP, false) : undefined;
    return relative ?? this.resolverFor(format).resolveSync({}, dir, specifier);
  }

  /**
   * The file a specifier written in `fromFile` loads at runtime, or undefined when it does not
   * resolve. Cached per directory (the files of an installed package require the same few
   * specifiers over and over), and a package specifier once for all directories with the same
   * packages above them ({@link BareSpecifierScopes}).
   */
  resolve(specifier: string, fromFile: string, format: ModuleFormat): string | undefined {
    const dir = dirname(fromFile);
    const key = `${dir}\0${specifier}\0${format}`;
    if (this.fileCache.has(key)) return this.fileCache.get(key);
    const scope = isBareSpecifier(specifier) ? this.bareScopes.scopeOf(specifier, dir) : undefined;
    const scopeKey = scope === undefined ? undefined : `${scope}\0${specifier}\0${format}`;
    let file: string | undefined;
    if (scopeKey !== undefined && this.fileByScope.has(scopeKey)) file = this.fileByScope.get(scopeKey);
    else {
      try {
        file = this.resolveFrom(dir, specifier, format) || undefined;
      } catch {
        file = undefined; // the package is there; a missing subpath still counts as the package
      }
      if (scopeKey !== undefined) this.fileByScope.set(scopeKey, file);
    }
    this.fileCache.set(key, file);
    return file;
  }
}

/** enhanced-resolve's options for Node's runtime lookup as a `format` module (the extensions and aliases of {@link RUNTIME_LOOKUP}). */
export function runtimeResolveOptions(format: ModuleFormat, fileSystem: enhancedResolve.CachedInputFileSystem): enhancedResolve.ResolveOptions {
  return {
    fileSystem,
    useSyncFileSystemCalls: true,
    conditionNames: format === 'esm' ? ['node', 'import', 'default'] : ['node', 'require', 'default'],
    extensions: RUNTIME_EXTENSIONS,
    extensionAlias: EXTENSION_ALIAS,
    mainFields: ['main'],
    symlinks: false,
  };
}

/** Whether a specifier names a package (not a path, a URL or a `#import`). */
export function isBareSpecifier(specifier: string): boolean {
  return !/^(\.{1,2}(\/|$)|\/|#|[a-zA-Z]:[\\/]|file:)/.test(specifier);
}
