/**
 * What a command declares about itself, once: its name, summary, flags (kind, default, the
 * environment variable that sets each), positionals, help sections and a lazily loaded handler.
 * The parser, the help, the usage errors and each command's report formats all derive from it.
 * This module holds types only and is cheap to import: the registry imports every command spec.
 */

/** How a flag's value is read. */
export type FlagKind = 'boolean' | 'string' | 'choice' | 'integer' | 'duration';

/** One flag of a command. */
export interface FlagSpec {
  readonly kind: FlagKind;
  /** One-letter alias (`-f`). */
  readonly short?: string;
  /** Repeatable: the value is the list of every occurrence, in order (string flags only). */
  readonly multiple?: boolean;
  /** The value's name in the help (`FILE`, `NAME=VALUE`); choices are shown as `a|b|c`. */
  readonly placeholder?: string;
  /** The allowed values of a `choice` flag. */
  readonly choices?: readonly string[];
  /** The value when neither the flag nor its environment variable is given (a string is parsed as typed). */
  readonly default?: string | boolean;
  /** The environment variable that sets the flag when it is not on the command line. */
  readonly env?: string;
  /** Smallest value of an `integer` flag. */
  readonly min?: number;
  /** Largest value of an `integer` flag. */
  readonly max?: number;
  /**
   * A second value, the argument after the flag's own (`--report html FILE`), named so in the help;
   * the parsed value is then `[value, operand]` (from the environment: `VALUE OPERAND`).
   */
  readonly operand?: string;
  /** The help text; further lines are indented under the first. */
  readonly help: string;
}

/** The flags of a command, by long name (without `--`). */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The parsed value type of one flag: `[value, operand]` for a flag with an operand. */
type FlagValue<F extends FlagSpec> = F['operand'] extends string
  ? readonly [OneValue<F>, string]
  : OneValue<F>;

/** The parsed type of a flag's own value. */
type OneValue<F extends FlagSpec> = F['kind'] extends 'boolean'
  ? boolean
  : F['kind'] extends 'integer' | 'duration'
    ? number
    : F['kind'] extends 'choice'
      ? F['choices'] extends readonly (infer C)[]
        ? C
        : string
      : F['multiple'] extends true
        ? string[]
        : string;

/** The parsed flags: booleans and defaulted or repeatable flags always present, others optional. */
export type ParsedFlags<F extends FlagSpecs> = {
  readonly [K in keyof F as F[K]['kind'] extends 'boolean'
    ? K
    : F[K]['default'] extends string
      ? K
      : F[K]['multiple'] extends true
        ? K
        : never]: FlagValue<F[K]>;
} & {
  readonly [K in keyof F as F[K]['kind'] extends 'boolean'
    ? never
    : F[K]['default'] extends string
      ? never
      : F[K]['multiple'] extends true
        ? never
        : K]?: FlagValue<F[K]>;
};

/** The positional arguments a command takes. */
export interface PositionalSpec {
  /** Their name in the usage line and messages (`FILE`). */
  readonly name: string;
  readonly min: number;
  /** Most allowed; `Infinity` for any number. */
  readonly max: number;
}

/** What a handler is called with. */
export interface CommandInput<F extends FlagSpecs> {
  readonly flags: ParsedFlags<F>;
  readonly positionals: readonly string[];
}

/** A command's handler: does the work, returns the exit code; throws UsageError for exit 2. */
export type CommandHandler<F extends FlagSpecs> = (input: CommandInput<F>) => Promise<number>;

/** A command, as the registry holds it. */
export interface CommandSpec<F extends FlagSpecs = FlagSpecs> {
  readonly name: string;
  /** One line for `telaio --help`. */
  readonly summary: string;
  /** What the command does, for its help (paragraphs). */
  readonly description: string;
  readonly flags: F;
  readonly positionals: PositionalSpec;
  /** Further help sections, in order (`Exit status`, `Output`, ...). */
  readonly sections?: readonly { readonly title: string; readonly text: string }[];
  readonly examples: readonly string[];
  /** Loads the handler only when the command runs (cold start stays small). */
  readonly handler: () => Promise<CommandHandler<F>>;
}

/** What help, usage lines and usage errors read of a command: all of it but the handler. */
export type CommandInfo = Omit<CommandSpec<FlagSpecs>, 'handler'>;

/** Declares a command; the identity, typed so that the handler sees the flags' parsed types. */
export function defineCommand<const F extends FlagSpecs>(spec: CommandSpec<F>): CommandSpec<F> {
  return spec;
}
