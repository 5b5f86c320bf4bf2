import type { CommandModule } from 'yargs';
import { colourWanted } from '../colour-choice.js';
import { wholeNumber } from '../number-options.js';
import { configOption, projectConfig } from '../project-config.js';
import { outputFileOption, printReport } from '../print-report.js';
import { terminalWidth } from '../terminal-width.js';
import { cacheDirOf } from '../cache-option.js';

interface WhyArgs {
  module: string;
  dir: string;
  entry?: string;
  config?: string;
  format: 'text' | 'json' | 'markdown';
  'output-file'?: string;
  limit: number;
  color?: boolean;
  cache?: boolean;
}

export const whyCommand: CommandModule<object, WhyArgs> = {
  command: 'why <module> [dir]',
  describe: 'Show the shortest import chains from the entry to a module path or package name',
  builder: (yargs) =>
    yargs
      .positional('module', { type: 'string', demandOption: true, describe: 'module path, id or package name' })
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file instead of package.json exports/main' })
      .option('config', configOption)
      .option('format', { choices: ['text', 'json', 'markdown'] as const, default: 'text' as const })
      .option('output-file', outputFileOption)
      .option('limit', { default: 10, coerce: wholeNumber('limit', 1), describe: 'most chains to show' })
      .example('$0 why openai', 'the import chains from the entry to the openai package')
      .example('$0 why src/utils.ts packages/gateway --limit 3', 'a module of another package, three chains'),
  handler: async (args) => {
    const config = await projectConfig(args.dir, args.config);
    // The light slice first: the graph of a kept analysis needs no parser.
    const { renderWhyReport, keptWhy } = await import('../../api/report.js');
    const options = { entry: args.entry ?? config.entry, limit: args.limit, cacheDir: cacheDirOf(args) };
    const result = keptWhy(args.module, args.dir, options) ?? (await import('../../api/analyze.js')).why(args.module, args.dir, options);
    const toStdout = args['output-file'] === undefined;
    const report = renderWhyReport(result, { format: args.format, color: toStdout && colourWanted(args.color), width: toStdout ? terminalWidth() : undefined });
    printReport(report, { outputFile: args['output-file'] });
  },
};
