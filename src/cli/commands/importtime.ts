import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { nonNegativeNumber, timeoutSeconds, wholeNumber } from '../number-options.js';
import { UsageError } from '../usage-error.js';
import { configOption, projectConfig } from '../project-config.js';
import { outputFileOption, printReport, writableFile } from '../print-report.js';
import { progressDisplay } from '../progress-display.js';

interface ImporttimeArgs {
  target: string;
  entry?: string;
  config?: string;
  runs: number;
  timeout: number;
  format: 'text' | 'json' | 'markdown' | 'html' | 'speedscope' | 'cpuprofile';
  'output-file'?: string;
  cpuprofile?: string;
  quiet?: boolean;
  compare?: string[];
  tsx: boolean;
  profile: boolean;
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
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file (relative to the target directory) instead of package.json exports/main' })
      .option('config', configOption)
      .option('runs', { default: 5, coerce: wholeNumber('runs', 1), describe: 'fresh processes to measure; medians are reported' })
      .option('timeout', { default: 30, coerce: timeoutSeconds('timeout'), describe: 'seconds before a run is killed as hung' })
      .option('format', { choices: ['text', 'json', 'markdown', 'html', 'speedscope', 'cpuprofile'] as const, default: 'text' as const, describe: 'speedscope: a profile for speedscope.app; cpuprofile: the V8 CPU profile of the import, for Chrome DevTools' })
      .option('output-file', outputFileOption)
      .option('cpuprofile', { type: 'string', requiresArg: true, coerce: writableFile('cpuprofile'), describe: 'also write the V8 CPU profile of the import to FILE (.cpuprofile, opens in Chrome DevTools)' })
      .option('compare', { type: 'string', array: true, nargs: 2, describe: 'compare two saved measurements (importtime --format json) instead of measuring: before.json after.json' })
      .option('profile', { type: 'boolean', default: true, describe: 'one more run under the CPU profiler: what each module\'s top level spent its time on (--no-profile skips it)' })
      .option('tsx', { type: 'boolean', default: false, describe: 'run the TypeScript sources through tsx even when a build exists' })
      .option('min-ms', { default: 1, coerce: nonNegativeNumber('min-ms'), describe: 'text: hide imports faster than this (cumulative ms)' })
      .option('depth', { coerce: wholeNumber('depth', 0), describe: 'text: deepest level of the tree to print' })
      .option('sort', { choices: ['time', 'load'] as const, default: 'time' as const, describe: 'text: children slowest first, or in load order' })
      .check((argv) => {
        if (argv.compare && argv.compare.length !== 2) throw new UsageError('--compare takes two files: before.json after.json');
        if (argv.compare && (argv.format === 'speedscope' || argv.format === 'cpuprofile')) throw new UsageError(`--compare prints text, json, markdown or html, not ${argv.format}`);
        if (argv.compare && argv.cpuprofile) throw new UsageError('--cpuprofile needs a measurement; --compare reads saved ones');
        if (argv.profile === false && (argv.format === 'cpuprofile' || argv.cpuprofile)) throw new UsageError('--no-profile leaves no CPU profile to export');
        return true;
      })
      .example('$0 importtime', 'self | cumulative | module of the package in the working directory')
      .example('$0 importtime . --runs 10 --format json', 'medians over 10 fresh processes, as JSON')
      .example('$0 importtime . --format html > import.html', 'an offline icicle chart')
      .example('$0 importtime --compare before.json after.json', 'what changed between two saved measurements')
      .example('$0 importtime . --cpuprofile import.cpuprofile', 'the tree, and the CPU profile for Chrome DevTools (Performance, Load profile)')
      .example('$0 importtime . --entry src/cli.ts --tsx', 'another entry, run from source through tsx'),
  handler: async (args) => {
    // Loaded here, not at start-up: `lazify --help` needs none of the pipeline.
    const { compareImportTimes, measure, readImportTimeFile, renderImportTimeComparison, renderImportTimeReport } = await import('../../api/measure.js');
    if (args.compare) {
      const comparison = compareImportTimes(readImportTimeFile(args.compare[0]!), readImportTimeFile(args.compare[1]!));
      printReport(renderImportTimeComparison(comparison, args.format as 'text' | 'json' | 'markdown' | 'html'), { outputFile: args['output-file'] });
      return;
    }
    // A target that is a file is its own entry; a directory is a project, with its config.
    const config = statSync(args.target, { throwIfNoEntry: false })?.isDirectory() ? await projectConfig(args.target, args.config) : undefined;
    const entry = args.entry ?? config?.entry;
    const target = entry === undefined ? args.target : resolve(args.target, entry);
    const progress = progressDisplay({ quiet: args.quiet });
    const keepCpuProfile = args.format === 'cpuprofile' || args.cpuprofile !== undefined;
    const result = await measure(target, { runs: args.runs, timeoutMs: args.timeout * 1000, tsx: args.tsx, profile: args.profile, keepCpuProfile, onProgress: progress.listener });
    progress.clear();
    if (args.cpuprofile !== undefined) {
      const profile = renderImportTimeReport(result, 'cpuprofile');
      if (profile.exitCode === 0) printReport(profile, { outputFile: args.cpuprofile });
    }
    printReport(renderImportTimeReport(result, args.format, { minMs: args['min-ms'], maxDepth: args.depth, sort: args.sort }), { outputFile: args['output-file'] });
  },
};
