// A package subpath costs what that subpath loads, measured on real installed packages (pinned in
// devDependencies): js-tiktoken/lite is the tokenizer without the ranks tables its main entry
// inlines, @google/generative-ai/server the file manager without the chat client.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import test from 'node:test';
import { LoadedBytesMeter } from '../../src/graph/measure-package-size.js';
import { ImportResolver } from '../../src/graph/resolve-import.js';
import type { ModuleFormat } from '../../src/project/detect-module-format.js';
import { ModuleFormatDetector } from '../../src/project/detect-module-format.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { repoRoot } from '../helpers/copy-fixture.js';

/** What one specifier, imported alone from the repository root, loads: its files and their bytes. */
function measure(specifier: string, format: ModuleFormat): { bytes: number; files: string[] } {
  const resolver = new ImportResolver({});
  const formats = new ModuleFormatDetector();
  const importer = join(repoRoot, format === 'esm' ? 'importer.mjs' : 'importer.cjs');
  const meter = new LoadedBytesMeter({ resolve: (s, from, f) => resolver.resolveExternalFile(s, from, f), formatOf: (file) => formats.formatOf(file) });
  const entry = resolver.resolveExternalFile(specifier, importer, format);
  assert.ok(entry, `${specifier} resolves from the repository`);
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  const bytes = meter.add(name, entry, specifier);
  const files = meter.filesOf(name, specifier).map((file) => relative(join(repoRoot, 'node_modules'), file));
  // The bytes are the files' sizes on disk, each once.
  assert.equal(bytes, meter.filesOf(name, specifier).reduce((sum, file) => sum + statSync(file).size, 0));
  return { bytes, files };
}

for (const format of ['esm', 'commonjs'] as const) {
  test(`${format}: js-tiktoken/lite counts its own files, far fewer bytes than js-tiktoken, and no ranks`, () => {
    const lite = measure('js-tiktoken/lite', format);
    const main = measure('js-tiktoken', format);
    console.log(`${format}: js-tiktoken/lite ${lite.bytes} B in ${lite.files.length} files, js-tiktoken ${main.bytes} B in ${main.files.length} files`);
    assert.ok(lite.bytes * 100 < main.bytes, `lite (${lite.bytes} B) is not far below the main entry (${main.bytes} B)`);
    assert.ok(lite.files.some((f) => /^js-tiktoken\/dist\/lite\.c?js$/.test(f)), `lite loads its own entry: ${lite.files.join(', ')}`);
    assert.deepEqual(lite.files.filter((f) => f.startsWith('js-tiktoken/dist/ranks/') || /^js-tiktoken\/dist\/index\.c?js$/.test(f)), []);
    assert.ok(main.files.some((f) => /^js-tiktoken\/dist\/index\.c?js$/.test(f)), `main loads the main entry: ${main.files.join(', ')}`);
  });

  test(`${format}: @google/generative-ai/server counts the server entry, not the main one`, () => {
    const server = measure('@google/generative-ai/server', format);
    const main = measure('@google/generative-ai', format);
    console.log(`${format}: @google/generative-ai/server ${server.bytes} B, @google/generative-ai ${main.bytes} B`);
    assert.ok(server.files.some((f) => f.startsWith('@google/generative-ai/dist/server/')), server.files.join(', '));
    assert.deepEqual(server.files.filter((f) => /^@google\/generative-ai\/dist\/index\.m?js$/.test(f)), []);
    assert.deepEqual(main.files.filter((f) => f.startsWith('@google/generative-ai/dist/server/')), []);
    assert.ok(server.bytes < main.bytes, `server (${server.bytes} B) is below main (${main.bytes} B)`);
  });
}

/** A temp ES module project whose node_modules is the repository's, with `files` (path -> text). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-subpath-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'subpath-probe', version: '1.0.0', type: 'module', main: 'index.js' }));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

test('graph: a gateway importing js-tiktoken/lite is charged what lite loads; with js-tiktoken too, the files both load count once', () => {
  const lite = measure('js-tiktoken/lite', 'esm');
  const main = measure('js-tiktoken', 'esm');
  const common = lite.files.filter((f) => main.files.includes(f));
  assert.ok(common.length > 0, 'lite and the main entry share the tokenizer chunk');
  const liteOnly = project({ 'index.js': "import { Tiktoken } from 'js-tiktoken/lite';\nexport const make = (ranks) => new Tiktoken(ranks);\n" });
  const both = project({
    'index.js': "import { Tiktoken } from 'js-tiktoken/lite';\nimport { count } from './count.js';\nexport const make = (ranks) => new Tiktoken(ranks);\nexport { count };\n",
    'count.js': "import { getEncoding } from 'js-tiktoken';\nexport function count(text) { return getEncoding('cl100k_base').encode(text).length; }\n",
  });
  try {
    const alone = analyze(liteOnly).graph.modules['js-tiktoken']!;
    assert.equal(alone.size, lite.bytes);
    assert.deepEqual(alone.loadedBy, [{ specifiers: ['js-tiktoken/lite'], bytes: lite.bytes }]);

    const result = analyze(both);
    const node = result.graph.modules['js-tiktoken']!;
    const union = new Set([...lite.files, ...main.files]);
    const commonBytes = common.reduce((sum, f) => sum + statSync(join(repoRoot, 'node_modules', f)).size, 0);
    assert.equal(node.size, lite.bytes + main.bytes - commonBytes, `the union of ${union.size} files, shared ones once`);
    assert.ok(node.size < lite.bytes + main.bytes);
    const shares = Object.fromEntries(node.loadedBy!.map((s) => [s.specifiers.join(' + '), s.bytes]));
    assert.deepEqual(shares, {
      'js-tiktoken': main.bytes - commonBytes,
      'js-tiktoken + js-tiktoken/lite': commonBytes,
      ...(lite.bytes > commonBytes ? { 'js-tiktoken/lite': lite.bytes - commonBytes } : {}),
    });
    // Still one node per package, the name its key: reports group by it as before.
    assert.deepEqual(Object.keys(result.graph.modules).filter((id) => id.startsWith('js-tiktoken')), ['js-tiktoken']);
  } finally {
    rmSync(liteOnly, { recursive: true, force: true });
    rmSync(both, { recursive: true, force: true });
  }
});

test('heavy-import: a side-effect import of js-tiktoken/lite that stays is not counted in what deferring js-tiktoken saves', () => {
  const dir = project({
    'index.js': "import 'js-tiktoken/lite';\nimport { getEncoding } from 'js-tiktoken';\nexport function count(text) { return getEncoding('cl100k_base').encode(text).length; }\n",
  });
  try {
    const lite = measure('js-tiktoken/lite', 'esm');
    const result = analyze(dir);
    const node = result.graph.modules['js-tiktoken']!;
    const finding = result.findings.find((f) => f.kind === 'heavy-import' && f.target === 'js-tiktoken');
    assert.ok(finding, JSON.stringify(result.findings.map((f) => f.id)));
    // What lite loads stays loaded: the saving is the package's bytes less those.
    assert.equal(finding.cost.exclusiveBytes, node.size - lite.bytes);
    assert.ok(finding.cost.exclusiveBytes > 0);
    assert.match(finding.message, /The side-effect import of js-tiktoken\/lite \(index\.js:1\) stays/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
