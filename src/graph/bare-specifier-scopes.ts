import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DirectoryListingCache } from './directory-listing-cache.js';

/**
 * Which directories resolve a package specifier (`pkg`, `@scope/pkg/sub`) alike. Node and
 * enhanced-resolve first try a self-reference (the nearest package.json, when it has `exports`
 * and names the package), then look in the `node_modules` folder of the importing directory and
 * of each one above it, in order, the first that has the file winning. So two directories with
 * the same existing `node_modules` folders above them, and no self-reference, resolve a package
 * specifier to the same file. The files of an installed package tree require the same few
 * specifiers (`tslib`, `@smithy/core/protocols`) from hundreds of directories: one resolution
 * serves them all. Answers come from the caller's directory listings; valid for one analysis.
 */
export class BareSpecifierScopes {
  private readonly chains = new Map<string, string>();
  /** Per directory: the name its nearest package.json offers for self-reference; null when unknown. */
  private readonly selfNames = new Map<string, string | null | undefined>();

  constructor(private readonly listings: DirectoryListingCache) {}

  /**
   * A key equal for every directory that resolves `specifier` as `dir` does, or undefined when
   * the answer may depend on `dir` itself (a self-reference, or a package.json it cannot read).
   */
  scopeOf(specifier: string, dir: string): string | undefined {
    const self = this.selfReferenceName(dir);
    if (self === null) return undefined;
    if (self !== undefined && specifier.startsWith(self) && (specifier.length === self.length || specifier[self.length] === '/')) return undefined;
    return this.nodeModulesChain(dir);
  }

  /** The existing `node_modules` directories of `dir` and every directory above it, nearest first. */
  private nodeModulesChain(dir: string): string {
    let chain = this.chains.get(dir);
    if (chain !== undefined) return chain;
    const parent = dirname(dir);
    const above = parent === dir ? '' : this.nodeModulesChain(parent);
    const own = join(dir, 'node_modules');
    chain = this.listings.directoryExists(own) ? `${own}\0${above}` : above;
    this.chains.set(dir, chain);
    return chain;
  }

  /**
   * The package name a bare specifier from `dir` may self-reference: `name` of the nearest
   * package.json above it when it has `exports` (enhanced-resolve's rule), undefined when there
   * is none, null when a package.json there cannot be read as JSON (then nothing is shared).
   */
  private selfReferenceName(dir: string): string | null | undefined {
    if (this.selfNames.has(dir)) return this.selfNames.get(dir);
    let name: string | null | undefined;
    const manifest = join(dir, 'package.json');
    if (!this.listings.isListable(dir)) name = null;
    else if (this.listings.fileExists(manifest)) {
      try {
        const data: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
        if (!data || typeof data !== 'object') name = null;
        else {
          const { exports, name: declared } = data as { exports?: unknown; name?: unknown };
          name = exports && typeof declared === 'string' ? declared : undefined;
        }
      } catch {
        name = null;
      }
    } else {
      const parent = dirname(dir);
      name = parent === dir ? undefined : this.selfReferenceName(parent);
    }
    this.selfNames.set(dir, name);
    return name;
  }
}
