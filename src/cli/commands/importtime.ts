import type { CommandModule } from 'yargs';
import { measure, renderImportTimeReport } from '../../index.js';

interface ImporttimeArgs {
  target: string;
  runs: number;
  timeout: number;
  format: 'text' | 'json' | 'html';
  tsx: boolean;
  'min-ms': number;
  depth?: number;
  sort: 'time' | 'load';
}

export const importtimeCommand: CommandModule<object, ImporttimeArgs> = {
  command: 'importtime [target]',
  describe: "Measure real import time per module, like Python's -X importtime (runs the package's code in a child process)",
  builder: (yargs) =>
    yargs
      .positional('target', { type: 'string', default: '.', describe: 'package directory (has package.json) or entry file' })
      .option('runs', { type: 'number', default: 5, describe: 'fresh processes to measure; medians are reported' })
      .option('timeout', { type: 'number', default: 30, describe: 'seconds before a run is killed as hung' })
      .option('format', { choices: ['text', 'json', 'html'] as const, default: 'text' as const })
      .option('tsx', { type: 'boolean', default: false, describe: 'run the TypeScript sources through tsx even when a build exists' })
      .option('min-ms', { type: 'number', default: 1, describe: 'text: hide imports faster than this (cumulative ms)' })
      .option('depth', { type: 'number', describe: 'text: deepest level of the tree to print' })
      .option('sort', { choices: ['time', 'load'] as const, default: 'time' as const, describe: 'text: children slowest first, or in load order' }),
  handler: async (args) => {
    const result = await measure(args.target, { runs: args.runs, timeoutMs: args.timeout * 1000, tsx: args.tsx });
    const { output, exitCode } = renderImportTimeReport(result, args.format, { minMs: args['min-ms'], maxDepth: args.depth, sort: args.sort });
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
