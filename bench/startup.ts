// Start-up benchmark: how much lazify's own start costs over a bare Node, side by side in one
// run. lazify is a tool about lazy imports; `lazify --help` should load nearly nothing.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, runNode } from './child-process-timing.js';
import { formatMs, formatTable } from './format-table.js';
import { loadedModules } from './loaded-modules.js';

/** Options of {@link benchStartup}. */
export interface StartupBenchOptions {
  repoRoot: string;
  /** Timed runs per command (after one warm-up each). */
  runs: number;
  progress: (line: string) => void;
}

/** The goal: `lazify --help` at most this many ms above `node -e 0` (issue: lazify is lazy itself). */
const TARGET_MS_OVER_NODE = 150;

/**
 * Times `node -e 0`, `lazify --help`, `lazify --version`, `lazify analyze --help` (the built
 * CLI) and the same --help through yargs (the bin's answer in another language than English) in fresh processes, alternating commands run by run so load from other processes falls on
 * all alike, and counts the files each loads (in separate runs: the recorder's loader hooks slow
 * loading). Returns the table as text.
 */
export function benchStartup(options: StartupBenchOptions): string {
  const cli = join(options.repoRoot, 'dist/src/cli/index.js');
  const commands: Array<{ label: string; args: string[] }> = [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'lazify --help', args: [cli, '--help'] },
    { label: 'lazify --version', args: [cli, '--version'] },
    { label: 'lazify analyze --help', args: [cli, 'analyze', '--help'] },
    // The same help through yargs, as the bin answers it in another language: what the stored text saves.
    { label: 'lazify --help via yargs', args: [join(options.repoRoot, 'dist/src/cli/yargs-cli.js'), '--help'] },
  ];
  const cpuPreload = fileURLToPath(new URL('./report-cpu-at-exit.js', import.meta.url));
  const times = commands.map(() => [] as number[]);
  const cpuTimes = commands.map(() => [] as number[]);
  for (let run = 0; run <= options.runs; run++) {
    options.progress(`startup: run ${run === 0 ? 'warm-up' : run} of ${options.runs}`);
    commands.forEach((command, i) => {
      const result = runNode(command.args);
      if (result.status !== 0) throw new Error(`${command.label} exited with ${result.status}: ${result.stderr}`);
      if (run > 0) times[i]!.push(result.wallMs);
      // CPU time in a separate run: the preload is one more module to load.
      const timed = runNode(['--import', cpuPreload, ...command.args]);
      const cpu = /lazify-bench-cpu-ms ([\d.]+)/.exec(timed.stderr);
      if (run > 0 && cpu) cpuTimes[i]!.push(Number(cpu[1]));
    });
  }
  const medians = times.map(median);
  const node = medians[0]!;
  const cpuMedians = cpuTimes.map((list) => (list.length ? median(list) : Number.NaN));
  const nodeCpu = cpuMedians[0]!;
  const rows = commands.map((command, i) => {
    const loaded = loadedModules(command.args);
    const over = (value: number, base: number) => (i === 0 ? '-' : `${value >= base ? '+' : ''}${formatMs(value - base)}`);
    return [
      command.label,
      formatMs(medians[i]),
      over(medians[i]!, node),
      `${(medians[i]! / node).toFixed(2)}x`,
      formatMs(cpuMedians[i]),
      over(cpuMedians[i]!, nodeCpu),
      String(loaded.files.length),
    ];
  });
  const help = medians[1]! - node;
  const helpCpu = cpuMedians[1]! - nodeCpu;
  return [
    `Start-up: median of ${options.runs} fresh processes per command after 1 warm-up, commands alternating; modules = files loaded (ESM and CommonJS, Node built-ins not counted)`,
    'CPU ms = user+system time of the process itself (steadier than wall time on a loaded machine)',
    formatTable(['command', 'wall ms', 'wall vs node -e 0', 'wall ratio', 'CPU ms', 'CPU vs node -e 0', 'modules'], rows),
    `lazify --help over bare node: wall ${formatMs(help)} ms, CPU ${formatMs(helpCpu)} ms (target: within ${TARGET_MS_OVER_NODE} ms) -> ` +
      `wall ${help <= TARGET_MS_OVER_NODE ? 'met' : 'NOT met'}, CPU ${helpCpu <= TARGET_MS_OVER_NODE ? 'met' : 'NOT met'}`,
  ].join('\n');
}
