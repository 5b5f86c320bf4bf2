#!/usr/bin/env node
// Real on real: runs `lazify apply` on a temp copy of every installed package (or the ones
// named) and checks that the rewritten package still loads with the same export names.
// Not part of `npm test` (it takes about half an hour here); run after `npm run build`:
//   node scripts/apply-sweep.mjs                 # every package in node_modules
//   node scripts/apply-sweep.mjs zod ts-morph     # some of them
// One line per package (ok, no-change, refused, skip-unloadable, EXPORTS-CHANGED, BROKEN,
// CRASH, PLAN-DISAGREES: a finding the plan left out because the analysis lacks what the planner
// needs, so analyze and plan tell different stories), then counts. Exit code 1 when any package
// is EXPORTS-CHANGED, BROKEN, CRASH or PLAN-DISAGREES.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = join(repo, 'node_modules');

if (process.argv[2] === '--one') {
  process.stdout.write(`${JSON.stringify(await sweepOne(process.argv[3]))}\n`);
  process.exit(0);
}

const names = process.argv.slice(2);
const packages = names.length > 0 ? names : installedPackages();
const counts = new Map();
let failed = false;
for (const name of packages) {
  // Each package in its own process: a crash or a hang stays with that package.
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name], { encoding: 'utf8', timeout: 600_000 });
  const result = run.status === 0 ? JSON.parse(run.stdout) : { pkg: name, status: 'CRASH', detail: (run.stderr || `timed out or exit ${run.status}`).split('\n').slice(0, 3).join(' ') };
  counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
  if (/^[A-Z]/.test(result.status)) failed = true;
  console.log(`${result.status.padEnd(16)} ${result.pkg}${result.detail ? `  ${result.detail}` : ''}`);
}
console.log(`\n${packages.length} packages: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`);
process.exit(failed ? 1 : 0);

function installedPackages() {
  const found = [];
  for (const entry of readdirSync(modulesDir)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const scoped of readdirSync(join(modulesDir, entry))) found.push(`${entry}/${scoped}`);
    else found.push(entry);
  }
  return found.filter((name) => existsSync(join(modulesDir, name, 'package.json'))).sort();
}

/** Copies one package, loads it, applies, loads it again; returns { pkg, status, detail }. */
async function sweepOne(name) {
  const { apply } = await import(join(repo, 'dist/src/index.js'));
  const source = join(modulesDir, name);
  const dir = mkdtempSync(join(tmpdir(), 'lazify-sweep-'));
  const result = (status, detail = '') => ({ pkg: name, status, detail: String(detail).replace(/\s+/g, ' ').slice(0, 300) });
  try {
    cpSync(source, dir, { recursive: true, filter: (src) => !src.slice(source.length).split('/').includes('node_modules') });
    linkModules(dir, source, JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).name);
    const before = exportNames(dir);
    if (before.startsWith('ERR')) return result('skip-unloadable', before);
    let applied;
    try {
      applied = await apply(dir, { force: true });
    } catch (error) {
      if (error?.name === 'LazifyError') return result('refused', error.message);
      return result('CRASH', error?.stack ?? error);
    }
    // docs/json-schema.md: the codes of "the analysis lacks what the planner needs".
    const lacking = applied.skipped.filter((d) => ['no-facts', 'no-target', 'no-registry-shape', 'no-register-function'].includes(d.code));
    if (lacking.length > 0) return result('PLAN-DISAGREES', lacking.map((d) => `${d.finding}: ${d.message}`).join('; '));
    if (applied.changes.length === 0) return result('no-change');
    const after = exportNames(dir);
    const transforms = [...new Set(applied.plan.operations.map((o) => o.transform))].join(', ');
    if (after.startsWith('ERR')) return result('BROKEN', `${transforms}: ${after}`);
    if (after !== before) return result('EXPORTS-CHANGED', `${before.slice(0, 100)} -> ${after.slice(0, 100)}`);
    return result('ok', `${applied.changes.length} files (${transforms})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** node_modules of links: the repository's packages, overridden by the package's own nested ones. */
function linkModules(dir, source, ownName) {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const from of [modulesDir, join(source, 'node_modules')]) {
    if (!existsSync(from)) continue;
    for (const entry of readdirSync(from)) {
      if (entry.startsWith('.')) continue;
      const inner = entry.startsWith('@') ? readdirSync(join(from, entry)).map((s) => `${entry}/${s}`) : [entry];
      if (entry.startsWith('@')) mkdirSync(join(modules, entry), { recursive: true });
      for (const name of inner) {
        rmSync(join(modules, name), { force: true, recursive: true });
        symlinkSync(join(from, name), join(modules, name));
      }
    }
  }
  if (ownName) rmSync(join(modules, ownName), { force: true, recursive: true });
}

/** The package's export names as JSON, loaded in a fresh node (require, or import for ES modules), or `ERR ...`. */
function exportNames(dir) {
  const script = `
    (async () => {
      let m;
      try { m = require(${JSON.stringify(dir)}); }
      catch (e) { if (e.code !== 'ERR_REQUIRE_ESM' && e.code !== 'ERR_REQUIRE_ASYNC_MODULE') throw e; m = await import(${JSON.stringify(dir)}); }
      process.stdout.write(JSON.stringify(Object.keys(m ?? {}).sort()));
    })().catch((e) => process.stdout.write('ERR ' + (e.code ?? '') + ' ' + String(e.message).split('\\n')[0]));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return (run.stdout || '').trim() || `ERR exit ${run.status} ${(run.stderr || '').split('\n').find((l) => /Error/.test(l)) ?? ''}`;
}
