/**
 * The loopback API of the host contract suite (node:http on 127.0.0.1): each run uses its own key
 * (`/k/{runKey}/...`), and the server counts every request it answers per key and route, so the suite
 * can tell how often a cut and resumed run really sent each request. Accounts are created with a POST
 * (not idempotent: a second one is another account), `flaky` fails once with 503, `ticks` counts up,
 * `blob` is binary, `verify` accepts the code `123456` only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The code `verify` accepts. */
export const HOST_CONTRACT_CODE = '123456';

/** A running host contract server. */
export interface HostContractServer {
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** Requests answered for `runKey`, by `METHOD /route` (route without the key): `{'POST /accounts': 1}`. */
  counts(runKey: string): Readonly<Record<string, number>>;
  close(): Promise<void>;
}

type Reply = { status: number; type?: string; body?: unknown };

function answer(route: string, calls: number, count: (r: string) => number, body: string): Reply {
  if (route === 'POST /accounts')
    return { status: 201, body: { id: `acct-${calls}`, secret: `s3cr3t-${calls}` } };
  if (route === 'GET /flaky')
    return calls === 1 ? { status: 503, body: { calls } } : { status: 200, body: { calls } };
  if (route === 'POST /ticks') return { status: 200, body: { n: calls } };
  if (route.startsWith('GET /accounts/')) {
    const id = route.slice('GET /accounts/'.length);
    return count('POST /accounts') > 0 ? { status: 200, body: { id, name: 'Ada' } } : { status: 404 };
  }
  if (route === 'GET /blob')
    return { status: 200, type: 'application/octet-stream', body: Buffer.from([0, 1, 2, 255]) };
  if (route === 'POST /verify') {
    const sent = JSON.parse(body || '{}') as { code?: unknown; hint?: unknown };
    return sent.code === HOST_CONTRACT_CODE
      ? { status: 200, body: { verified: true, hint: sent.hint ?? null } }
      : { status: 401, body: { error: 'bad code' } };
  }
  return { status: 404, body: { error: `no route ${route}` } };
}

/** Start the server on an ephemeral port of 127.0.0.1. */
export async function startHostContractServer(): Promise<HostContractServer> {
  const counts = new Map<string, Map<string, number>>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/k\/([^/]+)(\/[^?]*)/.exec(req.url ?? '');
      const key = decodeURIComponent(match?.[1] ?? '');
      const route = `${req.method ?? 'GET'} ${match?.[2] ?? req.url}`;
      const perKey = counts.get(key) ?? new Map<string, number>();
      counts.set(key, perKey);
      const calls = (perKey.get(route) ?? 0) + 1;
      perKey.set(route, calls);
      const reply = answer(route, calls, (r) => perKey.get(r) ?? 0, Buffer.concat(chunks).toString('utf8'));
      if (reply.body === undefined) {
        res.writeHead(reply.status).end();
        return;
      }
      const binary = Buffer.isBuffer(reply.body);
      const payload = binary ? (reply.body as Buffer) : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' }).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    counts: (runKey) => Object.fromEntries(counts.get(runKey) ?? []),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
