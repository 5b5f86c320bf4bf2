// A manifest's loaders run once and call `require` once: the default export of a package goes
// through the `__esModule` interop, which reads the module up to three times when written as
// one expression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestLayout, renderManifest } from '../../transforms/registry-to-manifest/render-manifest.js';
import type { RegistryToManifestOptions } from '../../transforms/registry-to-manifest/options.js';
import type { LoaderSyntax, ModuleFormat } from '../../transforms/shared-lazy-loading/lazy-reference.js';

const entries = [
  { key: 'openai', source: { module: 'openai', imported: 'default', typeOnly: false } },
  { key: 'local', source: { module: './local', imported: 'default', typeOnly: false } },
  { key: 'named', source: { module: './named', imported: 'Named', typeOnly: false } },
];

function options(manifest: string, moduleFormat: ModuleFormat): RegistryToManifestOptions {
  return { shape: 'object-map', registry: 'PROVIDERS', file: manifest.replace('.manifest', ''), manifest, moduleFormat };
}

/** Runs a CommonJS manifest with a `require` that counts its calls per module. */
function runManifest(source: string, modules: Record<string, unknown>) {
  const calls: Record<string, number> = {};
  const require = (spec: string) => {
    calls[spec] = (calls[spec] ?? 0) + 1;
    return modules[spec];
  };
  const exports: Record<string, any> = {};
  new Function('require', 'exports', source)(require, exports);
  return { manifest: exports.PROVIDERS_MANIFEST, calls };
}

for (const syntax of ['es2015', 'es5'] as LoaderSyntax[]) {
  test(`${syntax} manifest: loaders call require once per module, however often they are called`, () => {
    const source = renderManifest(entries, options('lib/providers.manifest.js', 'cjs'), syntax);
    const OpenAI = class {};
    const { manifest, calls } = runManifest(source, { openai: { __esModule: true, default: OpenAI }, './local': { default: 'L' }, './named': { Named: 'N' } });
    for (let i = 0; i < 3; i++) {
      assert.equal(manifest.openai.load(), OpenAI);
      assert.equal(manifest.local.load(), 'L');
      assert.equal(manifest.named.load(), 'N');
    }
    assert.deepEqual(calls, { openai: 1, './local': 1, './named': 1 });
    if (syntax === 'es5') assert.doesNotMatch(source, /=>|\bconst\b|\blet\b/);
  });
}

test('a CommonJS package without __esModule loads as the whole module, still with one require', () => {
  const legacy = { create: () => 'x' };
  const { manifest, calls } = runManifest(renderManifest(entries.slice(0, 1), options('lib/providers.manifest.js', 'cjs')), { openai: legacy });
  assert.equal(manifest.openai.load(), legacy);
  assert.deepEqual(calls, { openai: 1 });
});

test('TypeScript and esm-require manifests write one require per loader too', () => {
  for (const [manifest, format] of [['src/providers.manifest.ts', 'cjs'], ['src/providers.manifest.ts', 'esm-require'], ['lib/providers.manifest.js', 'esm-require']] as const) {
    const source = renderManifest(entries.slice(0, 1), options(manifest, format));
    const entry = source.slice(source.indexOf('openai: {'), source.indexOf('\n  },', source.indexOf('openai: {')) + 1 || undefined);
    assert.equal(entry.match(/require\(/g)?.length, 1, `${manifest} ${format}: ${entry}`);
  }
});

test('an entry wider than the registry file\'s lines is written one field a line, in its indentation', () => {
  const wide = renderManifest(entries, options('src/providers.manifest.ts', 'cjs'), 'es2015', manifestLayout('const a = 1;\n'));
  assert.match(wide, /^  openai: \{\n    module: 'openai',\n    export: 'default',\n    load: once\(.*\),\n  \},$/m);
  // One layout for the whole manifest: the short entries are wrapped with the wide one.
  assert.match(wide, /^  named: \{\n    module: '\.\/named',$/m);
  const tabs = renderManifest(entries, options('src/providers.manifest.ts', 'cjs'), 'es2015', manifestLayout('function f() {\n\treturn {\n\t\ta: 1,\n\t}\n}\n'));
  assert.match(tabs, /^\topenai: \{\n\t\tmodule: 'openai',\n\t\texport: 'default',\n\t\tload: once\(.*\),\n\t\},$/m);
  // A file whose own lines are that long keeps each entry on one line.
  const longLines = `${'// '.padEnd(300, 'x')}\n`.repeat(3);
  const narrow = renderManifest(entries, options('src/providers.manifest.ts', 'cjs'), 'es2015', manifestLayout(longLines));
  assert.match(narrow, /^  openai: \{ module: 'openai', export: 'default', load: once\(.*\) \},$/m);
  // Entries that all fit stay on one line each.
  const js = renderManifest(entries.slice(1), options('lib/providers.manifest.js', 'cjs'), 'es2015', manifestLayout('const a = 1;\n'));
  assert.match(js, /^  named: \{ module: '\.\/named', export: 'Named', load: once\(\(\) => require\('\.\/named'\)\.Named\) \},$/m);
});
