/**
 * The adapter's HTTP client (src/client/send-exchange.ts) against real servers on 127.0.0.1: what it
 * puts on the wire, redirects (RFC 9110 §15.4), decompression and the body limit, timeouts,
 * cancellation, and the phases HAR timings come from.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeOptions } from '../src/client/exchange-types.js';
import { sendExchange } from '../src/client/send-exchange.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Handler>();
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];
let server: Server;
let other: Server;
let base = '';
let otherBase = '';
let silent: NetServer;
let silentPort = 0;
const silentSockets = new Set<Socket>();

function listen(s: Server | NetServer): Promise<number> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (route === undefined) {
      res.writeHead(404).end('no route');
      return;
    }
    route(req, res, body);
  });
}

const options = (overrides: Partial<ExchangeOptions>): ExchangeOptions => ({
  url: `${base}/echo`,
  method: 'GET',
  headers: {},
  agents: {},
  connectTimeoutMs: 2000,
  totalTimeoutMs: 5000,
  maxBodyBytes: 1024 * 1024,
  followRedirects: false,
  ...overrides,
});

beforeAll(async () => {
  server = createServer(handle);
  other = createServer(handle);
  base = `http://127.0.0.1:${await listen(server)}`;
  // same host, another port: another origin
  otherBase = `http://localhost:${await listen(other)}`;
  // accepts TCP and never says a word: a TLS handshake to it never completes
  silent = createNetServer((socket) => {
    silentSockets.add(socket);
    socket.on('error', () => undefined);
  });
  silentPort = await listen(silent);
  routes.set('/echo', (req, res, body) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, body }));
  });
  routes.set('/redirect', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(Number(url.searchParams.get('status') ?? 302), {
      location: url.searchParams.get('to') ?? '/echo',
    });
    res.end('moved');
  });
  routes.set('/loop', (_req, res) => {
    res.writeHead(302, { location: '/loop' }).end();
  });
  const send = (encoding: string, bytes: Buffer) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': encoding });
    res.end(bytes);
  };
  const text = Buffer.from('hello, decompressed world');
  routes.set('/gzip', send('gzip', gzipSync(text)));
  routes.set('/deflate', send('deflate', deflateSync(text)));
  routes.set('/deflate-raw', send('deflate', deflateRawSync(text)));
  routes.set('/br', send('br', brotliCompressSync(text)));
  routes.set('/empty-gzip', send('gzip', Buffer.alloc(0)));
  routes.set('/corrupt-gzip', send('gzip', Buffer.from('this is not gzip at all')));
  routes.set('/identity-unknown', send('x-custom', text));
  // 64 MiB of zeros compress to ~64 KiB
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  routes.set('/bomb', send('gzip', bomb));
  routes.set('/big', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 1);
    let left = 64;
    const pump = (): void => {
      while (left > 0) {
        left -= 1;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  routes.set('/slow-body', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    setTimeout(() => res.end(' rest'), 2000).unref();
  });
});

afterAll(async () => {
  for (const socket of silentSockets) socket.destroy();
  await Promise.all(
    [server, other, silent].map(
      (s) =>
        new Promise<void>((resolve) => {
          (s as Server).closeAllConnections?.();
          s.close(() => resolve());
        }),
    ),
  );
});

describe('send-exchange: the request on the wire', () => {
  it('sends a body with content-length (not chunked) and asks for compressed responses', async () => {
    seen.length = 0;
    const response = await sendExchange(
      options({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":"é"}' }),
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ method: 'POST', body: '{"a":"é"}' });
    const sent = seen.at(-1);
    expect(sent?.headers['content-length']).toBe('10');
    expect(sent?.headers['transfer-encoding']).toBeUndefined();
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('keeps an accept-encoding the request sets, and sends a GET body when given one', async () => {
    seen.length = 0;
    await sendExchange(options({ headers: { 'accept-encoding': 'identity' }, body: 'x=1' }));
    expect(seen.at(-1)?.headers['accept-encoding']).toBe('identity');
    expect(seen.at(-1)?.body).toBe('x=1');
  });

  it('resolves error statuses like any other and keeps raw headers as received', async () => {
    const response = await sendExchange(options({ url: `${base}/nowhere` }));
    expect(response.statusCode).toBe(404);
    expect(response.statusMessage).toBe('Not Found');
    expect(response.body.toString()).toBe('no route');
    expect(response.rawHeaders.length).toBeGreaterThan(0);
  });

  it('refuses a protocol it cannot speak with ERR_UNSUPPORTED_PROTOCOL, and a bad URL with ERR_INVALID_URL', async () => {
    await expect(sendExchange(options({ url: 'ftp://127.0.0.1/file' }))).rejects.toMatchObject({
      code: 'ERR_UNSUPPORTED_PROTOCOL',
    });
    await expect(sendExchange(options({ url: 'http://exa mple.com/' }))).rejects.toMatchObject({
      code: 'ERR_INVALID_URL',
    });
  });
});

describe('send-exchange: redirects (RFC 9110 §15.4)', () => {
  it('does not follow unless asked: the 302 itself resolves', async () => {
    const response = await sendExchange(options({ url: `${base}/redirect?status=302&to=/echo` }));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/echo');
  });

  it.each([301, 302, 307, 308])(
    'follows a %i with the same method, resolving a relative Location',
    async (status) => {
      seen.length = 0;
      const response = await sendExchange(
        options({ url: `${base}/redirect?status=${status}&to=echo`, followRedirects: true }),
      );
      expect(response.statusCode).toBe(200);
      expect(response.url).toBe(`${base}/echo`);
      expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
        `GET /redirect?status=${status}&to=echo`,
        'GET /echo',
      ]);
    },
  );

  it('§15.4.4: a 303 turns a POST into a GET without its body or body headers; a 307 keeps both', async () => {
    seen.length = 0;
    await sendExchange(
      options({
        method: 'POST',
        url: `${base}/redirect?status=303&to=/echo`,
        headers: { 'content-type': 'text/plain' },
        body: 'payload',
        followRedirects: true,
      }),
    );
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/echo', body: '' });
    expect(seen.at(-1)?.headers['content-type']).toBeUndefined();
    expect(seen.at(-1)?.headers['content-length']).toBeUndefined();
    seen.length = 0;
    await sendExchange(
      options({
        method: 'POST',
        url: `${base}/redirect?status=307&to=/echo`,
        headers: { 'content-type': 'text/plain' },
        body: 'payload',
        followRedirects: true,
      }),
    );
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/echo', body: 'payload' });
  });

  it('stops after 10 redirects with ERR_TOO_MANY_REDIRECTS, or at maxRedirects', async () => {
    seen.length = 0;
    await expect(sendExchange(options({ url: `${base}/loop`, followRedirects: true }))).rejects.toMatchObject(
      { code: 'ERR_TOO_MANY_REDIRECTS' },
    );
    expect(seen).toHaveLength(11);
    seen.length = 0;
    await expect(
      sendExchange(options({ url: `${base}/loop`, followRedirects: true, maxRedirects: 2 })),
    ).rejects.toMatchObject({ code: 'ERR_TOO_MANY_REDIRECTS' });
    expect(seen).toHaveLength(3);
  });

  it('drops authorization and cookie when the origin changes, even without a guard; keeps them within it', async () => {
    const headers = { authorization: 'Bearer s3cret', cookie: 'sid=s3cret', 'x-trace': 't1' };
    seen.length = 0;
    await sendExchange(
      options({
        url: `${base}/redirect?status=302&to=${encodeURIComponent(`${otherBase}/echo`)}`,
        headers,
        followRedirects: true,
      }),
    );
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
    expect(seen.at(-1)?.headers['x-trace']).toBe('t1');
    seen.length = 0;
    await sendExchange(
      options({ url: `${base}/redirect?status=302&to=/echo`, headers, followRedirects: true }),
    );
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer s3cret');
    expect(seen.at(-1)?.headers.cookie).toBe('sid=s3cret');
  });

  it('hands each step to beforeRedirect, which may change the URL and headers, or refuse', async () => {
    seen.length = 0;
    const steps: string[] = [];
    await sendExchange(
      options({
        url: `${base}/redirect?status=302&to=/echo%3Fkey%3Dk1`,
        headers: { 'x-api-key': 'k1' },
        followRedirects: true,
        beforeRedirect: (step) => {
          steps.push(`${step.from.pathname} -> ${step.url.pathname} (first ${step.first.pathname})`);
          delete step.headers['x-api-key'];
          step.url = new URL(`${base}/echo?key=gone`);
        },
      }),
    );
    expect(steps).toEqual(['/redirect -> /echo (first /redirect)']);
    expect(seen.at(-1)?.url).toBe('/echo?key=gone');
    expect(seen.at(-1)?.headers['x-api-key']).toBeUndefined();
    const refusal = new Error('no');
    await expect(
      sendExchange(
        options({
          url: `${base}/redirect?status=302&to=/echo`,
          followRedirects: true,
          beforeRedirect: () => {
            throw refusal;
          },
        }),
      ),
    ).rejects.toBe(refusal);
  });
});

describe('send-exchange: bodies', () => {
  it.each([
    ['gzip', '/gzip'],
    ['deflate (zlib-wrapped)', '/deflate'],
    ['deflate (raw)', '/deflate-raw'],
    ['br', '/br'],
  ])('decompresses %s', async (_name, path) => {
    const response = await sendExchange(options({ url: `${base}${path}` }));
    expect(response.body.toString('utf8')).toBe('hello, decompressed world');
    // the headers stay as received
    expect(response.headers['content-encoding']).toBeDefined();
  });

  it('reads an empty compressed body as empty, leaves unknown encodings alone, fails on a corrupt one', async () => {
    expect((await sendExchange(options({ url: `${base}/empty-gzip` }))).body.length).toBe(0);
    expect((await sendExchange(options({ url: `${base}/identity-unknown` }))).body.toString()).toBe(
      'hello, decompressed world',
    );
    await expect(sendExchange(options({ url: `${base}/corrupt-gzip` }))).rejects.toMatchObject({
      code: 'Z_DATA_ERROR',
    });
  });

  it('stops a body at maxBodyBytes with ERR_BODY_TOO_LARGE, and a gzip bomb after decompression', async () => {
    await expect(sendExchange(options({ url: `${base}/big`, maxBodyBytes: 100_000 }))).rejects.toMatchObject({
      code: 'ERR_BODY_TOO_LARGE',
      received: expect.any(Number),
    });
    const bomb = await sendExchange(options({ url: `${base}/bomb`, maxBodyBytes: 1024 * 1024 })).then(
      () => undefined,
      (error: { code: string; received: number }) => error,
    );
    expect(bomb?.code).toBe('ERR_BODY_TOO_LARGE');
    // counted after decompression, and not inflated much past the limit
    expect(bomb?.received).toBeGreaterThan(1024 * 1024);
    expect(bomb?.received).toBeLessThan(2 * 1024 * 1024);
  });

  it('reads a HEAD response as empty, whatever its headers say', async () => {
    routes.set('/head', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '20' }).end();
    });
    const response = await sendExchange(options({ method: 'HEAD', url: `${base}/head` }));
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBe(0);
  });
});

describe('send-exchange: time limits and cancellation', () => {
  it('times out a TLS handshake that never completes with ETIMEDOUT (connect)', async () => {
    const started = Date.now();
    await expect(
      sendExchange(options({ url: `https://127.0.0.1:${silentPort}/`, connectTimeoutMs: 200 })),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT', event: 'connect' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('times out the whole exchange, a slow body included, with ETIMEDOUT (request)', async () => {
    await expect(
      sendExchange(options({ url: `${base}/slow-body`, totalTimeoutMs: 300 })),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT', event: 'request', name: 'TimeoutError' });
  });

  it('cancel() rejects with ABORTED and closes the connection', async () => {
    const pending = sendExchange(options({ url: `${base}/slow-body` }));
    setTimeout(() => pending.cancel('test'), 50);
    await expect(Promise.resolve(pending)).rejects.toMatchObject({ code: 'ABORTED', name: 'AbortError' });
  });

  it('leaves no timer behind when it fails at once or is cancelled while connecting', async () => {
    // counted with no macrotask in between: no other timer can come or go meanwhile
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    // Node's client throws on a header value it cannot send: the exchange rejects with its code
    await expect(sendExchange(options({ headers: { 'x-bad': 'line\r\nbreak' } }))).rejects.toMatchObject({
      code: 'ERR_INVALID_CHAR',
    });
    expect(timers()).toBe(before);
    const pending = sendExchange(
      options({ url: `https://127.0.0.1:${silentPort}/`, connectTimeoutMs: 60_000 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the exchange's two timers (total and connect) are running
    const running = timers();
    pending.cancel('test');
    await expect(Promise.resolve(pending)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(timers()).toBe(running - 2);
  });

  it('a refused connection is ECONNREFUSED', async () => {
    const closed = createNetServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(sendExchange(options({ url: `http://127.0.0.1:${port}/` }))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});

describe('send-exchange: phases (HAR timings)', () => {
  it('measures TCP on a new connection, none on a reused keep-alive one, and the server address', async () => {
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    try {
      const first = await sendExchange(options({ agents: { http: agent } }));
      expect(first.phases.tcp).toBeGreaterThanOrEqual(0);
      expect(first.phases.firstByte).toBeGreaterThanOrEqual(0);
      expect(first.phases.total).toBeGreaterThanOrEqual(first.phases.firstByte ?? 0);
      expect(first.ip).toBe('127.0.0.1');
      const second = await sendExchange(options({ agents: { http: agent } }));
      expect(second.phases.tcp).toBeUndefined();
      expect(second.phases.dns).toBeUndefined();
      expect(second.phases.download).toBeGreaterThanOrEqual(0);
    } finally {
      agent.destroy();
    }
  });
});
