import type { CommandModule } from 'yargs';

interface TransformsArgs {
  format: 'text' | 'json';
}

export const transformsCommand: CommandModule<object, TransformsArgs> = {
  command: 'transforms',
  describe: 'List the transforms apply runs, with what each does and its options',
  builder: (yargs) =>
    yargs
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
      .example('$0 transforms', 'each transform, its phase, description and options'),
  handler: async (args) => {
    const { listTransforms, renderTransformsReport } = await import('../../api/transforms.js');
    const { output, exitCode } = renderTransformsReport(listTransforms(), args.format);
    process.stdout.write(output);
    process.exitCode = exitCode;
  },
};
