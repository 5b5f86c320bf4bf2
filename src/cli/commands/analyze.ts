import type { CommandModule } from 'yargs';
import { analyze, renderReport, type ReportFormat } from '../../index.js';

interface AnalyzeArgs {
  dir: string;
  entry?: string;
  format: ReportFormat;
  measure: boolean;
  'fail-on'?: 'high' | 'medium' | 'low';
}

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: 'analyze [dir]',
  describe: 'Explain why importing the package is slow: findings ranked by what they keep loaded, and a cost tree',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', describe: 'entry file instead of package.json exports/main' })
      .option('format', { choices: ['text', 'json', 'markdown'] as const, default: 'text' as const, describe: 'output format' })
      .option('measure', { type: 'boolean', default: false, describe: 'also measure real import times in a child process' })
      .option('fail-on', { choices: ['high', 'medium', 'low'] as const, describe: 'exit 1 when a finding this severe exists' }),
  handler: (args) => {
    const result = analyze(args.dir, { entry: args.entry, measure: args.measure });
    const { output, exitCode } = renderReport(result, args.format, {
      color: args.format === 'text' && Boolean(process.stdout.isTTY),
      failOn: args['fail-on'],
    });
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
