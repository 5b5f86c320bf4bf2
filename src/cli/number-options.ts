// yargs `coerce` functions for numeric options: yargs' `type: 'number'` turns `--runs abc` into
// NaN and lets it through; these make it a usage error naming the option.
import { UsageError } from './usage-error.js';

/** The longest `--timeout` in seconds: a Node timer waits at most 2^31 - 1 ms. */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

function number(option: string, value: unknown): number {
  // yargs gives the last value when an option is repeated as an array.
  const raw = Array.isArray(value) ? value[value.length - 1] : value;
  const parsed = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(parsed)) throw new UsageError(`--${option} must be a number, got ${JSON.stringify(raw ?? '')}`);
  return parsed;
}

/** A whole number of at least `min` (`--runs`, `--limit`, `--depth`). */
export function wholeNumber(option: string, min: number): (value: unknown) => number {
  return (value) => {
    const parsed = number(option, value);
    if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(`--${option} must be a whole number of at least ${min}, got ${parsed}`);
    return parsed;
  };
}

/** A number more than 0 (`--max-import-ratio 3`). */
export function positiveNumber(option: string): (value: unknown) => number {
  return (value) => {
    const parsed = number(option, value);
    if (!(parsed > 0)) throw new UsageError(`--${option} must be a number more than 0, got ${parsed}`);
    return parsed;
  };
}

/** Milliseconds or bytes: any number of at least 0 (`--min-ms`). */
export function nonNegativeNumber(option: string): (value: unknown) => number {
  return (value) => {
    const parsed = number(option, value);
    if (parsed < 0) throw new UsageError(`--${option} must be 0 or more, got ${parsed}`);
    return parsed;
  };
}

/** Seconds for `--timeout`: more than 0, at most {@link MAX_TIMEOUT_SECONDS} (refused beyond, not clamped). */
export function timeoutSeconds(option: string): (value: unknown) => number {
  return (value) => {
    const parsed = number(option, value);
    if (!(parsed > 0) || parsed > MAX_TIMEOUT_SECONDS) {
      throw new UsageError(`--${option} must be more than 0 and at most ${MAX_TIMEOUT_SECONDS} seconds (a Node timer's limit), got ${parsed}`);
    }
    return parsed;
  };
}
