// The listings' answer to a relative specifier is the full resolver's, whenever the listings
// give one: enhanced-resolve with the runtime options (the graph's fallback), and Node's own
// require() for installed files. Each layout below is one branch of the lookup, and the
// listings must answer the common ones, or the fast path would be a path never taken.
import assert from 'node:assert/strict';
import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import enhancedResolve from 'enhanced-resolve';
import { DirectoryListingCache } from '../../src/graph/directory-listing-cache.js';
import { NODE_LOOKUP, relativeFileFromListings } from '../../src/graph/relative-file.js';
import { RUNTIME_LOOKUP, runtimeResolveOptions, RuntimeFileResolver } from '../../src/graph/resolve-runtime-file.js';

const FILES: Record<string, string> = {
  'a/x.js': '',
  'a/y': '',
  'a/y.js': '',
  'a/z.mjs': '',
  'a/w.json': '{}',
  'a/w.mjs': '',
  'a/dir/index.js': '',
  'a/main-dir/package.json': JSON.stringify({ main: 'main.js' }),
  'a/main-dir/index.js': '',
  'a/main-dir/main.js': '',
  'a/both.js': '',
  'a/both/index.js': '',
  'a/t.ts': '',
  'a/u.js': '',
  'a/u.ts': '',
  'a/m.mjs': '',
  'a/c.cjs': '',
  'a/bare-index/index': '',
  'a/bare-index/index.js': '',
  'a/ts-index/index.ts': '',
  'a/sub/index.js': '',
  'a/sub/deeper/k.js': '',
  'a/.hidden.js': '',
  'a/data.json': '{}',
  'a/dotted.name.js': '',
  'a/dir.js/index.js': '',
};

/** Specifiers written in a file of `a/` (or of `a/sub/deeper/` for the `../` ones). */
const FROM_A = [
  './x', './x.js', './y', './z', './w', './dir', './main-dir', './both', './t.js', './t', './u.js', './m.mjs', './m',
  './c.cjs', './bare-index', './ts-index', './sub', './.hidden', './data.json', './data', './dotted.name', './dir.js',
  './missing', './missing.js', './dir/', './x.js?query', './x.js#fragment', '.',
];
const FROM_DEEPER = ['..', '../', '../..', '../../x', '../../dir/index', '../deeper/k'];

function withTree(run: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'lazify-relative-'));
  try {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function cases(root: string): Array<[dir: string, specifier: string]> {
  return [...FROM_A.map((s): [string, string] => [join(root, 'a'), s]), ...FROM_DEEPER.map((s): [string, string] => [join(root, 'a/sub/deeper'), s])];
}

function fullResolve(resolver: enhancedResolve.Resolver, dir: string, specifier: string): string | undefined {
  try {
    return resolver.resolveSync({}, dir, specifier) || undefined;
  } catch {
    return undefined;
  }
}

test("the listings' answer is enhanced-resolve's with the runtime options, in both formats, and they answer the common cases", () => {
  withTree((root) => {
    const fileSystem = new enhancedResolve.CachedInputFileSystem(fs, 4000);
    const answered: string[] = [];
    for (const format of ['commonjs', 'esm'] as const) {
      const full = enhancedResolve.ResolverFactory.createResolver(runtimeResolveOptions(format, fileSystem));
      const listings = new DirectoryListingCache(root);
      for (const [dir, specifier] of cases(root)) {
        const fast = relativeFileFromListings(listings, specifier, dir, RUNTIME_LOOKUP, false);
        if (fast === undefined) continue;
        assert.equal(fast, fullResolve(full, dir, specifier), `${format}: '${specifier}' from ${dir.slice(root.length)}`);
        if (format === 'commonjs') answered.push(`${dir.slice(root.length + 1)} ${specifier} -> ${fast.slice(root.length + 1)}`);
      }
    }
    assert.deepEqual(answered, [
      'a ./x -> a/x.js',
      'a ./x.js -> a/x.js',
      'a ./y -> a/y',
      'a ./z -> a/z.mjs',
      'a ./w -> a/w.mjs',
      'a ./dir -> a/dir/index.js',
      'a ./both -> a/both.js',
      'a ./t -> a/t.ts',
      'a ./u.js -> a/u.js',
      'a ./m.mjs -> a/m.mjs',
      'a ./m -> a/m.mjs',
      'a ./c.cjs -> a/c.cjs',
      'a ./bare-index -> a/bare-index/index',
      'a ./ts-index -> a/ts-index/index.ts',
      'a ./sub -> a/sub/index.js',
      'a ./.hidden -> a/.hidden.js',
      'a ./data.json -> a/data.json',
      'a ./data -> a/data.json',
      'a ./dotted.name -> a/dotted.name.js',
      'a/sub/deeper .. -> a/sub/index.js',
      'a/sub/deeper ../../x -> a/x.js',
      'a/sub/deeper ../../dir/index -> a/dir/index.js',
      'a/sub/deeper ../deeper/k -> a/sub/deeper/k.js',
    ]);
  });
});

test("for installed files, the listings' answer is Node's require()", () => {
  withTree((root) => {
    const listings = new DirectoryListingCache(root);
    const answered: string[] = [];
    for (const [dir, specifier] of cases(root)) {
      const fast = relativeFileFromListings(listings, specifier, dir, NODE_LOOKUP, false);
      if (fast === undefined) continue;
      assert.equal(fast, createRequire(join(dir, 'from.js')).resolve(specifier), `'${specifier}' from ${dir.slice(root.length)}`);
      answered.push(specifier);
    }
    assert.deepEqual(answered, [
      './x', './x.js', './y', './w', './dir', './both', './u.js', './m.mjs', './c.cjs', './bare-index', './sub', './.hidden', './data.json', './data',
      './dotted.name', './dir.js', '..', '../../x', '../../dir/index', '../deeper/k',
    ]);
    // ES modules: the file as written only.
    assert.equal(relativeFileFromListings(listings, './x', join(root, 'a'), NODE_LOOKUP, true), undefined);
    assert.equal(relativeFileFromListings(listings, './x.js', join(root, 'a'), NODE_LOOKUP, true), join(root, 'a/x.js'));
  });
});

test('the runtime lookup answers from the listings where they can, and from enhanced-resolve where they cannot', () => {
  withTree((root) => {
    const resolver = new RuntimeFileResolver(new DirectoryListingCache(root));
    assert.equal(resolver.resolveFrom(join(root, 'a'), './dir', 'commonjs'), join(root, 'a/dir/index.js'));
    // A directory's package.json names its main file; `./t.js` is `t.ts`.
    assert.equal(resolver.resolveFrom(join(root, 'a'), './main-dir', 'commonjs'), join(root, 'a/main-dir/main.js'));
    assert.equal(resolver.resolveFrom(join(root, 'a'), './t.js', 'esm'), join(root, 'a/t.ts'));
  });
});
