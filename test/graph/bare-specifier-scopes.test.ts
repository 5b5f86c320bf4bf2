import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { BareSpecifierScopes } from '../../src/graph/bare-specifier-scopes.js';
import { DirectoryListingCache } from '../../src/graph/directory-listing-cache.js';
import { ImportResolver } from '../../src/graph/resolve-import.js';

/** Writes `files` (path -> text) under a fresh temp dir; returns its path. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-scopes-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const layout = {
  'node_modules/dep/package.json': '{"name":"dep","main":"index.js"}',
  'node_modules/dep/index.js': '',
  // a second copy of dep, nested under the package that depends on that version
  'node_modules/old-user/package.json': '{"name":"old-user"}',
  'node_modules/old-user/lib/a.js': '',
  'node_modules/old-user/node_modules/dep/package.json': '{"name":"dep","main":"old.js"}',
  'node_modules/old-user/node_modules/dep/old.js': '',
  'node_modules/user-a/package.json': '{"name":"user-a"}',
  'node_modules/user-a/lib/a.js': '',
  'node_modules/user-b/package.json': '{"name":"user-b"}',
  'node_modules/user-b/dist/deep/b.js': '',
  // a package requiring itself by name: its exports, not the copy in node_modules
  'node_modules/self/package.json': '{"name":"dep","exports":{".":"./self.js","./sub":"./sub.js"}}',
  'node_modules/self/self.js': '',
  'node_modules/self/sub.js': '',
  'node_modules/self/lib/c.js': '',
  'node_modules/broken/package.json': '{ not json',
  'node_modules/broken/d.js': '',
};

test('directories with the same node_modules folders above them share a scope; a nested node_modules, a self-reference or an unreadable package.json do not', () => {
  const root = tree(layout);
  try {
    const scopes = new BareSpecifierScopes(new DirectoryListingCache());
    const nm = join(root, 'node_modules');
    const a = scopes.scopeOf('dep', join(nm, 'user-a/lib'));
    assert.notEqual(a, undefined);
    assert.equal(scopes.scopeOf('dep', join(nm, 'user-b/dist/deep')), a);
    assert.notEqual(scopes.scopeOf('dep', join(nm, 'old-user/lib')), a);
    assert.equal(scopes.scopeOf('dep', join(nm, 'self/lib')), undefined, 'self-reference by the package.json name');
    assert.equal(scopes.scopeOf('dep/sub', join(nm, 'self/lib')), undefined);
    assert.notEqual(scopes.scopeOf('depx', join(nm, 'self/lib')), undefined, 'only the name itself or a subpath of it');
    assert.equal(scopes.scopeOf('dep', join(nm, 'broken')), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('resolveExternalFile answers each directory as enhanced-resolve would, whichever directory asked first', () => {
  const root = tree(layout);
  try {
    const nm = join(root, 'node_modules');
    const from = (dir: string) => join(nm, dir, 'x.js');
    const expected: [string, string, string | undefined][] = [
      ['user-a/lib', 'dep', join(nm, 'dep/index.js')],
      ['old-user/lib', 'dep', join(nm, 'old-user/node_modules/dep/old.js')],
      ['user-b/dist/deep', 'dep', join(nm, 'dep/index.js')],
      ['self/lib', 'dep', join(nm, 'self/self.js')],
      ['self/lib', 'dep/sub', join(nm, 'self/sub.js')],
      ['user-a/lib', 'dep/sub', undefined],
      ['old-user', 'dep', join(nm, 'old-user/node_modules/dep/old.js')],
    ];
    for (const order of [expected, [...expected].reverse()]) {
      const resolver = new ImportResolver({});
      for (const [dir, specifier, file] of order) assert.equal(resolver.resolveExternalFile(specifier, from(dir), 'commonjs'), file, `${specifier} from ${dir}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
