/**
 * The transport's own https agent is made on the first https request (agents/create-lazy-https-agent.ts):
 * through Node's real https client and a real TLS server on 127.0.0.1 it behaves as the agent it
 * stands for: requests succeed, keep-alive reuses the connection, destroy() closes it.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLazyHttpsAgent } from '../src/agents/create-lazy-https-agent.js';

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
    expect(await get(lazy.agent)).toBe('200 ok');
    expect(await get(lazy.agent)).toBe('200 ok');
    expect(connections - before).toBe(1);
    const closedBefore = closed;
    lazy.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed - closedBefore).toBe(1);
  });

  it('is an https.Agent once made, with the options it was given', () => {
    const lazy = createLazyHttpsAgent({ keepAlive: true, maxSockets: 3 });
    expect(lazy.agent instanceof https.Agent).toBe(true);
    expect(lazy.agent.maxSockets).toBe(3);
    expect((lazy.agent as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    lazy.destroy();
  });

  it('verifies certificates as any agent does (no trust given, no connection)', async () => {
    const lazy = createLazyHttpsAgent({ keepAlive: true });
    await expect(get(lazy.agent)).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    lazy.destroy();
  });

  it('makes the agent on the first read of it, once; destroy() before that makes nothing', () => {
    // Count constructions: node:https's Agent swapped for a counting subclass while this test runs
    // (process.getBuiltinModule returns this same module object).
    const real = https.Agent;
    let made = 0;
    https.Agent = class extends real {
      constructor(options?: https.AgentOptions) {
        super(options);
        made++;
      }
    };
    try {
      const unused = createLazyHttpsAgent({ keepAlive: true });
      unused.destroy();
      expect(made).toBe(0);
      const used = createLazyHttpsAgent({ keepAlive: true });
      expect(made).toBe(0);
      const agent = used.agent as unknown as { protocol: string; defaultPort: number };
      expect(agent.protocol).toBe('https:');
      expect(agent.defaultPort).toBe(443);
      expect(made).toBe(1);
      used.destroy();
      expect(made).toBe(1);
    } finally {
      https.Agent = real;
    }
  });
});
