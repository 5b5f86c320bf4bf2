// Runs the whole analysis (project, graph, cost, facts, findings) over every installed package
// that has an entry: real-world code in every shape (minified bundles, UMD, odd exports maps,
// huge files). Nothing may throw except a LazifyError for a package whose declared entry is
// missing; problems inside packages must come back as diagnostics. In-process, one pass.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { isLazifyError } from '../../src/diagnostics/diagnostic.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { repoRoot } from '../helpers/copy-fixture.js';

/** Package dirs directly under node_modules (scoped ones one level down), that declare or have an entry. */
function installedPackages(nodeModules: string): string[] {
  const dirs: string[] = [];
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(nodeModules, name))) dirs.push(join(nodeModules, name, sub));
    } else dirs.push(join(nodeModules, name));
  }
  return dirs.filter((dir) => {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) return false;
    try {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      return Boolean(pkg.main || pkg.exports || pkg.module || existsSync(join(dir, 'index.js')));
    } catch {
      return false;
    }
  });
}

test('analyze does not throw on any installed package', () => {
  const packages = installedPackages(join(repoRoot, 'node_modules'));
  assert.ok(packages.length > 100, `expected the repository's dependencies, found ${packages.length}`);
  const crashes: string[] = [];
  const userErrors: string[] = [];
  let modules = 0;
  let diagnostics = 0;
  const started = performance.now();
  for (const dir of packages) {
    try {
      const result = analyze(dir);
      modules += Object.keys(result.graph.modules).length;
      diagnostics += result.diagnostics.length;
    } catch (error) {
      if (isLazifyError(error)) userErrors.push(`${dir}: ${error.message}`);
      else crashes.push(`${dir}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `robustness: ${packages.length} packages, ${packages.length - crashes.length - userErrors.length} analysed, ` +
      `${userErrors.length} refused with a LazifyError, ${crashes.length} crashed; ${modules} modules, ${diagnostics} diagnostics, ${seconds} s`,
  );
  for (const line of userErrors) console.log(`  refused: ${line}`);
  assert.deepEqual(crashes, []);
  // A refusal is only right when the package's declared entry really is not there.
  for (const line of userErrors) assert.match(line, /does not exist|names no entry/);
});
