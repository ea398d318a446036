import type { Command } from '../main.js';

/** `telaio sandbox` (not yet implemented). */
export const command: Command = async () => {
  process.stderr.write('telaio sandbox: not implemented yet\n');
  return 2;
};
