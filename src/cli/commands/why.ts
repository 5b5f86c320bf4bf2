import type { CommandModule } from 'yargs';

interface WhyArgs {
  module: string;
  dir: string;
  entry?: string;
  format: 'text' | 'json';
  limit: number;
}

export const whyCommand: CommandModule<object, WhyArgs> = {
  command: 'why <module> [dir]',
  describe: 'Show the shortest import chains from the entry to a module path or package name',
  builder: (yargs) =>
    yargs
      .positional('module', { type: 'string', demandOption: true, describe: 'module path, id or package name' })
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', describe: 'entry file instead of package.json exports/main' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
      .option('limit', { type: 'number', default: 10, describe: 'most chains to show' }),
  handler: async (args) => {
    const { renderWhyReport, why } = await import('../../api/analyze.js');
    const result = why(args.module, args.dir, { entry: args.entry, limit: args.limit });
    const { output, exitCode } = renderWhyReport(result, { format: args.format, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
