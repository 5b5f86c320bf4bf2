import { existsSync, readFileSync } from 'node:fs';
import { LazifyError } from '../api/errors.js';
import { UsageError } from './usage-error.js';

/** The `--baseline FILE` and `--update-baseline` options, shared by analyze and check. */
export const baselineOptions = {
  baseline: { type: 'string', requiresArg: true, describe: 'a baseline file: written with the current results when it does not exist, else only what is new or grew past it fails' },
  'update-baseline': { type: 'boolean', default: false, describe: 'with --baseline: rewrite the baseline file with the current results' },
} as const;

/** Refuses `--update-baseline` without `--baseline FILE`, before any work. */
export function checkBaselineArgs(argv: { baseline?: string; 'update-baseline'?: boolean }): true {
  if (argv['update-baseline'] && !argv.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  return true;
}

/**
 * The baseline in `file`, parsed; undefined when there is none to compare with (the file does
 * not exist, or `update` asks to rewrite it), in which case the command writes it.
 */
export function readBaselineFile<T>(file: string, update: boolean, parse: (text: string, label: string) => T): T | undefined {
  if (update || !existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LazifyError('bad-baseline', `${file}: cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, file);
  }
  return parse(text, file);
}
