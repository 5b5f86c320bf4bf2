import type { CommandModule } from 'yargs';
import { colourWanted } from '../colour-choice.js';
import { configOption, projectConfig } from '../project-config.js';
import { timeoutSeconds, wholeNumber } from '../number-options.js';
import { annotationPathPrefix, inGithubActions, outputFileOption, printReport, writableFile } from '../print-report.js';
import { progressDisplay } from '../progress-display.js';
import { UsageError } from '../usage-error.js';
import { writeOutputFile } from '../write-output-file.js';
import { cacheDirOf } from '../cache-option.js';

interface ApplyArgs {
  dir: string;
  entry?: string;
  config?: string;
  plan?: string;
  'dry-run': boolean;
  patch?: string;
  force: boolean;
  deprecate: boolean;
  'allow-api-change': boolean;
  verify: boolean;
  'keep-on-failure': boolean;
  include?: string[];
  typecheck: boolean;
  format: 'text' | 'json' | 'markdown';
  'output-file'?: string;
  'pr-body'?: string;
  runs: number;
  timeout: number;
  lint: boolean;
  color?: boolean;
  quiet?: boolean;
  cache?: boolean;
}

export const applyCommand: CommandModule<object, ApplyArgs> = {
  command: 'apply [dir]',
  describe: 'Apply the plan (or --plan FILE): all files or none; --dry-run prints diffs, --patch writes a patch',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file instead of package.json exports/main' })
      .option('config', configOption)
      .option('plan', { type: 'string', requiresArg: true, describe: 'apply this plan (from `lazify plan --format json`, possibly edited)' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'print unified diffs, write nothing' })
      // requiresArg: `--patch` alone is a usage error before any analysis runs.
      .option('patch', { type: 'string', requiresArg: true, describe: 'write a patch `git apply` accepts to FILE instead of changing files' })
      .option('force', { type: 'boolean', default: false, describe: 'apply even with uncommitted changes in the git tree, and keep operations that add type errors' })
      .option('deprecate', { type: 'boolean', default: false, describe: 'mark re-export shims @deprecated, pointing at the new module' })
      .option('allow-api-change', { type: 'boolean', default: false, describe: 'native ESM: replace exported values built at import by accessors (changes the API)' })
      .option('verify', { type: 'boolean', default: false, describe: 'build, run the tests and compare the entry exports after writing; if one fails, put every file back' })
      .option('keep-on-failure', { type: 'boolean', default: false, describe: 'with --verify: when a check fails, leave the written files (and print how to revert)' })
      .option('include', { type: 'string', array: true, requiresArg: true, describe: 'also rewrite files matching GLOB (tests, scripts, examples are left out by default)' })
      .option('typecheck', { type: 'boolean', default: true, describe: 'TypeScript: leave out operations that add type errors (--no-typecheck skips the check)' })
      .option('format', { choices: ['text', 'json', 'markdown'] as const, default: 'text' as const, describe: 'markdown: the pull request body' })
      .option('output-file', outputFileOption)
      .option('pr-body', { type: 'string', requiresArg: true, coerce: writableFile('pr-body'), describe: 'with --verify: also write the pull request body (markdown) to FILE' })
      .option('runs', { default: 3, coerce: wholeNumber('runs', 0), describe: 'with --verify: fresh processes measuring the import before and after (0: do not measure)' })
      .option('timeout', { default: 30, coerce: timeoutSeconds('timeout'), describe: 'with --verify: seconds before an import measurement run is killed as hung' })
      .check((argv) => {
        if (argv['pr-body'] !== undefined && !argv.verify) throw new UsageError('--pr-body needs --verify: the body reports the build, tests and import before/after');
        return true;
      })
      .option('lint', { type: 'boolean', default: true, describe: "lint the changed files with the project's ESLint before and after, and list the problems the rewrite adds (--no-lint skips it)" })
      .example('$0 apply . --dry-run', 'the unified diffs of the default plan; nothing written')
      .example('$0 apply . --patch lazify.patch', 'a patch for `git apply`; the tree untouched')
      .example('$0 apply . --plan plan.json --verify', 'an edited plan, then build, tests and export names checked')
      .example('$0 apply . --verify --pr-body pr.md', 'apply, verify, and write the pull request body (gh pr create --body-file pr.md)'),
  handler: async (args) => {
    const config = await projectConfig(args.dir, args.config);
    const { apply, colourDiff, renderApplyReport, renderPullRequestBody, applyDiagnostics, diagnosticAnnotations, renderGithubAnnotations } = await import('../../api/plan-and-apply.js');
    const progress = progressDisplay({ quiet: args.quiet });
    const result = await apply(args.dir, {
      entry: args.entry ?? config.entry,
      cacheDir: cacheDirOf(args),
      exclude: config.exclude,
      suppressions: { kinds: config.kinds, ignore: config.ignore },
      plan: args.plan,
      dryRun: args['dry-run'],
      patch: args.patch,
      force: args.force,
      deprecate: args.deprecate,
      allowApiChange: args['allow-api-change'],
      verify: args.verify,
      keepOnFailure: args['keep-on-failure'],
      include: [...config.include, ...(args.include ?? [])],
      typecheck: args.typecheck,
      importRuns: args.runs,
      importTimeoutMs: args.timeout * 1000,
      onProgress: progress.listener,
      lint: args.lint,
    });
    progress.clear();
    const toStdout = args['output-file'] === undefined;
    const report = renderApplyReport(result, { format: args.format, colour: args.format === 'text' && toStdout && colourWanted(args.color) ? colourDiff : undefined });
    if (args['pr-body'] !== undefined) writeOutputFile(args['pr-body'], renderPullRequestBody(result));
    const annotate = inGithubActions() && (!toStdout || args.format !== 'json');
    const annotations = annotate ? renderGithubAnnotations(diagnosticAnnotations(applyDiagnostics(result), { pathPrefix: annotationPathPrefix(result.root) })) : undefined;
    printReport(report, { outputFile: args['output-file'], extraStdout: annotations });
  },
};
