// Directories above the project root are asked about one entry at a time, never listed, with the
// same answers a listing gives.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { DirectoryListingCache } from '../../src/graph/directory-listing-cache.js';
import { recordFileReads } from '../../src/project/record-file-reads.js';

test('entries of directories above the root are stat\'ed, not listed, and answer as a listing would', () => {
  const top = mkdtempSync(join(tmpdir(), 'lazify-listing-'));
  try {
    const root = join(top, 'project');
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(top, 'node_modules'));
    writeFileSync(join(top, 'package.json'), '{}');
    writeFileSync(join(root, 'src/a.ts'), '');
    symlinkSync(join(top, 'node_modules'), join(top, 'linked'));
    const probes = [join(top, 'node_modules'), join(top, 'package.json'), join(top, 'missing'), join(top, 'linked'), join(root, 'src'), join(root, 'src/a.ts'), join(root, 'src/b.ts')];
    const ask = (cache: DirectoryListingCache) => probes.map((p) => [cache.fileExists(p), cache.directoryExists(p), cache.isSymbolicLink(p)]);
    const rootedCache = new DirectoryListingCache(root);
    const { value: rooted, paths } = recordFileReads(() => ask(rootedCache));
    const plain = new DirectoryListingCache();
    assert.deepEqual(rooted, ask(plain));
    assert.deepEqual([rootedCache.isListable(top), rootedCache.isListable(root)], [plain.isListable(top), plain.isListable(root)]);
    assert.ok(!paths.has(top), 'the directory above the root was not listed');
    assert.ok(paths.has(join(top, 'missing')), 'its entry was looked up on its own');
    assert.ok(paths.has(join(root, 'src')), 'directories under the root are listed');
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});
