// The split's output must compile, and the transform must run alone under the jscodeshift CLI
// with the same options and produce the same files lazify produces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/copy-fixture.js';
import { multiFileCases, runMultiFileCase } from './multi-file-cases.js';

const folder = join(repoRoot, 'transforms/god-module-to-focused-modules');
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
// Prints the entry's export names and what each function returns for a sample argument.
const loadEntry = `const m = require(process.cwd()); console.log(JSON.stringify(Object.keys(m).sort().map((k) => [k, typeof m[k] === 'function' ? m[k]('dir/Some File.json') : m[k]])))`;

function tempCopy(from: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lazify-split-int-'));
  cpSync(from, dir, { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

for (const c of multiFileCases(folder)) {
  test(`${c.name}: the case compiles (TypeScript) or loads with the same exports (JavaScript) before and after \`git apply expected.patch\``, () => {
    const { dir, cleanup } = tempCopy(c.before);
    const typescript = existsSync(join(dir, 'tsconfig.json'));
    // TypeScript cases must typecheck; JavaScript cases must load and export the same values.
    const check = () =>
      typescript
        ? spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' })
        : spawnSync(process.execPath, ['-e', loadEntry], { cwd: dir, encoding: 'utf8' });
    try {
      const before = check();
      assert.equal(before.status, 0, before.stdout + before.stderr);
      const applied = spawnSync('git', ['apply', '--verbose', join(c.dir, 'expected.patch')], { cwd: dir, encoding: 'utf8' });
      assert.equal(applied.status, 0, applied.stderr);
      const after = check();
      assert.equal(after.status, 0, after.stdout + after.stderr);
      assert.equal(after.stdout, before.stdout);
    } finally {
      cleanup();
    }
  });

  test(`${c.name}: \`npx jscodeshift -t transforms/god-module-to-focused-modules\` alone writes what lazify plans`, () => {
    const { dir, cleanup } = tempCopy(c.before);
    try {
      const operation = JSON.parse(readFileSync(join(c.dir, 'operation.json'), 'utf8')) as { files: string[] };
      const run = spawnSync(
        'npx',
        ['jscodeshift', '--no-babel', '--run-in-band', '--parser', 'ts', '-t', join(folder, 'index.ts'), `--options=${join(c.dir, 'operation.json')}`, ...operation.files],
        // tsx resolves the transform's NodeNext `.js` specifiers to its .ts sources.
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--import tsx' } },
      );
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.match(run.stdout, /0 errors/);
      const expected = runMultiFileCase('god-module-to-focused-modules', c).changes;
      assert.ok(expected.length > 0);
      for (const change of expected) assert.equal(readFileSync(join(dir, change.path), 'utf8'), change.after, change.path);
    } finally {
      cleanup();
    }
  });
}
