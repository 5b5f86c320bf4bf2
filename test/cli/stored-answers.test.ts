// The bin answers --help and --version without yargs only where yargs would print the very text stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELP_TEXT } from '../../src/cli/help-text.js';
import { storedAnswer } from '../../src/cli/stored-answers.js';
import { repoRoot } from '../helpers/copy-fixture.js';

const english = { env: { LANG: 'en_US.UTF-8' }, columns: undefined };

test('--help, -h, <command> --help and --version get the stored text', () => {
  assert.equal(storedAnswer(['--help'], english), HELP_TEXT['']);
  assert.equal(storedAnswer(['-h'], english), HELP_TEXT['']);
  assert.equal(storedAnswer(['analyze', '--help'], english), HELP_TEXT.analyze);
  assert.equal(storedAnswer(['check', '-h'], english), HELP_TEXT.check);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(storedAnswer(['--version'], english), `${version}\n`);
  assert.equal(storedAnswer(['--help'], { env: { LC_ALL: 'C' }, columns: 120 }), HELP_TEXT['']);
  assert.equal(storedAnswer(['--help'], { env: {}, columns: 80 }), HELP_TEXT['']);
});

test('anything else goes to yargs: other arguments, an unknown command, another language, a narrow terminal, YARGS_DISABLE_WRAP', () => {
  for (const args of [[], ['analyze'], ['--help', '--color'], ['analyze', '.', '--help'], ['nope', '--help'], ['constructor', '--help'], ['--version', '--help'], ['-v']]) {
    assert.equal(storedAnswer(args, english), undefined, args.join(' '));
  }
  assert.equal(storedAnswer(['--help'], { env: { LANG: 'de_DE.UTF-8' }, columns: undefined }), undefined);
  assert.equal(storedAnswer(['--help'], { env: { LC_ALL: 'fr_FR', LANG: 'en_US' }, columns: undefined }), undefined);
  assert.equal(storedAnswer(['--help'], { env: { LANG: 'en_US' }, columns: 79 }), undefined);
  assert.equal(storedAnswer(['--help'], { env: { LANG: 'en_US', YARGS_DISABLE_WRAP: '1' }, columns: undefined }), undefined);
});
