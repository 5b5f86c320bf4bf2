// What the package meter read of installed files is kept between analyses, outside the project,
// and used only while each file is still the one read: the sizes and what a file loads must be
// what reading it now would give.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { cacheDirFromEnvironment } from '../../src/project/cache-directory.cjs';
import { InstalledFileScans } from '../../src/graph/installed-file-scans.js';
import { LoadedBytesMeter, scannerIdentity } from '../../src/graph/measure-package-size.js';

/** An installed package of three files, and a cache directory, in a temp dir. */
function setUp(): { dir: string; pkg: string; cache: string; meter: (scans: InstalledFileScans) => LoadedBytesMeter } {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-scans-'));
  const pkg = join(dir, 'node_modules', 'pkg');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'index.js'), "require('./a');\n"); // 16 bytes
  writeFileSync(join(pkg, 'a.js'), 'module.exports = 1;\n'); // 20 bytes
  writeFileSync(join(pkg, 'b.js'), 'module.exports = 22;\n'); // 21 bytes
  const meter = (scans: InstalledFileScans) => new LoadedBytesMeter({ resolve: () => undefined, formatOf: () => 'commonjs' }, undefined, scans);
  return { dir, pkg, cache: join(dir, 'cache'), meter };
}

/** Opens the scans as an analysis starting `later` ms after now would (the files are then old enough to keep). */
const open = (root: string, cache: string | undefined, later = 10_000, scanner = 'scanner-1') => InstalledFileScans.open(root, cache, scanner, Date.now() + later);

test('a second analysis sizes the package the same from the kept scans, without the files read', () => {
  const { dir, pkg, cache, meter } = setUp();
  try {
    const first = open(dir, cache);
    assert.equal(meter(first).add('pkg', join(pkg, 'index.js')), 16 + 20);
    first.save();
    assert.equal(readdirSync(join(cache, 'installed-files')).length, 1, 'one cache file for the project');
    const second = open(dir, cache);
    assert.deepEqual(second.get(join(pkg, 'index.js'), statSync(join(pkg, 'index.js'))), { bytes: 16, specifiers: ['./a'] });
    const answered: string[] = [];
    const get = second.get.bind(second);
    second.get = (file, stats) => {
      const scan = get(file, stats);
      if (scan) answered.push(file);
      return scan;
    };
    assert.equal(meter(second).add('pkg', join(pkg, 'index.js')), 16 + 20);
    assert.deepEqual(answered, [join(pkg, 'index.js'), join(pkg, 'a.js')], 'both files answered from the kept scans');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with no cache directory nothing is kept or asked for: the files are read, and sized the same', () => {
  const { dir, pkg, meter } = setUp();
  try {
    const none = open(dir, undefined);
    assert.equal(none.keeps, false);
    assert.equal(open(dir, join(dir, 'cache')).keeps, true);
    let asked = 0;
    none.get = () => {
      asked += 1;
      return undefined;
    };
    none.set = () => {
      asked += 1;
    };
    assert.equal(meter(none).add('pkg', join(pkg, 'index.js')), 16 + 20);
    none.save();
    assert.equal(asked, 0, 'no kept scan is looked up or stored');
    assert.deepEqual(readdirSync(dir).sort(), ['node_modules'], 'no cache directory is made');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file changed since it was kept is read again: new text, even of the same size and modification time', () => {
  const { dir, pkg, cache, meter } = setUp();
  try {
    const first = open(dir, cache);
    meter(first).add('pkg', join(pkg, 'index.js'));
    first.save();
    const index = join(pkg, 'index.js');
    const before = statSync(index);
    writeFileSync(index, "require('./b');\n"); // same size
    utimesSync(index, before.atime, before.mtime); // same modification time, as npm's fixed dates give
    const second = open(dir, cache);
    assert.equal(second.get(index, statSync(index)), undefined, 'the change time moved: not the file that was scanned');
    assert.equal(meter(second).add('pkg', index), 16 + 21, 'loads b.js now');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files changed within two seconds of the analysis are not kept; scans of another scanner are not used', () => {
  const { dir, pkg, cache, meter } = setUp();
  try {
    const racy = open(dir, cache, 0);
    meter(racy).add('pkg', join(pkg, 'index.js'));
    racy.save();
    const index = join(pkg, 'index.js');
    assert.equal(open(dir, cache).get(index, statSync(index)), undefined);

    const kept = open(dir, cache);
    meter(kept).add('pkg', index);
    kept.save();
    assert.ok(open(dir, cache).get(index, statSync(index)));
    assert.equal(open(dir, cache, 10_000, 'scanner-2').get(index, statSync(index)), undefined);
    assert.equal(open(join(dir, 'elsewhere'), cache).get(index, statSync(index)), undefined, 'another project has its own file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a broken cache file reads as empty, and a cache that cannot be written is no error', () => {
  const { dir, pkg, cache, meter } = setUp();
  try {
    const first = open(dir, cache);
    meter(first).add('pkg', join(pkg, 'index.js'));
    first.save();
    const [name] = readdirSync(join(cache, 'installed-files'));
    writeFileSync(join(cache, 'installed-files', name!), '{"format":1,"scanner":"scanner-1","files":{"x":');
    const broken = open(dir, cache);
    assert.equal(meter(broken).add('pkg', join(pkg, 'index.js')), 16 + 20);
    broken.save();
    assert.ok(open(dir, cache).get(join(pkg, 'index.js'), statSync(join(pkg, 'index.js'))), 'rewritten whole');

    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the cache directory would be');
    const unwritable = open(dir, join(blocked, 'cache'));
    assert.equal(meter(unwritable).add('pkg', join(pkg, 'index.js')), 16 + 20);
    assert.doesNotThrow(() => unwritable.save());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the cache directory: LAZIFY_CACHE_DIR, else XDG_CACHE_HOME/lazify, else ~/.cache/lazify; none when disabled', () => {
  assert.equal(cacheDirFromEnvironment({ LAZIFY_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }), '/c');
  assert.equal(cacheDirFromEnvironment({ XDG_CACHE_HOME: '/x' }), '/x/lazify');
  assert.match(cacheDirFromEnvironment({})!, /[/\\]\.cache[/\\]lazify$/);
  assert.equal(cacheDirFromEnvironment({ LAZIFY_DISABLE_CACHE: '1', LAZIFY_CACHE_DIR: '/c' }), undefined);
  assert.equal(cacheDirFromEnvironment({ LAZIFY_DISABLE_CACHE: '0' }) !== undefined, true);
});

test('the scanner identity is a short hash, the same for every call', () => {
  assert.match(scannerIdentity(), /^[0-9a-f]{16}$/);
  assert.equal(scannerIdentity(), scannerIdentity());
});
