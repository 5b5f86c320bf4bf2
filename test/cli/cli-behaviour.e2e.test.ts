// A CLI that behaves: the built CLI (`npm run build` first) as a user meets it: its own version,
// -h, "did you mean", completion, colours, --entry everywhere, numbers checked, usage errors
// before any work, examples in --help, `lazify transforms`.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { listTransforms } from '../../src/api/transforms.js';
import { copyFixture, repoRoot } from '../helpers/copy-fixture.js';
import { writeTempProject } from '../helpers/write-temp-project.js';

const cli = join(repoRoot, 'dist/src/cli/index.js');
const { loadedModules } = (await import(pathToFileURL(join(repoRoot, 'dist/bench/loaded-modules.js')).href)) as typeof import('../../bench/loaded-modules.js');
const ownVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

function lazify(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; bin?: string } = {}): SpawnSyncReturns<string> {
  const env = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return spawnSync(process.execPath, [options.bin ?? cli, ...args], { encoding: 'utf8', cwd: options.cwd, env });
}

/** A usage error: exit code 2, exactly one line on stderr starting `lazify:`, no stack, nothing on stdout. */
function assertUsageError(result: SpawnSyncReturns<string>, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code (stderr: ${result.stderr})`);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line: ${result.stderr}`);
  assert.match(lines[0]!, /^lazify: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.equal(result.stdout, '');
}

const PROJECT_COMMANDS = ['analyze', 'why openai', 'importtime', 'plan', 'apply'];
const colourless = { NO_COLOR: undefined, FORCE_COLOR: undefined };

test("--version prints lazify's own version, not the host project's, also through a bin link in the host's node_modules/.bin", () => {
  const { dir, cleanup } = writeTempProject({ 'package.json': '{"name":"host","version":"9.9.9"}' });
  try {
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(cli, join(dir, 'node_modules/.bin/lazify'));
    for (const bin of [cli, join(dir, 'node_modules/.bin/lazify')]) {
      const result = lazify(['--version'], { cwd: dir, bin });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout.trim(), ownVersion);
    }
  } finally {
    cleanup();
  }
});

test('-h is --help: the commands, completion and the --color option are listed', () => {
  const long = lazify(['--help']);
  const short = lazify(['-h']);
  assert.equal(long.status, 0);
  assert.equal(short.stdout, long.stdout);
  for (const command of ['analyze', 'why', 'importtime', 'plan', 'apply', 'transforms', 'completion']) assert.match(long.stdout, new RegExp(`lazify ${command}\\b`));
  assert.match(long.stdout, /--color/);
  assert.match(long.stdout, /-h, --help/);
});

test('a mistyped command is a usage error that names the command meant', () => {
  assertUsageError(lazify(['analyse']), /Did you mean analyze\?/);
  assertUsageError(lazify(['transfroms']), /Did you mean transforms\?/);
  assertUsageError(lazify([]), /Name a command/);
  assertUsageError(lazify(['analyze', '--bogus']), /Unknown argument: bogus/);
});

test('shell completion: a bash/zsh script, and completions of a partial command', () => {
  const script = lazify(['completion']);
  assert.equal(script.status, 0, script.stderr);
  assert.match(script.stdout, /lazify --get-yargs-completions/);
  const partial = lazify(['--get-yargs-completions', 'im']);
  assert.equal(partial.status, 0, partial.stderr);
  assert.match(partial.stdout, /^importtime\b/m);
  const options = lazify(['--get-yargs-completions', 'apply', '--dr']);
  assert.match(options.stdout, /--dry-run/);
});

test('colours: off when piped, on with FORCE_COLOR or --color, off again with --no-color, FORCE_COLOR=0 or NO_COLOR', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const ansi = /\x1b\[/;
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = lazify(['analyze', dir, ...args], { env: { ...colourless, ...env } });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    assert.doesNotMatch(run([]), ansi, 'piped: no colour');
    assert.match(run([], { FORCE_COLOR: '1' }), ansi);
    assert.match(run(['--color']), ansi);
    assert.doesNotMatch(run(['--no-color'], { FORCE_COLOR: '1' }), ansi);
    assert.doesNotMatch(run([], { FORCE_COLOR: '0' }), ansi);
    assert.doesNotMatch(run([], { NO_COLOR: '1' }), ansi);
    assert.match(lazify(['why', 'openai', dir], { env: { ...colourless, FORCE_COLOR: '1' } }).stdout, ansi);
    assert.doesNotMatch(lazify(['why', 'openai', dir, '--no-color'], { env: { ...colourless, FORCE_COLOR: '1' } }).stdout, ansi);
  } finally {
    cleanup();
  }
});

test('--entry on every command that takes a project: listed in its --help, and a usage error without its value', () => {
  for (const command of PROJECT_COMMANDS) {
    const words = command.split(' ');
    const help = lazify([words[0]!, '--help']);
    assert.equal(help.status, 0, `${command} --help`);
    assert.match(help.stdout, /--entry/, `${command} --help lists --entry`);
    assertUsageError(lazify([...words, '--entry']), /entry/);
  }
});

test('importtime --entry measures that entry instead of package.json main', () => {
  const { dir, cleanup } = writeTempProject({
    'package.json': '{"name":"p","main":"index.js"}',
    'index.js': "require('./a');\n",
    'a.js': 'module.exports = 1;\n',
    'other.js': "require('./b');\n",
    'b.js': 'module.exports = 2;\n',
  });
  try {
    const result = lazify(['importtime', dir, '--entry', 'other.js', '--runs', '1', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { entry: string; imports: Record<string, string[]> };
    assert.equal(report.entry, 'other.js');
    assert.deepEqual(report.imports['other.js'], ['b.js']);
  } finally {
    cleanup();
  }
});

test('numbers are checked: --runs abc, --timeout abc and friends are usage errors naming the option, never NaN', () => {
  const cases: Array<[string[], RegExp]> = [
    [['importtime', '--runs', 'abc'], /--runs must be a number, got "abc"/],
    [['importtime', '--runs', '0'], /--runs must be a whole number of at least 1/],
    [['importtime', '--runs', '2.5'], /--runs must be a whole number/],
    [['importtime', '--timeout', 'abc'], /--timeout must be a number/],
    [['importtime', '--timeout', '0'], /--timeout must be more than 0/],
    [['importtime', '--timeout', '3000000'], /at most 2147483 seconds/],
    [['importtime', '--min-ms', 'abc'], /--min-ms must be a number/],
    [['importtime', '--depth', '-1'], /--depth must be a whole number of at least 0/],
    [['analyze', '--measure', '--runs', 'abc'], /--runs must be a number/],
    [['analyze', '--measure', '--timeout', 'NaN'], /--timeout must be a number/],
    [['why', 'x', '--limit', 'abc'], /--limit must be a number/],
  ];
  for (const [args, pattern] of cases) assertUsageError(lazify(args), pattern);
});

test('apply --patch without a file is a usage error before any work: nothing written, no parser loaded', () => {
  const { dir, cleanup } = copyFixture('gateway-js');
  try {
    const before = readdirSync(dir).sort();
    const run = loadedModules([cli, 'apply', dir, '--patch']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^lazify: Not enough arguments following: patch\n$/);
    assert.deepEqual(run.files.filter((f: string) => /ts-morph|typescript\.js|jscodeshift/.test(f)), [], 'no analysis started');
    assert.deepEqual(readdirSync(dir).sort(), before);
    assertUsageError(lazify(['apply', dir, '--plan']), /plan/);
  } finally {
    cleanup();
  }
});

test("every command's --help shows examples of it", () => {
  for (const command of ['analyze', 'why', 'importtime', 'plan', 'apply', 'transforms']) {
    const help = lazify([command, '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, new RegExp(`Examples:\\n\\s+lazify ${command}\\b`), `${command} --help`);
  }
});

test('lazify transforms lists every transform with its phase, description and options (text and JSON)', () => {
  const expected = listTransforms();
  assert.ok(expected.length >= 4);
  const text = lazify(['transforms']);
  assert.equal(text.status, 0, text.stderr);
  for (const transform of expected) {
    assert.match(text.stdout, new RegExp(`^${transform.name} \\(${transform.phase}\\)\\n  ${transform.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    assert.ok(transform.options.length > 0, `${transform.name} documents its options`);
    for (const option of transform.options) assert.match(text.stdout, new RegExp(`^    ${option.name}\\b`, 'm'));
  }
  const json = lazify(['transforms', '--format', 'json']);
  const parsed = JSON.parse(json.stdout) as { schemaVersion: number; transforms: typeof expected };
  assert.equal(parsed.schemaVersion, 1);
  assert.deepEqual(parsed.transforms, expected);
  // The listing is the registry: every folder in transforms/ with a meta is there.
  const folders = readdirSync(join(repoRoot, 'transforms'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('shared'))
    .map((entry) => entry.name)
    .sort();
  assert.deepEqual(expected.map((t) => t.name).sort(), folders);
});
