import type { FlagSpec, FlagSpecs, ParsedFlags } from './command-spec.js';
import { readFlagValue } from './read-flag-value.js';

/**
 * The value a flag takes when neither the command line nor its environment variable gives one:
 * `[]` for a repeatable flag, the declared default for a boolean (false when none), the declared
 * default read by the flag's kind otherwise, else `undefined`.
 */
export function defaultFlagValue(name: string, flag: FlagSpec): unknown {
  if (flag.multiple === true) return [];
  if (flag.kind === 'boolean') return flag.default === true;
  return typeof flag.default === 'string' ? readFlagValue(`--${name}`, flag, flag.default) : undefined;
}

/**
 * Every flag of `flags` at its default, as the parser gives them for a command line that names
 * none (environment variables not read): every declared flag is a key, those with no default hold
 * `undefined`. Commands that run `telaio run`'s reading with some flags of their own (test, mcp)
 * start from this, so a flag added to run is never missing there.
 */
export function flagDefaults<F extends FlagSpecs>(flags: F): ParsedFlags<F> {
  const values: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(flags)) values[name] = defaultFlagValue(name, flag);
  return values as ParsedFlags<F>;
}

/**
 * The flags named in `names` taken from `given` (another command's parsed flags), for a command
 * that shares them with the one `given` was parsed for; `undefined` values are left out, so the
 * defaults they are spread over stay.
 */
export function pickFlags<G extends object, K extends keyof G & string>(
  given: G,
  names: readonly K[],
): Pick<G, K> {
  const picked: Partial<G> = {};
  for (const name of names) if (given[name] !== undefined) picked[name] = given[name];
  return picked as Pick<G, K>;
}
