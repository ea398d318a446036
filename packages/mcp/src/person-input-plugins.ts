import type { PersonInputPlugin } from './types.js';

/** Inputs whose schema says `format: password` are the person's: an agent must not make one up. */
export const passwordInputs: PersonInputPlugin = {
  claim: ({ schema }) => (schema.format === 'password' ? 'a password' : undefined),
};

/**
 * Inputs named on the command line (`--input-from NAME=prompt`) are the person's, in every
 * workflow that declares them.
 */
export function promptInputs(names: readonly string[]): PersonInputPlugin {
  const wanted = new Set(names);
  return {
    claim: ({ name }) => (wanted.has(name) ? 'asked of the person (--input-from prompt)' : undefined),
  };
}
