// Runs one measurement in a fresh Node process, so no run inherits a warm module cache,
// JIT state or file-system cache of parsed files from the one before.
import { spawnSync } from 'node:child_process';

/** One child run: its wall time seen from the parent and what it printed. */
export interface ChildRun {
  /** Spawn to exit, measured by the parent: Node start-up included. */
  wallMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ...args` and waits for it; a run that exceeds `timeoutMs` is killed and reported with status null. */
export function runNode(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): ChildRun {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { wallMs, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The last line of a child's stdout parsed as JSON: children print their result there. */
export function lastJsonLine<T>(stdout: string): T | undefined {
  const line = stdout.trim().split('\n').pop();
  if (!line) return undefined;
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
