import type { CommandModule } from 'yargs';
import { LazifyError } from '../../index.js';

// Placeholder until the command lands: says so plainly instead of pretending.
export const whyCommand: CommandModule = {
  command: 'why',
  describe: '(not implemented yet)',
  handler: () => {
    throw new LazifyError('not-implemented', 'why is not implemented yet');
  },
};
