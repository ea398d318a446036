/**
 * The transport's own https agent is made on the first https request (agents/create-lazy-https-agent.ts):
 * through Node's real https client and a real TLS server on 127.0.0.1 it is a keep-alive agent
 * (requests succeed, the connection is reused, destroy() closes it), and a transport makes it only
 * when it sends to an https URL.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLazyHttpsAgent } from '../src/agents/create-lazy-https-agent.js';
import { makeContext, makeRequest } from './helpers.js';

const fixtures = new URL('../../../test/hostile/fixtures/', import.meta.url);
const cert = readFileSync(new URL('loopback-cert.pem', fixtures), 'utf8');
const key = readFileSync(new URL('loopback-key.pem', fixtures), 'utf8');

let server: https.Server;
let port = 0;
let connections = 0;
let closed = 0;

beforeAll(async () => {
  server = https.createServer({ key, cert }, (_req, res) => {
    res.setHeader('content-type', 'text/plain');
    res.end('ok');
  });
  server.on('secureConnection', (socket) => {
    connections++;
    socket.on('close', () => closed++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function get(agent: https.Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve(`${res.statusCode} ${body}`));
      })
      .on('error', reject);
  });
}

describe('the lazily made https agent of createHttpTransport', () => {
  it('sends through Node’s https client and keeps the connection alive between requests', async () => {
    const before = connections;
    const lazy = createLazyHttpsAgent({ keepAlive: true, ca: cert });
    expect(await get(lazy.agent())).toBe('200 ok');
    expect(await get(lazy.agent())).toBe('200 ok');
    expect(connections - before).toBe(1);
    const closedBefore = closed;
    lazy.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed - closedBefore).toBe(1);
  });

  it('is an https.Agent once made, with the options it was given', () => {
    const lazy = createLazyHttpsAgent({ keepAlive: true, maxSockets: 3 });
    expect(lazy.agent() instanceof https.Agent).toBe(true);
    expect(lazy.agent().maxSockets).toBe(3);
    expect((lazy.agent() as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    lazy.destroy();
  });

  it('verifies certificates as any agent does (no trust given, no connection)', async () => {
    const lazy = createLazyHttpsAgent({ keepAlive: true });
    await expect(get(lazy.agent())).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    lazy.destroy();
  });

  it('makes the agent on the first call, once; destroy() before that makes nothing', async () => {
    const made = await countAgents(() => {
      const unused = createLazyHttpsAgent({ keepAlive: true });
      unused.destroy();
    });
    expect(made).toBe(0);
    expect(
      await countAgents(() => {
        const used = createLazyHttpsAgent({ keepAlive: true });
        expect(used.agent()).toBe(used.agent());
        used.destroy();
      }),
    ).toBe(1);
  });

  it('a transport makes it for its first https request only, never for http ones', async () => {
    let transport = createHttpTransport({ timeout: { connect: 2000, total: 5000 } });
    const plain = makeRequest({ serverUrl: 'http://127.0.0.1:9' });
    const secure = makeRequest({ serverUrl: `https://127.0.0.1:${port}` });
    const httpOnly = await countAgents(async () => {
      await transport.send(plain, makeContext()).catch(() => undefined);
    });
    expect(httpOnly).toBe(0);
    transport.close();
    transport = createHttpTransport({ timeout: { connect: 2000, total: 5000 } });
    const errors: unknown[] = [];
    const withHttps = await countAgents(async () => {
      for (let i = 0; i < 2; i++) await transport.send(secure, makeContext()).catch((e) => errors.push(e));
    });
    // it went through TLS: the loopback certificate is not trusted by the transport's own agent
    expect(String((errors[0] as { message?: unknown })?.message)).toMatch(/certificate|self[- ]signed/i);
    expect(withHttps).toBe(1);
    transport.close();
  });
});

/**
 * How many https.Agents `fn` makes: node:https's Agent swapped for a counting subclass while it runs
 * (process.getBuiltinModule returns this same module object).
 */
async function countAgents(fn: () => void | Promise<void>): Promise<number> {
  const real = https.Agent;
  let made = 0;
  https.Agent = class extends real {
    constructor(options?: https.AgentOptions) {
      super(options);
      made++;
    }
  };
  try {
    await fn();
  } finally {
    https.Agent = real;
  }
  return made;
}
