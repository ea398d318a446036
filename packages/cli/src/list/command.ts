import type { Command } from '../main.js';

/** `telaio list` (not yet implemented). */
export const command: Command = async () => {
  process.stderr.write('telaio list: not implemented yet\n');
  return 2;
};
