import { rmSync } from 'node:fs';
import { killProcessTree } from './contain-process-tree.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * What one measurement leaves behind if lazify is stopped half-way: the live measured process
 * trees (each in its own process group, so the terminal's Ctrl-C does not reach them) and the
 * temp dir of the child scripts. While open, an exit of lazify, or SIGINT / SIGTERM / SIGHUP to
 * it, kills every live tree and removes the dir; a signal is then raised again so that lazify
 * ends the way it was asked to (a SIGKILL to lazify cannot be caught: its runs end at their own
 * exit, not at the timeout).
 */
export class RunContainment {
  private readonly live = new Map<number, string>();
  private closed = false;
  private readonly onExit = (): void => this.close();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.close();
    // Our listener is gone: with no other, the signal's default action ends the process.
    process.kill(process.pid, signal);
  };

  constructor(private readonly tempDir: string) {
    process.on('exit', this.onExit);
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** A run started: kill its tree if lazify stops before {@link release}. */
  track(pid: number, token: string): void {
    this.live.set(pid, token);
  }

  /** Kills a run's tree (it ended, or timed out) and forgets it. */
  release(pid: number): void {
    const token = this.live.get(pid);
    if (token === undefined) return;
    this.live.delete(pid);
    killProcessTree(pid, token);
  }

  /** Kills every live tree, removes the temp dir and the listeners. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const pid of [...this.live.keys()]) this.release(pid);
    rmSync(this.tempDir, { recursive: true, force: true });
    process.off('exit', this.onExit);
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }
}
