import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Answers "does this file / directory exist" from one `readdir` per directory instead of a
 * `stat` per probe. Module resolution probes many candidates (`x.ts`, `x.tsx`, `x.d.ts`,
 * `x/index.ts`...) and files of a project share directories, so this turns tens of
 * thousands of stats into a few hundred directory reads. Valid for one analysis: the
 * analysed project is not expected to change while it runs.
 */
export class DirectoryListingCache {
  private readonly listings = new Map<string, Listing | null>();
  /**
   * The directories above the project root. Their entries are stat'ed one by one, not listed:
   * resolution asks them only for `node_modules` and `package.json` as it walks up, and a listing
   * of `/tmp` or a home directory would tie what an analysis read to every file created there
   * (src/pipeline/kept-analyses.ts keeps an analysis only while what it read is unchanged).
   */
  private readonly above: Set<string>;

  constructor(root?: string) {
    this.above = new Set();
    for (let dir = root && dirname(root); dir && !this.above.has(dir); dir = dirname(dir)) this.above.add(dir);
  }

  fileExists = (path: string): boolean => this.fileIn(dirname(path), basename(path));

  /** {@link fileExists} of `${dir}/${name}`, for a caller that has the two apart (no path to split). */
  fileIn(dir: string, name: string): boolean {
    if (this.above.has(dir)) return statOrUndefined(join(dir, name))?.isFile() ?? false;
    return this.listing(dir)?.files.has(name) ?? false;
  }

  directoryExists = (path: string): boolean => {
    const parent = dirname(path);
    if (parent === path) return true; // the file system root
    if (this.above.has(parent)) return statOrUndefined(path)?.isDirectory() ?? false;
    return this.listing(parent)?.dirs.has(basename(path)) ?? false;
  };

  /**
   * Whether `path` is a symbolic link, from its directory's listing. False when the directory
   * cannot be read: callers that must be sure fall back to `realpath`.
   */
  isSymbolicLink = (path: string): boolean => {
    const dir = dirname(path);
    if (this.above.has(dir)) return statOrUndefined(path, lstatSync)?.isSymbolicLink() ?? false;
    return this.listing(dir)?.links.has(basename(path)) ?? false;
  };

  /** Whether the directory could be listed (so `isSymbolicLink` answers for its entries). */
  isListable = (dir: string): boolean => (this.above.has(dir) ? (statOrUndefined(dir)?.isDirectory() ?? false) : this.listing(dir) !== null);

  private listing(dir: string): Listing | null {
    let listing = this.listings.get(dir);
    if (listing !== undefined) return listing;
    try {
      const files = new Set<string>();
      const dirs = new Set<string>();
      const links = new Set<string>();
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isFile()) files.add(entry.name);
        else if (entry.isDirectory()) dirs.add(entry.name);
        else if (entry.isSymbolicLink()) {
          links.add(entry.name);
          // A link counts as what it points to; a dangling one as nothing.
          try {
            const target = statSync(`${dir}/${entry.name}`);
            if (target.isFile()) files.add(entry.name);
            else if (target.isDirectory()) dirs.add(entry.name);
          } catch {
            // dangling
          }
        } else links.add(entry.name); // unknown entry type: treat as a link so callers check it the slow way
      }
      listing = { files, dirs, links };
    } catch {
      listing = null;
    }
    this.listings.set(dir, listing);
    return listing;
  }
}

interface Listing {
  files: Set<string>;
  dirs: Set<string>;
  /** Symbolic links, and entries of unknown type, by name. */
  links: Set<string>;
}

/** What `path` stats as, undefined when it does not exist or cannot be reached. */
function statOrUndefined(path: string, stat: typeof statSync | typeof lstatSync = statSync): Stats | undefined {
  try {
    return stat(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
