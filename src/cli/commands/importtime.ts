import type { CommandModule } from 'yargs';
import { LazifyError } from '../../index.js';

// Placeholder until the command lands: says so plainly instead of pretending.
export const importtimeCommand: CommandModule = {
  command: 'importtime',
  describe: '(not implemented yet)',
  handler: () => {
    throw new LazifyError('not-implemented', 'importtime is not implemented yet');
  },
};
