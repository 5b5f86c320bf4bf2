import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from './usage-error.js';
import { writeOutputFile } from './write-output-file.js';

/** What a command prints: a reporter's output, and errors for stderr. */
interface PrintableReport {
  output: string;
  exitCode: number;
  errors?: string;
}

/**
 * yargs `coerce` for options that name a file lazify writes (`--output-file`, `--pr-body`):
 * a file in a directory that does not exist is a usage error before any work is done.
 */
export function writableFile(option: string): (value: unknown) => string {
  return (value) => {
    const raw = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof raw !== 'string' || raw === '') throw new UsageError(`--${option} needs a file name`);
    const dir = dirname(resolve(raw));
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) throw new UsageError(`--${option} ${raw}: directory ${dir} does not exist`);
    return raw;
  };
}

/** The option every reporting command has. */
export const outputFileOption = {
  type: 'string',
  requiresArg: true,
  coerce: writableFile('output-file'),
  describe: 'write the report to FILE instead of stdout (errors still go to stderr)',
} as const;

/**
 * Prints a report: its output to `outputFile` or stdout, its errors to stderr, and sets the
 * exit code. `extraStdout` (GitHub annotations) goes to stdout in either case, where the
 * Actions runner reads workflow commands.
 */
export function printReport(report: PrintableReport, options: { outputFile?: string; extraStdout?: string } = {}): void {
  if (options.outputFile !== undefined) writeOutputFile(options.outputFile, report.output);
  else process.stdout.write(report.output);
  if (options.extraStdout) process.stdout.write(options.extraStdout);
  if (report.errors) process.stderr.write(report.errors);
  process.exitCode = report.exitCode;
}

/** True when running in GitHub Actions, whose runner turns `::warning ...` lines into annotations. */
export function inGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** The package root relative to the Actions checkout (GITHUB_WORKSPACE, else the working directory), for annotation paths. */
export function annotationPathPrefix(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const prefix = relative(resolve(env.GITHUB_WORKSPACE ?? process.cwd()), root);
  // A package outside the checkout has no path GitHub could place: name it absolutely.
  if (prefix.startsWith('..') || isAbsolute(prefix)) return resolve(root).split(sep).join('/');
  return prefix.split(sep).join('/');
}
