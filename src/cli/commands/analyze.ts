import type { CommandModule } from 'yargs';
import type { ReportFormat } from '../../api/report.js';
import { baselineOptions, checkBaselineArgs, readBaselineFile } from '../baseline-file.js';
import { colourWanted } from '../colour-choice.js';
import { timeoutSeconds, wholeNumber } from '../number-options.js';
import { configOption, projectConfig } from '../project-config.js';
import { writeOutputFile } from '../write-output-file.js';
import { annotationPathPrefix, inGithubActions, outputFileOption, printReport } from '../print-report.js';
import { progressDisplay } from '../progress-display.js';
import { ownVersion } from '../own-version.js';
import { terminalWidth } from '../terminal-width.js';
import { cacheDirOf } from '../cache-option.js';

interface AnalyzeArgs {
  dir: string;
  entry?: string;
  config?: string;
  format: ReportFormat | 'html';
  measure: boolean;
  runs: number;
  timeout: number;
  'fail-on'?: 'high' | 'medium' | 'low';
  baseline?: string;
  'update-baseline': boolean;
  'output-file'?: string;
  color?: boolean;
  quiet?: boolean;
  cache?: boolean;
}

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: 'analyze [dir]',
  describe: 'Explain why importing the package is slow: findings ranked by what they keep loaded, and a cost tree',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file instead of package.json exports/main' })
      .option('config', configOption)
      .option('format', { choices: ['text', 'json', 'markdown', 'sarif', 'html'] as const, default: 'text' as const, describe: 'output format (sarif: for GitHub code scanning; html measures: it charts import time)' })
      .option('measure', { type: 'boolean', default: false, describe: 'also measure real import times in a child process' })
      .option('runs', { default: 5, coerce: wholeNumber('runs', 1), describe: 'with --measure: fresh processes to measure (medians)' })
      .option('timeout', { default: 30, coerce: timeoutSeconds('timeout'), describe: 'with --measure: seconds before a run is killed as hung' })
      .option('fail-on', { choices: ['high', 'medium', 'low'] as const, describe: 'exit 1 when a finding this severe exists (config: findings.failOn)' })
      .options(baselineOptions)
      .check(checkBaselineArgs)
      .option('output-file', outputFileOption)
      .example('$0 analyze', 'findings and cost tree of the package in the working directory')
      .example('$0 analyze packages/gateway --format json > report.json', 'the versioned JSON report')
      .example('$0 analyze . --format sarif --output-file lazify.sarif', 'SARIF for GitHub code scanning (upload-sarif)')
      .example('$0 analyze . --entry src/server.ts --fail-on high', 'another entry; exit 1 on a high-severity finding (CI)')
      .example('$0 analyze . --baseline lazify-baseline.json --fail-on low', 'first run writes the baseline; later runs fail only on new findings')
      .example('$0 analyze . --measure --runs 10', 'findings ranked by measured import time'),
  handler: async (args) => {
    // Loaded here, not at start-up: `lazify --help` needs none of the pipeline, nor the config loader.
    const config = await projectConfig(args.dir, args.config);
    const { parseFindingsBaseline, toFindingsBaseline } = await import('../../api/project-config.js');
    const baseline = args.baseline ? readBaselineFile(args.baseline, args['update-baseline'], parseFindingsBaseline) : undefined;
    // The light slice first: a project unchanged since its last analysis needs no parser.
    const { keptAnalysis, measureInstalledFilesAhead, renderReport, withBaseline, findingAnnotations, diagnosticAnnotations, renderGithubAnnotations } = await import('../../api/report.js');
    const progress = progressDisplay({ quiet: args.quiet });
    const entry = args.entry ?? config.entry;
    const suppressions = { kinds: config.kinds, minSaving: config.minSaving, ignore: config.ignore, baseline };
    const options = { entry, suppressions, onProgress: progress.listener, cacheDir: cacheDirOf(args) };
    const analyzeAfresh = async () => {
      // The installed packages are measured on a second core while the analyze slice and TypeScript load.
      measureInstalledFilesAhead(args.dir, options);
      return (await import('../../api/analyze.js')).analyze(args.dir, options);
    };
    // Measuring runs the package's code, so it happens only when asked (--measure, or html).
    let result =
      args.measure || args.format === 'html'
        ? await (await import('../../api/analyze.js')).analyzeMeasured(args.dir, { ...options, runs: args.runs, timeoutMs: args.timeout * 1000 })
        : (keptAnalysis(args.dir, options) ?? (await analyzeAfresh()));
    progress.clear();
    if (args.baseline && !baseline) {
      // A new (or updated) baseline accepts what there is now: this run reports nothing as new.
      const written = toFindingsBaseline(result.findings);
      writeOutputFile(args.baseline, `${JSON.stringify(written, null, 2)}\n`);
      process.stderr.write(`lazify: wrote ${written.findings.length} finding${written.findings.length === 1 ? '' : 's'} to ${args.baseline}; later runs with --baseline report only new ones\n`);
      result = withBaseline(result, written);
    }
    // In GitHub Actions, findings become annotations on stdout, unless stdout carries a
    // machine-readable report they would corrupt (then write it with --output-file).
    const toStdout = args['output-file'] === undefined;
    const annotate = inGithubActions() && (!toStdout || args.format === 'text' || args.format === 'markdown');
    const pathPrefix = annotationPathPrefix(result.root);
    const annotations = annotate
      ? renderGithubAnnotations([...findingAnnotations(result.findings, { pathPrefix, failOn: args['fail-on'] ?? config.failOn }), ...diagnosticAnnotations(result.diagnostics, { pathPrefix })])
      : undefined;
    if (args.format === 'html') {
      const { renderHtmlReport } = await import('../../api/measure.js');
      printReport({ output: renderHtmlReport({ importTime: result.importTime!, findings: result.findings }).output, exitCode: 0 }, { outputFile: args['output-file'], extraStdout: annotations });
      return;
    }
    const report = renderReport(result, args.format, {
      color: args.format === 'text' && toStdout && colourWanted(args.color),
      failOn: args['fail-on'] ?? config.failOn,
      toolVersion: ownVersion(),
      width: args.format === 'text' && toStdout ? terminalWidth() : undefined,
    });
    printReport(report, { outputFile: args['output-file'], extraStdout: annotations });
  },
};
