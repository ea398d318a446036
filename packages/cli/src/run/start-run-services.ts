import {
  type CredentialProvider,
  combineCredentials,
  createDryRunMessageTransport,
  createStaticCredentials,
  type MessageTransport,
  type Transport,
} from '@telaio/core';
import {
  createHttpTransport,
  createTlsTransport,
  type HttpTransportOptions,
  type TlsOptions,
} from '@telaio/http-adapter';
import type { Masker } from '../mask/create-masker.js';
import { createDryRun, type DryRun, type DryRunRecord } from './dry-run/create-dry-run-transport.js';
import { createLazyMessageTransport } from './messages/create-lazy-message-transport.js';
import type { AuthEntry } from './parse-auth.js';
import type { RunOptions } from './to-run-options.js';

/** What a run talks through, and how to tear it down. */
export interface RunServices {
  readonly transport: Transport;
  /**
   * Sends and receives the messages of AsyncAPI steps: @telaio/asyncapi-adapter loaded on the first
   * message (the protocol by the source's server), or with --dry-run core's dry-run message transport.
   */
  readonly messageTransport: MessageTransport;
  /** Delegates to the `--auth` credentials, then the Stytch ones, once `useAuth()`/`useStytch()` were called. */
  readonly credentials: CredentialProvider;
  /** Set only with --dry-run. */
  readonly dryRun?: DryRun;
  /** HAR of what was sent (with --har and a real transport). */
  readonly har?: () => unknown;
  /** Turns on Stytch credentials (env, or the sandbox's) for Stytch sources. */
  useStytch(): Promise<void>;
  /** Turns on the `--auth` credentials (checked against the document first); they win over Stytch's. */
  useAuth(entries: readonly AuthEntry[]): Promise<void>;
  /** Closes the transport and the sandbox. */
  close(): Promise<void>;
}

/**
 * Starts what a run needs: the embedded sandbox (--sandbox), the HTTP transport (got, loaded only
 * now) or the dry-run transport, a pino logger whose lines pass through the masker, and a
 * credentials slot that Stytch credentials fill once the document shows Stytch sources.
 */
export async function startRunServices(options: {
  readonly run: RunOptions;
  readonly masker: Masker;
  readonly onDryRunRecord?: (record: DryRunRecord) => void;
  /** A dry run's gap outside the engine's expressions (a base URL), for its markers. */
  readonly onDryRunGap?: (gap: { stepId: string; expression: string; reason: string }) => void;
  /** TLS per source (client certificates, CAs, `--insecure`), for `telaio test`'s TLS flags. */
  readonly tls?: TlsOptions;
}): Promise<RunServices> {
  const { run, masker } = options;
  let inner: CredentialProvider | undefined;
  let stytch: CredentialProvider | undefined;
  let flags: CredentialProvider | undefined;
  const combine = async (): Promise<void> => {
    inner = combineCredentials(flags, stytch);
    for (const secret of inner.secretValues?.() ?? []) masker.add(secret);
  };
  let sandbox: { url: string; projectId: string; secret: string; close(): Promise<void> | void } | undefined;
  if (run.sandbox) {
    const { startSandbox } = await import('@telaio/stytch-sandbox');
    sandbox = await startSandbox({});
    masker.add(sandbox.secret);
  }
  const credentials: CredentialProvider = {
    credentialFor: (request) => inner?.credentialFor(request),
    serverFor: (source) => inner?.serverFor?.(source),
    secretValues: () => inner?.secretValues?.() ?? [],
  };
  const useStytch = async (): Promise<void> => {
    const { createStytchCredentials } = await import('@telaio/stytch-auth');
    stytch = createStytchCredentials(
      sandbox === undefined
        ? {}
        : { projectId: sandbox.projectId, secret: sandbox.secret, baseUrl: sandbox.url },
    );
    await combine();
  };
  const useAuth = async (entries: readonly AuthEntry[]): Promise<void> => {
    if (entries.length === 0) return;
    flags = createStaticCredentials(entries);
    await combine();
  };
  const closeSandbox = async (): Promise<void> => {
    await sandbox?.close();
  };
  // A password in a --server URL (mqtt://user:pass@host) is a credential like any other.
  for (const url of Object.values(run.servers)) {
    const password = URL.canParse(url) ? new URL(url).password : '';
    if (password !== '') {
      masker.add(password);
      masker.add(decodeURIComponent(password));
    }
  }
  if (run.dryRun) {
    // What it would send is reported through the engine's message hooks (they know the step).
    const messages = createDryRunMessageTransport();
    const dryRun = createDryRun({
      credentials,
      ...(options.onDryRunRecord === undefined ? {} : { onRecord: options.onDryRunRecord }),
      ...(options.onDryRunGap === undefined ? {} : { onUnresolved: options.onDryRunGap }),
    });
    return {
      transport: dryRun.transport,
      messageTransport: messages,
      credentials,
      dryRun,
      useStytch,
      useAuth,
      close: closeSandbox,
    };
  }
  const logger = run.logLevel === undefined ? undefined : await createMaskedLogger(run.logLevel, masker);
  const tls = options.tls;
  const transport = (
    tls === undefined ? createHttpTransport : (o: HttpTransportOptions) => createTlsTransport({ ...o, tls })
  )({
    ...(run.timeoutMs === undefined
      ? {}
      : { timeout: { total: run.timeoutMs, connect: Math.min(run.timeoutMs, 10_000) } }),
    ...(logger === undefined ? {} : { logger }),
    ...(run.maxResponseBytes === undefined ? {} : { maxResponseBytes: run.maxResponseBytes }),
    allowInsecureRedirects: run.allowInsecureRedirects,
    captureHar: run.har !== undefined,
    revealSecrets: run.revealSecrets,
    secretValues: () => [...masker.secrets(), ...(inner?.secretValues?.() ?? [])],
  });
  const messageTransport = createLazyMessageTransport({
    ...(run.timeoutMs === undefined ? {} : { connectTimeoutMs: Math.min(run.timeoutMs, 10_000) }),
    onSecrets: (secrets) => {
      for (const secret of secrets) masker.add(secret);
    },
    ...(logger === undefined ? {} : { onEvent: (line: string) => logger.info(line) }),
  });
  return {
    transport,
    messageTransport,
    credentials,
    har: () => transport.har(),
    useStytch,
    useAuth,
    async close() {
      transport.close();
      await Promise.all([messageTransport.close(), closeSandbox()]);
    },
  };
}

async function createMaskedLogger(level: string, masker: Masker) {
  const { pino } = await import('pino');
  return pino(
    { level, base: null },
    { write: (line: string) => void process.stderr.write(masker.text(line)) },
  );
}
