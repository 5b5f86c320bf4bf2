import type { CommandModule } from 'yargs';
import { configOption, projectConfig } from '../project-config.js';
import { outputFileOption, printReport } from '../print-report.js';
import { progressDisplay } from '../progress-display.js';
import { cacheDirOf } from '../cache-option.js';

interface PlanArgs {
  dir: string;
  entry?: string;
  config?: string;
  format: 'text' | 'json' | 'markdown';
  'output-file'?: string;
  quiet?: boolean;
  cache?: boolean;
  deprecate: boolean;
  'allow-api-change': boolean;
  include?: string[];
}

export const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan [dir]',
  describe: 'Print what apply would do: which declarations move where, which importers change, what shims stay',
  builder: (yargs) =>
    yargs
      .positional('dir', { type: 'string', default: '.', describe: 'package directory (has package.json)' })
      .option('entry', { type: 'string', requiresArg: true, describe: 'entry file instead of package.json exports/main' })
      .option('config', configOption)
      .option('format', { choices: ['text', 'json', 'markdown'] as const, default: 'text' as const, describe: 'json prints the editable plan' })
      .option('output-file', outputFileOption)
      .option('deprecate', { type: 'boolean', default: false, describe: 'mark re-export shims @deprecated' })
      .option('allow-api-change', { type: 'boolean', default: false, describe: 'native ESM: replace exported values built at import by accessors (changes the API)' })
      .option('include', { type: 'string', array: true, describe: 'also rewrite files matching GLOB (tests, scripts, examples are left out by default)' })
      .example('$0 plan', 'the operations apply would run, and what it would leave')
      .example('$0 plan . --format json > plan.json', 'the editable plan, for `lazify apply --plan plan.json`')
      .example('$0 plan . --format markdown --output-file plan.md', 'the plan for an issue or a pull request'),
  handler: async (args) => {
    const config = await projectConfig(args.dir, args.config);
    const { plan, renderPlanReport } = await import('../../api/plan-and-apply.js');
    const progress = progressDisplay({ quiet: args.quiet });
    const result = await plan(args.dir, {
      entry: args.entry ?? config.entry,
      cacheDir: cacheDirOf(args),
      deprecate: args.deprecate,
      allowApiChange: args['allow-api-change'],
      // --include adds to the config's globs; exclude and the ignore rules come from the config.
      include: [...config.include, ...(args.include ?? [])],
      exclude: config.exclude,
      suppressions: { kinds: config.kinds, ignore: config.ignore },
      onProgress: progress.listener,
    });
    progress.clear();
    printReport(renderPlanReport(result, args.format), { outputFile: args['output-file'] });
  },
};
