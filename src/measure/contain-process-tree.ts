import { readdirSync, readFileSync } from 'node:fs';

/**
 * The environment variable every measured process tree carries (a fresh value per run): a
 * descendant that left the run's process group and session (`setsid`, spawn `detached`) still
 * inherits it, so it can be found and killed. Knowing it gives the measured code nothing.
 */
export const RUN_TOKEN_VARIABLE = 'LAZIFY_MEASURE_RUN';

/** One /proc/<pid>/stat read: state, process group and session. */
function groupAndSession(pid: string): { state: string; group: number; session: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, group: Number(fields[2]), session: Number(fields[3]) };
  } catch {
    return undefined;
  }
}

function carriesToken(pid: string, token: string): boolean {
  try {
    return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(`\0${RUN_TOKEN_VARIABLE}=${token}\0`);
  } catch {
    return false; // gone, or not ours to read
  }
}

/** Linux: pids in the run's group or session (the leader's pid) or carrying its token. */
function findRunProcesses(leader: number, token: string): number[] {
  if (process.platform !== 'linux') return [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const ids = groupAndSession(entry);
    // A zombie is already dead (its parent has not reaped it yet): nothing to kill.
    if (!ids || ids.state === 'Z' || ids.state === 'X') continue;
    if (ids.group === leader || ids.session === leader || carriesToken(entry, token)) found.push(Number(entry));
  }
  return found;
}

function kill(pid: number): boolean {
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false; // ESRCH: already gone (EPERM: not ours, leave it)
  }
}

/**
 * Kills a measured run and everything it started: the process group the run leads (it is
 * spawned detached, so its pid is the group's and the session's id), and on Linux every process
 * still in that session or group or carrying the run's token, e.g. a server a module started with
 * `detached: true`. SIGKILL, because a module stuck in a synchronous loop never runs a handler.
 * A descendant that left the session and also dropped the token from its environment is out of
 * reach (as it would be for a shell's job control).
 */
export function killProcessTree(leader: number, token: string): void {
  kill(-leader);
  // A process that forks while we kill can add one more: a few passes until none is found.
  for (let pass = 0; pass < 5; pass++) {
    const remaining = findRunProcesses(leader, token).filter(kill);
    if (remaining.length === 0) break;
  }
}
