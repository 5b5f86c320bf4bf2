import type { CommandModule } from 'yargs';
import { baselineOptions, checkBaselineArgs, readBaselineFile } from '../baseline-file.js';
import { positiveNumber, timeoutSeconds, wholeNumber } from '../number-options.js';
import { configOption, projectConfig } from '../project-config.js';
import { UsageError } from '../usage-error.js';
import { writeOutputFile } from '../write-output-file.js';
import { cacheDirOf } from '../cache-option.js';

interface CheckArgs {
  dir: string;
  entry?: string;
  config?: string;
  format: 'text' | 'markdown' | 'json';
  'max-modules'?: number;
  'max-bytes'?: string;
  'max-import-ratio'?: number;
  'max-import-ms'?: number;
  measure: boolean;
  runs: number;
  timeout: number;
  tsx: boolean;
  baseline?: string;
  'update-baseline': boolean;
  cache?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check [dir]',
  describe: 'Fail (exit 1) when importing the package loads more modules, bytes or time than its budgets, or more than the baseline',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file instead of package.json exports/main' })
      .option('config', configOption)
      .option('format', { choices: ['text', 'markdown', 'json'] as const, default: 'text' as const, describe: 'output format' })
      .option('max-modules', { coerce: wholeNumber('max-modules', 0), describe: 'most modules the import may load (config: budgets.modules)' })
      .option('max-bytes', { type: 'string', requiresArg: true, describe: 'most bytes the import may load: 2MB, 500KB or a number (config: budgets.bytes)' })
      .option('max-import-ratio', { coerce: positiveNumber('max-import-ratio'), describe: 'most measured import time, as a multiple of a bare `node -e 0` start (config: budgets.importRatio)' })
      .option('max-import-ms', { coerce: positiveNumber('max-import-ms'), describe: 'most measured import time in ms; machine-dependent, prefer the ratio (config: budgets.importMs)' })
      .option('measure', { type: 'boolean', default: true, describe: 'measure the import time (runs the package\'s code; --no-measure checks modules and bytes only)' })
      .option('runs', { default: 5, coerce: wholeNumber('runs', 1), describe: 'fresh processes for the import time and for the bare node start (medians)' })
      .option('timeout', { default: 30, coerce: timeoutSeconds('timeout'), describe: 'seconds before an import run is killed as hung' })
      .option('tsx', { type: 'boolean', default: false, describe: 'run the TypeScript sources through tsx even when a build exists' })
      .options(baselineOptions)
      .check(checkBaselineArgs)
      .example('$0 check . --max-modules 40 --max-bytes 2MB --max-import-ratio 3', 'budgets on the command line; exit 1 when one is over')
      .example('$0 check . --baseline lazify-check.json', 'first run writes the baseline; later runs fail when the import grows past it')
      .example('$0 check . --no-measure --format markdown', 'modules and bytes only, as a pull-request table'),
  handler: async (args) => {
    // Loaded here, not at start-up: `lazify --help` needs none of the pipeline.
    const config = await projectConfig(args.dir, args.config);
    const { parseSize } = await import('../../api/project-config.js');
    const maxBytes = args['max-bytes'] === undefined ? undefined : parseSize(args['max-bytes']);
    if (args['max-bytes'] !== undefined && maxBytes === undefined) throw new UsageError(`--max-bytes must be a size such as 2MB, 500KB or a number of bytes, got ${JSON.stringify(args['max-bytes'])}`);
    const { check, parseCheckBaseline, renderCheckReport, toCheckBaseline, withCheckBaseline } = await import('../../api/check.js');
    const baseline = args.baseline ? readBaselineFile(args.baseline, args['update-baseline'], parseCheckBaseline) : undefined;
    // Flags override the config, budget by budget.
    const budgets = {
      modules: args['max-modules'] ?? config.budgets.modules,
      bytes: maxBytes ?? config.budgets.bytes,
      importRatio: args['max-import-ratio'] ?? config.budgets.importRatio,
      importMs: args['max-import-ms'] ?? config.budgets.importMs,
    };
    let result = await check(args.dir, {
      entry: args.entry ?? config.entry,
      cacheDir: cacheDirOf(args),
      budgets,
      baseline,
      measure: args.measure,
      runs: args.runs,
      timeoutMs: args.timeout * 1000,
      tsx: args.tsx,
    });
    if (args.baseline && !baseline) {
      const written = toCheckBaseline(result);
      writeOutputFile(args.baseline, `${JSON.stringify(written, null, 2)}\n`);
      result = withCheckBaseline(result, written);
      process.stderr.write(`lazify: wrote the import's metrics to ${args.baseline}; later runs with --baseline fail when it grows past them\n`);
    }
    const { output, exitCode } = renderCheckReport(result, args.format);
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
