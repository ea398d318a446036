import type { DeclaredInputsView, InputProvider, InputRequest } from '@telaio/core';
import type { Masker } from '../mask/create-masker.js';
import { createPromptProvider } from '../prompt/create-prompt-provider.js';
import type { Colors } from '../shared/colors-for.js';
import { UsageError } from '../shared/usage-error.js';
import type { InputFrom } from './to-run-options.js';

/** What decides which inputs get a provider. */
export interface InputProviderPlan {
  readonly inputFrom: readonly InputFrom[];
  /** Inputs already given (`--input`, `--inputs`). */
  readonly given: Readonly<Record<string, unknown>>;
  readonly schema: DeclaredInputsView;
  /** stdin and stderr are a terminal: missing required inputs are asked for. */
  readonly interactive: boolean;
  readonly dryRun: boolean;
  readonly masker: Masker;
  readonly colors: Colors;
  readonly env?: NodeJS.ProcessEnv;
  /** A provider failed (the input is then left without a value: `input-missing` if required). */
  readonly onError?: (name: string, error: unknown) => void;
}

/**
 * The run's input providers by name: `--input-from` (prompt, env:VAR, totp:EXPR) and, for required
 * inputs given no other way, a terminal prompt (interactive) or, with `--dry-run`, a placeholder.
 * Every value a provider returns is taught to the masker (secret-looking names, secret providers).
 */
export async function buildInputProviders(plan: InputProviderPlan): Promise<Record<string, InputProvider>> {
  const providers: Record<string, InputProvider> = {};
  const env = plan.env ?? process.env;
  for (const from of plan.inputFrom) {
    if (from.provider === 'env') {
      // Read when the workflow first reads the input, not before: an optional input the run never
      // reads may name an unset variable; a read one that is unset is input-missing naming it.
      const variable = from.arg ?? '';
      providers[from.name] = {
        resolve: () => {
          const value = env[variable];
          if (value === undefined)
            throw Object.assign(
              new Error(
                `--input-from ${from.name}=env:${variable}: the environment variable ${variable} is not set`,
              ),
              { code: 'input-missing' },
            );
          return convert(value, plan.schema.properties[from.name]?.type);
        },
      };
    } else if (plan.dryRun) {
      providers[from.name] = { resolve: () => `<${from.provider}:${from.arg ?? from.name}>` };
    } else if (from.provider === 'prompt') {
      if (!plan.interactive)
        throw new UsageError(
          `--input-from ${from.name}=prompt needs a terminal (stdin and stderr); give --input ${from.name}=VALUE instead`,
        );
      providers[from.name] = createPromptProvider({ colors: plan.colors });
    } else {
      const { createTotpInputProvider } = await import('@telaio/stytch-auth');
      try {
        providers[from.name] = createTotpInputProvider({ expression: from.arg ?? '' });
      } catch (error) {
        throw new UsageError(`--input-from ${from.name}=totp:${from.arg}: ${(error as Error).message}`);
      }
    }
  }
  for (const name of plan.schema.required) {
    if (name in plan.given || name in providers) continue;
    if (plan.dryRun) providers[name] = { resolve: () => standIn(name, plan.schema.properties[name]) };
    else if (plan.interactive) providers[name] = createPromptProvider({ colors: plan.colors });
  }
  const out: Record<string, InputProvider> = {};
  for (const [name, provider] of Object.entries(providers)) out[name] = teach(provider, name, plan);
  return out;
}

/**
 * Wraps a provider so what it returns is known to the masker before anything prints it, and a
 * provider that throws (Ctrl-C at a prompt, a totp expression with no secret) becomes "no value"
 * reported to `onError` rather than an exception out of the engine.
 */
function teach(
  provider: InputProvider,
  name: string,
  plan: { readonly masker: Masker; readonly onError?: (name: string, error: unknown) => void },
): InputProvider {
  const { masker } = plan;
  return {
    ...(provider.secret === undefined ? {} : { secret: provider.secret }),
    async resolve(request: InputRequest) {
      let value: unknown;
      try {
        value = await provider.resolve(request);
      } catch (error) {
        plan.onError?.(name, error);
        return undefined;
      }
      if (provider.secret === true) masker.add(value);
      else masker.collect(value, name);
      return value;
    },
  };
}

/**
 * What --dry-run uses for a required input nobody gave: a `<input:NAME>` placeholder, or for inputs
 * whose schema wants another type (the engine checks it), the schema's default, example, minimum or
 * an empty value of that type.
 */
function standIn(name: string, schema: Record<string, unknown> | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === undefined || type === 'string') return `<input:${name}>`;
  if (schema?.default !== undefined) return schema.default;
  if (Array.isArray(schema?.examples) && schema.examples.length > 0) return schema.examples[0];
  if (type === 'integer' || type === 'number')
    return typeof schema?.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return false;
  return type === 'array' ? [] : {};
}

function convert(text: string, type: unknown): unknown {
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && Number.isFinite(Number(text)))
    return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
