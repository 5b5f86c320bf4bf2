import type { CommandModule } from 'yargs';
import { LazifyError } from '../../index.js';

// Placeholder until the command lands: says so plainly instead of pretending.
export const applyCommand: CommandModule = {
  command: 'apply',
  describe: '(not implemented yet)',
  handler: () => {
    throw new LazifyError('not-implemented', 'apply is not implemented yet');
  },
};
