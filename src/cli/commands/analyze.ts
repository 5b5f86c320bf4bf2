import type { CommandModule } from 'yargs';
import { LazifyError } from '../../index.js';

// Placeholder until the command lands: says so plainly instead of pretending.
export const analyzeCommand: CommandModule = {
  command: 'analyze',
  describe: '(not implemented yet)',
  handler: () => {
    throw new LazifyError('not-implemented', 'analyze is not implemented yet');
  },
};
