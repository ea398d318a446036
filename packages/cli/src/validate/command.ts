import type { Command } from '../main.js';

/** `telaio validate` (not yet implemented). */
export const command: Command = async () => {
  process.stderr.write('telaio validate: not implemented yet\n');
  return 2;
};
