import type { CommandModule } from 'yargs';
import { colourWanted } from '../colour-choice.js';
import { configOption, projectConfig } from '../project-config.js';

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
  color?: boolean;
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
      .example('$0 apply . --dry-run', 'the unified diffs of the default plan; nothing written')
      .example('$0 apply . --patch lazify.patch', 'a patch for `git apply`; the tree untouched')
      .example('$0 apply . --plan plan.json --verify', 'an edited plan, then build, tests and export names checked'),
  handler: async (args) => {
    const config = await projectConfig(args.dir, args.config);
    const { apply, colourDiff, renderApplyReport } = await import('../../api/plan-and-apply.js');
    const result = await apply(args.dir, {
      entry: args.entry ?? config.entry,
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
    });
    const { output, exitCode } = renderApplyReport(result, { colour: colourWanted(args.color) ? colourDiff : undefined });
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
