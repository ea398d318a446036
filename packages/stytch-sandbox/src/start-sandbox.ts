/**
 * Starts a local Stytch-compatible server on 127.0.0.1 for the MFA surface: users, organizations,
 * members, consumer and B2B TOTP, B2B recovery codes, sessions. Fresh in-memory state per sandbox,
 * seeded with CONTRACT.md's organization and members.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProjectSecret, type Environment } from './crypto/random-values.js';
import { createRequestHandler, type SandboxLogger } from './http/handle-request.js';
import { b2bTotpRoutes } from './routes/b2b-totp-routes.js';
import { connectedAppRoutes } from './routes/connected-app-routes.js';
import { organizationRoutes } from './routes/organization-routes.js';
import { recoveryCodeRoutes } from './routes/recovery-code-routes.js';
import { sessionAdminRoutes } from './routes/session-admin-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { totpRecoveryRoutes } from './routes/totp-recovery-routes.js';
import { totpRoutes } from './routes/totp-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { userSearchRoutes } from './routes/user-search-routes.js';
import { createState, type SandboxSeeds } from './state/create-state.js';
import type { SandboxState } from './state/records.js';

/** Options of startSandbox; all optional. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Only loopback is served. */
  host?: '127.0.0.1';
  /** Project id; default `project-test-<uuid>` (a `project-live-` id makes ids `-live-`). */
  projectId?: string;
  /** Project secret; default a random one. */
  secret?: string;
  /** Milliseconds since the epoch; inject to move time in tests (TOTP windows, session expiry). */
  clock?: () => number;
  /** Authenticate attempts allowed per user or member in a window; default 10 per 60 s. */
  rateLimit?: { attempts: number; windowMs: number };
  /** Receives one line per request (method, path, status, duration; never bodies). */
  logger?: SandboxLogger;
  /** Largest request body accepted, in bytes (default 64 KiB). */
  bodyLimit?: number;
}

/** Read-only view of the sandbox's state, for tests to inspect. */
export type SandboxStateView = {
  readonly [K in keyof SandboxState]: SandboxState[K] extends Map<infer Key, infer Value>
    ? ReadonlyMap<Key, Readonly<Value>>
    : SandboxState[K];
};

/** A running sandbox. */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  readonly url: string;
  /** The port it listens on (the free one chosen when `port` was 0). */
  readonly port: number;
  /** Project id the sandbox accepts as HTTP Basic user (the `projectId` option, default `project-test-<uuid>`). */
  readonly projectId: string;
  /** Project secret the sandbox accepts as HTTP Basic password. */
  readonly secret: string;
  /** Ids and secrets of the records every fresh sandbox holds. */
  readonly seeds: SandboxSeeds;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** Read-only view of the live state (users, organizations, members, TOTPs, sessions), for tests. */
  readonly state: SandboxStateView;
}

/** The routes every sandbox serves. */
const ROUTES = [
  ...userRoutes,
  ...userSearchRoutes,
  ...connectedAppRoutes,
  ...sessionAdminRoutes,
  ...totpRoutes,
  ...totpRecoveryRoutes,
  ...organizationRoutes,
  ...b2bTotpRoutes,
  ...recoveryCodeRoutes,
  ...sessionRoutes,
];

/** Starts a sandbox and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const projectId = options.projectId ?? `project-test-${randomUUID()}`;
  const env: Environment = projectId.startsWith('project-live-') ? 'live' : 'test';
  const secret = options.secret ?? createProjectSecret({ env });
  const { state, seeds } = createState({
    env,
    projectId,
    secret,
    clock: options.clock ?? Date.now,
    rateLimit: options.rateLimit ?? { attempts: 10, windowMs: 60_000 },
  });
  const handler = createRequestHandler({
    state,
    routes: ROUTES,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
  });
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    projectId,
    secret,
    seeds,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
