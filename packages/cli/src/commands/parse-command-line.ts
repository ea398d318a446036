import { parseArgs } from 'node:util';
import { UsageError } from '../shared/usage-error.js';
import type { CommandSpec, FlagSpec, FlagSpecs, ParsedFlags, PositionalSpec } from './command-spec.js';
import { defaultFlagValue } from './flag-defaults.js';
import { integerRange, readFlagValue } from './read-flag-value.js';
import { suggestFlag } from './suggest-flag.js';

/** A command line parsed against its command's spec. */
export interface ParsedCommandLine<F extends FlagSpecs> {
  readonly help: boolean;
  readonly flags: ParsedFlags<F>;
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` against `spec`: every flag it declares (long, short, `--name=value`), `--help`,
 * positionals (after `--` too). A flag not given takes its environment variable, else its default.
 * Throws a UsageError (shown with the usage line) for an unknown flag, a missing or malformed
 * value, a value given to a boolean, or the wrong number of positionals.
 */
export function parseCommandLine<F extends FlagSpecs>(
  spec: CommandSpec<F>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedCommandLine<F> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, flag] of Object.entries(spec.flags))
    options[name] = {
      type: flag.kind === 'boolean' ? 'boolean' : 'string',
      ...(flag.short === undefined ? {} : { short: flag.short }),
      ...(flag.multiple === true ? { multiple: true } : {}),
    };
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const given = new Map<string, string[] | true>();
  const operands = new Map<string, string>();
  const positionals: string[] = [];
  let help = false;
  /** A flag with an operand whose operand is the argument at `index`. */
  let awaiting: { readonly name: string; readonly raw: string; readonly index: number } | undefined;
  for (const token of tokens) {
    if (awaiting !== undefined) {
      if (token.kind === 'positional' && token.index === awaiting.index) {
        operands.set(awaiting.name, token.value);
        awaiting = undefined;
        continue;
      }
      throw missingOperand(awaiting.raw, spec.flags[awaiting.name] as FlagSpec);
    }
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = token.name === 'help' ? undefined : spec.flags[token.name];
    if (token.name === 'help' && token.value === undefined) help = true;
    else if (flag === undefined) throw unknownFlag(token.rawName, spec.flags);
    else if (flag.kind === 'boolean') {
      if (token.value !== undefined) throw usage(`${token.rawName} takes no value, got '${token.value}'`);
      given.set(token.name, true);
    } else {
      if (token.value === undefined)
        throw usage(`${token.rawName} needs a value: ${expected(token.name, flag)}`);
      const previous = given.get(token.name);
      given.set(token.name, [...(Array.isArray(previous) ? previous : []), token.value]);
      if (flag.operand !== undefined)
        awaiting = { name: token.name, raw: token.rawName, index: token.index + (token.inlineValue ? 1 : 2) };
    }
  }
  if (awaiting !== undefined) throw missingOperand(awaiting.raw, spec.flags[awaiting.name] as FlagSpec);
  const flags: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    const value = given.get(name);
    if (value === true) flags[name] = true;
    else if (value !== undefined && flag.operand !== undefined)
      flags[name] = [readFlagValue(`--${name}`, flag, value.at(-1) ?? ''), operands.get(name) ?? ''];
    else if (value !== undefined)
      flags[name] = flag.multiple === true ? value : readFlagValue(`--${name}`, flag, value.at(-1) ?? '');
    else flags[name] = fallback(name, flag, env);
  }
  if (!help) checkPositionals(spec.positionals, positionals);
  return { help, flags: flags as ParsedFlags<F>, positionals };
}

/** The value of a flag that was not given: its environment variable, else its default, else nothing. */
function fallback(name: string, flag: FlagSpec, env: NodeJS.ProcessEnv): unknown {
  const fromEnv = flag.env === undefined ? undefined : env[flag.env];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    if (flag.multiple === true) return splitEnvList(fromEnv);
    if (flag.operand !== undefined) {
      const [, value, operand] = /^\s*(\S+)\s+(.*\S)\s*$/.exec(fromEnv) ?? [];
      if (value === undefined || operand === undefined)
        throw usage(
          `${flag.env} (for --${name}) must be '${expected(name, flag)} ${flag.operand}', got '${fromEnv}'`,
        );
      return [readFlagValue(`${flag.env} (for --${name})`, flag, value), operand];
    }
    if (flag.kind !== 'boolean') return readFlagValue(`${flag.env} (for --${name})`, flag, fromEnv);
    if (/^(1|true|yes|on)$/i.test(fromEnv)) return true;
    if (/^(0|false|no|off)$/i.test(fromEnv)) return false;
    throw usage(`${flag.env} (for --${name}) must be 1/true/yes/on or 0/false/no/off, got '${fromEnv}'`);
  }
  return defaultFlagValue(name, flag);
}

/**
 * A repeatable flag's environment variable as values: a JSON object becomes `key=value` items
 * (`{"petId": 7}` for an assignment flag), anything else is a comma or newline separated list.
 */
function splitEnvList(value: string): string[] {
  if (value.trim().startsWith('{')) {
    try {
      const object = JSON.parse(value) as Record<string, unknown>;
      return Object.entries(object).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    } catch {
      // Not JSON: a list like any other.
    }
  }
  return value
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** What a flag's value must look like, for messages. */
export function expected(name: string, flag: FlagSpec): string {
  if (flag.kind === 'choice') return `one of ${(flag.choices ?? []).join(', ')}`;
  if (flag.kind === 'integer') return integerRange(flag);
  if (flag.kind === 'duration') return 'a duration such as 30s, 500ms or 2m';
  return flag.placeholder ?? name.toUpperCase();
}

function checkPositionals(spec: PositionalSpec, positionals: readonly string[]): void {
  const { name, min, max } = spec;
  if (positionals.length < min)
    throw usage(min === 1 ? `no ${name} given` : `expected at least ${min} ${name}`);
  if (positionals.length > max) {
    if (max === 0) throw usage(`unexpected argument '${positionals[0]}'`);
    throw usage(
      `expected ${max === 1 ? `one ${name}` : `at most ${max} ${name}`}, got ${positionals.length}`,
    );
  }
}

/** `--report needs FORMAT FILE: html FILE`. */
function missingOperand(raw: string, flag: FlagSpec): UsageError {
  return usage(`${raw} needs two values: ${expected(raw, flag)} ${flag.operand ?? 'VALUE'}`);
}

function unknownFlag(raw: string, flags: FlagSpecs): UsageError {
  const hint = suggestFlag(raw, ['help', ...Object.keys(flags)]);
  return usage(`unknown option '${raw}'${hint === undefined ? '' : ` (did you mean '${hint}'?)`}`);
}

function usage(message: string): UsageError {
  return new UsageError(message, undefined, { showUsage: true });
}
