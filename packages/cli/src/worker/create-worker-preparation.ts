import type { CredentialProvider, Engine, InputProvider } from '@telaio/core';
import type { DurableRunRequest, RunPreparation } from '@telaio/dbos';
import { createMasker } from '../mask/create-masker.js';
import type { AuthEntry } from '../run/parse-auth.js';

/**
 * What `telaio worker` builds runs with: one HTTP transport, the message transports (loaded on a
 * run's first message), credentials from `--auth` and the
 * Stytch environment (STYTCH_PROJECT_ID/STYTCH_SECRET), an engine per distinct `--server` map of
 * the submitted runs, and the worker-side providers of `--input-from NAME=env:VAR|totp:EXPR`.
 */
export async function createWorkerPreparation(options: {
  readonly auth: readonly AuthEntry[];
  readonly maxSteps: number;
  readonly timeoutMs?: number;
}): Promise<RunPreparation & { close(): Promise<void> }> {
  const core = await import('@telaio/core');
  const { createHttpTransport } = await import('@telaio/http-adapter');
  const { createStytchCredentials } = await import('@telaio/stytch-auth');
  const credentials: CredentialProvider = core.combineCredentials(
    options.auth.length === 0 ? undefined : core.createStaticCredentials(options.auth),
    createStytchCredentials({}),
  );
  const transport = createHttpTransport({
    ...(options.timeoutMs === undefined
      ? {}
      : { timeout: { total: options.timeoutMs, connect: Math.min(options.timeoutMs, 10_000) } }),
    secretValues: () => credentials.secretValues?.() ?? [],
  });
  // Message steps (AsyncAPI sources): the transports load on a run's first message. Subscriptions
  // are not journaled: a message that arrives while its run's worker is down is lost.
  const { createLazyMessageTransport } = await import('../run/messages/create-lazy-message-transport.js');
  const messageTransport = createLazyMessageTransport({
    ...(options.timeoutMs === undefined ? {} : { connectTimeoutMs: Math.min(options.timeoutMs, 10_000) }),
    onSecrets: () => undefined,
  });
  const engines = new Map<string, Engine>();
  return {
    engine(request: DurableRunRequest): Engine {
      const key = JSON.stringify(request.servers ?? {});
      let engine = engines.get(key);
      if (engine === undefined) {
        engine = core.createEngine({
          transport,
          messageTransport,
          credentials,
          servers: request.servers ?? {},
          maxSteps: options.maxSteps,
        });
        engines.set(key, engine);
      }
      return engine;
    },
    async inputProviders(request: DurableRunRequest): Promise<Record<string, InputProvider>> {
      const entries = Object.entries(request.inputFrom ?? {});
      if (entries.length === 0) return {};
      const { buildInputProviders } = await import('../run/build-input-providers.js');
      const { noColors } = await import('../report/no-colors.js');
      return buildInputProviders({
        inputFrom: entries.map(([name, spec]) => {
          const at = spec.indexOf(':');
          const provider = (at < 0 ? spec : spec.slice(0, at)) as 'env' | 'totp';
          return at < 0 ? { name, provider } : { name, provider, arg: spec.slice(at + 1) };
        }),
        given: request.inputs ?? {},
        schema: { properties: {}, required: [], complete: true },
        interactive: false,
        dryRun: false,
        masker: createMasker({}),
        colors: noColors,
      });
    },
    async close() {
      transport.close();
      await messageTransport.close();
    },
  };
}
