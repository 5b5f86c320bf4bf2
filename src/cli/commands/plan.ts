import type { CommandModule } from 'yargs';
import { LazifyError } from '../../index.js';

// Placeholder until the command lands: says so plainly instead of pretending.
export const planCommand: CommandModule = {
  command: 'plan',
  describe: '(not implemented yet)',
  handler: () => {
    throw new LazifyError('not-implemented', 'plan is not implemented yet');
  },
};
