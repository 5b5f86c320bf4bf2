import type { CommandModule } from 'yargs';
import type { ReportFormat } from '../../api/analyze.js';
import { colourWanted } from '../colour-choice.js';
import { timeoutSeconds, wholeNumber } from '../number-options.js';

interface AnalyzeArgs {
  dir: string;
  entry?: string;
  format: ReportFormat | 'html';
  measure: boolean;
  runs: number;
  timeout: number;
  'fail-on'?: 'high' | 'medium' | 'low';
  color?: boolean;
}

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: 'analyze [dir]',
  describe: 'Explain why importing the package is slow: findings ranked by what they keep loaded, and a cost tree',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file instead of package.json exports/main' })
      .option('format', { choices: ['text', 'json', 'markdown', 'html'] as const, default: 'text' as const, describe: 'output format (html measures: it charts import time)' })
      .option('measure', { type: 'boolean', default: false, describe: 'also measure real import times in a child process' })
      .option('runs', { default: 5, coerce: wholeNumber('runs', 1), describe: 'with --measure: fresh processes to measure (medians)' })
      .option('timeout', { default: 30, coerce: timeoutSeconds('timeout'), describe: 'with --measure: seconds before a run is killed as hung' })
      .option('fail-on', { choices: ['high', 'medium', 'low'] as const, describe: 'exit 1 when a finding this severe exists' })
      .example('$0 analyze', 'findings and cost tree of the package in the working directory')
      .example('$0 analyze packages/gateway --format json > report.json', 'the versioned JSON report')
      .example('$0 analyze . --entry src/server.ts --fail-on high', 'another entry; exit 1 on a high-severity finding (CI)')
      .example('$0 analyze . --measure --runs 10', 'findings ranked by measured import time'),
  handler: async (args) => {
    // Loaded here, not at start-up: `lazify --help` needs none of the pipeline.
    const { analyze, analyzeMeasured, renderReport } = await import('../../api/analyze.js');
    // Measuring runs the package's code, so it happens only when asked (--measure, or html).
    const result =
      args.measure || args.format === 'html'
        ? await analyzeMeasured(args.dir, { entry: args.entry, runs: args.runs, timeoutMs: args.timeout * 1000 })
        : analyze(args.dir, { entry: args.entry });
    if (args.format === 'html') {
      const { renderHtmlReport } = await import('../../api/measure.js');
      process.stdout.write(renderHtmlReport({ importTime: result.importTime!, findings: result.findings }).output);
      return;
    }
    const { output, exitCode } = renderReport(result, args.format, {
      color: args.format === 'text' && colourWanted(args.color),
      failOn: args['fail-on'],
    });
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
