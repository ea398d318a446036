/**
 * An input whose value comes from outside the run through the host (`RunHost.waitFor`), not from a
 * provider in this process: the TOTP code a person types into another terminal (`telaio resolve RUN
 * code=123456`), an approval. On DBOS it is `recv` with a timeout, on Temporal a signal and a
 * `condition`, on Restate a durable promise; the process host waits on an in-process mailbox.
 */
import type { InputProvider, InputRequest } from '../adapters/inputs.js';
import { TelaioError } from '../errors.js';

/** An InputProvider the engine resolves through `RunHost.waitFor` (its `resolve` is never called). */
export interface ExternalInput extends InputProvider {
  /** How long the run waits for the value; undefined: the host's default. */
  readonly external: { readonly timeoutMs?: number };
}

/** True when `provider` is resolved through the host (an ExternalInput). */
export function isExternalInput(provider: InputProvider): provider is ExternalInput {
  const external = (provider as { external?: unknown }).external;
  return typeof external === 'object' && external !== null;
}

/**
 * An input the run waits for from outside, through its host. Give it as an input provider
 * (`inputProviders: {code: externalInput({timeoutMs: 600_000, secret: true})}`): when the workflow
 * first reads the input the run waits (durably, on a durable host) until a value is sent to it.
 */
export function externalInput(options?: {
  readonly timeoutMs?: number;
  readonly secret?: boolean;
}): ExternalInput {
  const timeoutMs = options?.timeoutMs;
  return {
    external: timeoutMs === undefined ? {} : { timeoutMs },
    ...(options?.secret === undefined ? {} : { secret: options.secret }),
    resolve(request: InputRequest): never {
      throw new TelaioError(
        'engine-misconfigured',
        `input '${request.name}' comes from outside the run: the engine resolves it through the host's waitFor, not resolve()`,
      );
    },
  };
}
