// A relative specifier's file, looked up in directory listings for the common cases, before a
// full resolver is asked: loading enhanced-resolve and making a resolver costs more than all the
// lookups of a small project (about 50 ms at every start of an analysis that needs one), and the
// relative imports of JavaScript code are most of what would need it. Where the listings cannot
// answer exactly as the full resolver would, the answer is undefined and the caller asks it.
import { dirname, extname, join } from 'node:path';
import type { DirectoryListingCache } from './directory-listing-cache.js';

/** How a resolver looks up a relative specifier. */
export interface RelativeLookup {
  /** Tried in order after the path as written (when the specifier is not fully specified). */
  extensions: readonly string[];
  /** A directory's files, tried in order when no file matched. */
  indexFiles: readonly string[];
  /** A written extension that stands for these, tried in order instead of the path as written (`.js` for `.ts`). */
  extensionAlias?: Readonly<Record<string, readonly string[]>>;
}

/** Node's own lookup, for installed files: CommonJS tries the extensions, then the directory's index; ES modules the file as written. */
export const NODE_LOOKUP: RelativeLookup = { extensions: ['.js', '.json', '.node'], indexFiles: ['index.js', 'index.json'] };

/** Whether `specifier` is relative (`./`, `../`, `.` or `..`): the specifiers {@link relativeFileFromListings} takes. */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^\.\.?(?:\/|$)/.test(specifier);
}

/**
 * The file a relative specifier names from directory `fromDir`, or undefined
 * when the full resolver must decide: a trailing slash, a query or fragment, a directory with a
 * package.json of its own (its `main` may name another file), an aliased extension whose
 * written file does not exist, or no file found. `fullySpecified`: only the path as written
 * (Node's ES modules).
 */
export function relativeFileFromListings(
  listings: DirectoryListingCache,
  specifier: string,
  fromDir: string,
  lookup: RelativeLookup,
  fullySpecified: boolean,
): string | undefined {
  if (specifier.endsWith('/') || specifier.includes('?') || specifier.includes('#')) return undefined;
  const path = join(fromDir, specifier);
  const dir = dirname(path);
  const name = path.slice(dir.length + (dir.endsWith('/') ? 0 : 1));
  const aliases = lookup.extensionAlias?.[extname(name)];
  // The written file answers when it is the first alias and exists; the others (`./x.js` for
  // `x.ts`) are the full resolver's to try, each with the extensions after it.
  if (aliases) return aliases[0] === extname(name) && listings.fileIn(dir, name) ? path : undefined;
  if (listings.fileIn(dir, name)) return path;
  if (fullySpecified) return undefined;
  for (const extension of lookup.extensions) if (listings.fileIn(dir, name + extension)) return path + extension;
  if (!listings.directoryExists(path) || listings.fileIn(path, 'package.json')) return undefined;
  const index = lookup.indexFiles.find((file) => listings.fileIn(path, file));
  return index === undefined ? undefined : join(path, index);
}
