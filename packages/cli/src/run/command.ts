import type { Command } from '../main.js';

/** `telaio run` (not yet implemented). */
export const command: Command = async () => {
  process.stderr.write('telaio run: not implemented yet\n');
  return 2;
};
