import type { CommandModule } from 'yargs';
import { outputFileOption, printReport } from '../print-report.js';

interface TransformsArgs {
  format: 'text' | 'json';
  'output-file'?: string;
}

export const transformsCommand: CommandModule<object, TransformsArgs> = {
  command: 'transforms',
  describe: 'List the transforms apply runs, with what each does and its options',
  builder: (yargs) =>
    yargs
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
      .option('output-file', outputFileOption)
      .example('$0 transforms', 'each transform, its phase, description and options'),
  handler: async (args) => {
    const { listTransforms, renderTransformsReport } = await import('../../api/transforms.js');
    printReport(renderTransformsReport(listTransforms(), args.format), { outputFile: args['output-file'] });
  },
};
