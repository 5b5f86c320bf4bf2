// Installable under its name: the tarball `npm pack` makes (from the current build: run
// `npm run build` first) installs into an empty project and its `lazify` bin runs there. It
// ships the docs the README names, and every source map in it points at files it ships.
// Dependencies come from npm's cache when they are there (--prefer-offline).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from '../helpers/copy-fixture.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const work = mkdtempSync(join(tmpdir(), 'lazify-pack-'));
const host = join(work, 'host');
let installed = '';
after(() => rmSync(work, { recursive: true, force: true }));

before(() => {
  // --ignore-scripts: pack what is built now (no prepack rebuild inside a test).
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8' })) as Array<{ filename: string }>;
  const tarball = join(work, packed[0]!.filename);
  mkdirSync(host);
  writeFileSync(join(host, 'package.json'), '{"name":"host","version":"9.9.9","private":true}\n');
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', tarball], { cwd: host, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  installed = join(host, 'node_modules', manifest.name);
});

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

test('the package is not called lazify (an unrelated package owns that name on npm) and keeps the lazify bin', () => {
  assert.notEqual(manifest.name, 'lazify');
  assert.deepEqual(Object.keys(manifest.bin), ['lazify']);
  assert.ok(existsSync(installed), `installed as node_modules/${manifest.name}`);
});

test("the installed bin runs in an empty project: its own version, help, and analyze on a tiny package", () => {
  const bin = join(host, 'node_modules/.bin/lazify');
  const version = spawnSync(bin, ['--version'], { cwd: host, encoding: 'utf8' });
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), manifest.version, "lazify's version, not the host's 9.9.9");
  const help = spawnSync(bin, ['--help'], { cwd: host, encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /lazify analyze/);
  mkdirSync(join(host, 'lib'));
  writeFileSync(join(host, 'lib/index.js'), "const helpers = require('./helpers');\nmodule.exports = { run: () => helpers.work() };\n");
  writeFileSync(join(host, 'lib/helpers.js'), "exports.work = () => 42;\n");
  writeFileSync(join(host, 'package.json'), '{"name":"host","version":"9.9.9","private":true,"main":"lib/index.js"}\n');
  const analyzed = spawnSync(bin, ['analyze', '--format', 'json'], { cwd: host, encoding: 'utf8' });
  assert.equal(analyzed.status, 0, analyzed.stderr);
  const report = JSON.parse(analyzed.stdout) as { entry: string; modules: Array<{ id: string }> };
  assert.equal(report.entry, 'lib/index.js');
  assert.deepEqual(report.modules.map((m) => m.id).sort(), ['lib/helpers.js', 'lib/index.js']);
  const transforms = spawnSync(bin, ['transforms'], { cwd: host, encoding: 'utf8' });
  assert.equal(transforms.status, 0, transforms.stderr);
  assert.match(transforms.stdout, /registry-to-manifest/);
  // The config (its loader and validator are runtime dependencies) and check, as a user runs them.
  writeFileSync(join(host, 'lazify.config.json'), JSON.stringify({ $schema: `./node_modules/${manifest.name}/schema/lazify.config.schema.json`, budgets: { modules: 1 } }));
  const checked = spawnSync(bin, ['check', '--no-measure'], { cwd: host, encoding: 'utf8' });
  assert.equal(checked.status, 1, checked.stdout + checked.stderr);
  assert.match(checked.stdout, /modules at import +2 +1 +- +OVER budget/);
  assert.ok(existsSync(join(installed, 'schema/lazify.config.schema.json')), 'the schema $schema points at ships');
});

test('the package ships every doc the README names', () => {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const named = [...new Set([...readme.matchAll(/(?<![\w/.-])((?:[\w-]+\/)*[\w-]+\.md)\b/g)].map((m) => m[1]!))];
  assert.ok(named.includes('docs/json-schema.md'));
  assert.deepEqual(named.filter((doc) => !existsSync(join(installed, doc))), []);
});

test('every source map in the package points at files the package ships', () => {
  const files = filesUnder(installed);
  const maps = files.filter((file) => file.endsWith('.map'));
  assert.ok(maps.length > 0);
  const missing: string[] = [];
  for (const map of maps) {
    const { sources, sourceRoot } = JSON.parse(readFileSync(join(installed, map), 'utf8')) as { sources: string[]; sourceRoot?: string };
    for (const source of sources) {
      const path = resolve(join(installed, dirname(map)), sourceRoot ?? '', source);
      if (!existsSync(path) || !path.startsWith(installed)) missing.push(`${map} -> ${source}`);
    }
  }
  // And every sourceMappingURL comment names a map that is there.
  for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(installed, file), 'utf8'))?.[1];
    if (url && !url.startsWith('data:') && !existsSync(join(installed, dirname(file), url))) missing.push(`${file} -> ${url}`);
  }
  assert.deepEqual(missing, []);
});
