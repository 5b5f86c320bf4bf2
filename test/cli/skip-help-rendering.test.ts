// The middleware that spares every command yargs' rendering of its help text reaches the installed
// yargs: a yargs upgrade that changes its internals fails here, not silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import yargs from 'yargs';
import { skipHelpRendering } from '../../src/cli/skip-help-rendering.js';

/** Whether yargs kept a rendered help text after running a command, with or without the middleware. */
function helpRendered(skip: boolean): boolean {
  let ran = false;
  const cli = yargs(['run', '--name', 'x'])
    .command('run', 'run it', (y) => y.option('name', { type: 'string', describe: 'a name' }), () => {
      ran = true;
    })
    .strict();
  if (skip) cli.middleware(skipHelpRendering);
  cli.parseSync();
  assert.ok(ran, 'the handler ran');
  return (cli as unknown as { getInternalMethods: () => { getUsageInstance: () => { hasCachedHelpMessage: () => boolean } } })
    .getInternalMethods()
    .getUsageInstance()
    .hasCachedHelpMessage();
}

test('yargs renders the help text before a command runs, and not with skipHelpRendering', () => {
  assert.equal(helpRendered(false), true);
  assert.equal(helpRendered(true), false);
});

test('with skipHelpRendering a failure still reaches the fail handler, with its message', () => {
  let failed: string | undefined;
  yargs(['run', '--bogus'])
    .command('run', 'run it', (y) => y, () => {})
    .middleware(skipHelpRendering)
    .strict()
    .fail((message) => {
      failed = message;
    })
    .parseSync();
  assert.equal(failed, 'Unknown argument: bogus');
});
