// The stored help texts the bin prints without yargs are yargs' own output, now: a changed
// option or description fails here until `npm run help-text` stores it again. Uses the built
// CLI (`npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HELP_TEXT } from '../../src/cli/help-text.js';
import { helpCommands, yargsOutput } from '../../scripts/yargs-help-output.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const yargsCli = join(repoRoot, 'dist/src/cli/yargs-cli.js');
const bin = join(repoRoot, 'dist/src/cli/index.js');
const top = yargsOutput([yargsCli, '--help'], repoRoot);

test('a stored help text for lazify and for each command its --help lists, and no other', () => {
  assert.deepEqual(Object.keys(HELP_TEXT).sort(), ['', ...helpCommands(top)].sort());
});

for (const command of ['', ...helpCommands(top)]) {
  const args = command ? [command, '--help'] : ['--help'];
  test(`lazify ${args.join(' ')}: the stored text is what yargs prints, and the bin prints it with exit code 0`, () => {
    assert.equal(HELP_TEXT[command], command ? yargsOutput([yargsCli, ...args], repoRoot) : top, 'stale: run npm run help-text');
    const env: Record<string, string | undefined> = { ...process.env, LC_ALL: 'en_US.UTF-8' };
    delete env.YARGS_DISABLE_WRAP;
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, HELP_TEXT[command]);
    assert.equal(run.stderr, '');
  });
}

test('in another language the bin leaves --help to yargs, which translates it', () => {
  const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'de_DE.UTF-8' } });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Kommandos:$/m);
});
