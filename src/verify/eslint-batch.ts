// Lints many texts with the project's own ESLint in one child process: its Node API's
// `lintText`, the same check as `eslint --stdin --stdin-filename <file> --no-ignore`, without
// starting ESLint (and, with typed rules, building the TypeScript program) once per text.
// The child runs in the project's directory and loads the project's `eslint`, never lazify's;
// where that API is missing or fails to load, each text goes through the project's CLI instead.
import { spawnSync } from 'node:child_process';

/** One message of ESLint's report. */
export interface EslintMessage {
  ruleId: string | null;
  message: string;
  line?: number;
  fatal?: boolean;
}

/** A text to lint as the file `path` (root-relative). */
export interface LintInput {
  path: string;
  text: string;
}

/**
 * The child: reads `[{ path, text }]` on stdin and prints one JSON array with, per input, its
 * messages or `{ error }`. Exit 3: the project's ESLint API could not be loaded (the caller
 * then uses the CLI); exit 2: ESLint failed on the config, with its message on stderr.
 */
const CHILD = String.raw`'use strict';
const { createRequire } = require('node:module');
const { join } = require('node:path');
const read = () => new Promise((done) => { let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', (c) => (s += c)); process.stdin.on('end', () => done(s)); });
(async () => {
  const inputs = JSON.parse(await read());
  let ESLint;
  try {
    const eslint = createRequire(join(process.cwd(), 'package.json'))('eslint');
    ESLint = typeof eslint.loadESLint === 'function' ? await eslint.loadESLint({ cwd: process.cwd() }) : eslint.ESLint;
  } catch {}
  if (typeof ESLint !== 'function' || typeof ESLint.prototype.lintText !== 'function') process.exit(3);
  let linter;
  try {
    linter = new ESLint({ cwd: process.cwd(), ignore: false });
  } catch (error) {
    process.stderr.write(String(error && error.message || error));
    process.exit(2);
  }
  const out = [];
  for (const { path, text } of inputs) {
    try {
      const results = await linter.lintText(text, { filePath: join(process.cwd(), path) });
      out.push(results.flatMap((r) => r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line, fatal: m.fatal }))));
    } catch (error) {
      out.push({ error: String(error && error.message || error).split('\n')[0] });
    }
  }
  // Typed rules may leave a TypeScript watch open: exit once the report is out.
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
})().catch((error) => { process.stderr.write(String(error && error.message || error)); process.exit(2); });
`;

/** Messages per input, or the first line of why ESLint could not lint it. */
export function lintTexts(root: string, eslintBin: string, inputs: LintInput[]): (EslintMessage[] | string)[] {
  if (inputs.length === 0) return [];
  const run = spawnSync(process.execPath, ['-e', CHILD], { cwd: root, input: JSON.stringify(inputs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status === 0) {
    try {
      return (JSON.parse(run.stdout) as (EslintMessage[] | { error: string })[]).map((r) => (Array.isArray(r) ? r : r.error));
    } catch {
      // A config that prints to stdout: the CLI's JSON report is on a stream of its own.
    }
  } else if (run.status === 2) {
    const why = (run.stderr ?? '').trim().split('\n')[0] || 'eslint failed';
    return inputs.map(() => why);
  }
  return inputs.map(({ path, text }) => lintWithCli(root, eslintBin, path, text));
}

/** One text through the project's `eslint --stdin`. */
function lintWithCli(root: string, eslintBin: string, path: string, text: string): EslintMessage[] | string {
  const run = spawnSync(eslintBin, ['--stdin', '--stdin-filename', path, '--format', 'json', '--no-ignore'], { cwd: root, input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Exit 1 is "problems found"; 2 is ESLint failing (a config it cannot load).
  if (run.error || (run.status !== 0 && run.status !== 1)) return (run.error?.message ?? run.stderr ?? '').trim().split('\n')[0] || `eslint exited with ${run.status}`;
  try {
    return (JSON.parse(run.stdout) as Array<{ messages: EslintMessage[] }>).flatMap((file) => file.messages);
  } catch {
    return 'eslint printed no JSON report';
  }
}
