// The yardstick of `lazify check`'s time budget: how long a bare `node -e 0` takes on this
// machine, now. An import measured against it as a ratio means the same on a laptop and on a
// loaded CI runner, where milliseconds alone would fail at random.
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { median } from './aggregate-runs.js';

const run = promisify(execFile);

/** Wall-clock times of bare Node starts (`node -e 0`, this Node), in ms. */
export interface NodeStartTimes {
  /** Median over the runs. */
  medianMs: number;
  /** Each run's time, in run order. */
  runsMs: number[];
}

/** Starts `node -e 0` `runs` times, one after the other, and times each from spawn to exit. */
export async function measureNodeStart(runs: number): Promise<NodeStartTimes> {
  const runsMs: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    // No NODE_OPTIONS: a --require or --import set for the project would make the yardstick longer.
    const { NODE_OPTIONS: _options, ...env } = process.env;
    await run(process.execPath, ['-e', '0'], { env, timeout: 30_000 });
    runsMs.push(performance.now() - started);
  }
  return { medianMs: median(runsMs), runsMs };
}
