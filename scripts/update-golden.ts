// Regenerates golden files for review in the diff: every transform's `<case>.output.*`
// (by running the transform tests with UPDATE_GOLDEN=1) and every multi-file case's expected.patch.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { multiFileCases, runMultiFileCase } from '../test/transforms/multi-file-cases.js';

const root = join(import.meta.dirname, '..');
const transforms = readdirSync(join(root, 'transforms'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
for (const name of transforms) {
  for (const c of multiFileCases(join(root, 'transforms', name))) {
    writeFileSync(c.patchPath, runMultiFileCase(name, c).patch);
    console.log(`wrote ${c.patchPath.slice(root.length + 1)}`);
  }
}
const tests = readdirSync(join(root, 'test/transforms')).filter((f) => /\.test\.ts$/.test(f) && !f.includes('.int.') && !f.includes('.e2e.'));
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...tests.map((f) => join('test/transforms', f))], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_GOLDEN: '1' },
});
process.exit(run.status ?? 1);
