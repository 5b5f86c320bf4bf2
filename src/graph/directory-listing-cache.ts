import { readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Answers "does this file / directory exist" from one `readdir` per directory instead of a
 * `stat` per probe. Module resolution probes many candidates (`x.ts`, `x.tsx`, `x.d.ts`,
 * `x/index.ts`...) and files of a project share directories, so this turns tens of
 * thousands of stats into a few hundred directory reads. Valid for one analysis: the
 * analysed project is not expected to change while it runs.
 */
export class DirectoryListingCache {
  private readonly listings = new Map<string, { files: Set<string>; dirs: Set<string> } | null>();

  fileExists = (path: string): boolean => this.listing(dirname(path))?.files.has(basename(path)) ?? false;

  directoryExists = (path: string): boolean => {
    const parent = dirname(path);
    if (parent === path) return true; // the file system root
    return this.listing(parent)?.dirs.has(basename(path)) ?? false;
  };

  private listing(dir: string): { files: Set<string>; dirs: Set<string> } | null {
    let listing = this.listings.get(dir);
    if (listing !== undefined) return listing;
    try {
      const files = new Set<string>();
      const dirs = new Set<string>();
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isFile()) files.add(entry.name);
        else if (entry.isDirectory()) dirs.add(entry.name);
        else if (entry.isSymbolicLink()) {
          // A link counts as what it points to; a dangling one as nothing.
          try {
            const target = statSync(`${dir}/${entry.name}`);
            if (target.isFile()) files.add(entry.name);
            else if (target.isDirectory()) dirs.add(entry.name);
          } catch {
            // dangling
          }
        }
      }
      listing = { files, dirs };
    } catch {
      listing = null;
    }
    this.listings.set(dir, listing);
    return listing;
  }
}
