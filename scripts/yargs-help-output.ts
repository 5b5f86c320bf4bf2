// How the stored help texts are taken from yargs, shared by the script that stores them and the
// test that compares them: the yargs command line run on its own, in the conditions the bin
// answers without yargs (English, stdout a pipe, so yargs wraps at 80 columns).
import { spawnSync } from 'node:child_process';

/** stdout of `node ...nodeArgs` as yargs prints it for a stored answer; throws unless it exits 0. */
export function yargsOutput(nodeArgs: string[], cwd: string): string {
  const env: Record<string, string | undefined> = { ...process.env, LC_ALL: 'en_US.UTF-8' };
  delete env.YARGS_DISABLE_WRAP;
  const result = spawnSync(process.execPath, nodeArgs, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  return result.stdout;
}

/** The commands lazify's --help lists (`  lazify analyze [dir]  ...`), but yargs' own completion. */
export function helpCommands(topHelp: string): string[] {
  const section = topHelp.split('\n\n').find((part) => part.startsWith('Commands:')) ?? '';
  return [...section.matchAll(/^ {2}lazify (\S+)/gm)].map((m) => m[1]!).filter((command) => command !== 'completion');
}
