/**
 * The WebSocket transport against an in-process ws server: a channel is a socket to the server URL
 * plus the channel address, shared by sends and receives; the AsyncAPI WebSocket channel binding's
 * query and headers and the login go into the handshake; reconnection; a clean close.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createStaticCredentials } from '@telaio/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ctx, message, server, target } from './support/message-targets.js';
import { startWsServer, type TestWsServer } from './support/start-ws-server.js';

let ws: TestWsServer | undefined;
const transports: { close(): Promise<void> }[] = [];
const transport = () => {
  const t = createAsyncApiTransport({ reconnectDelayMs: 50 });
  transports.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await ws?.close();
  ws = undefined;
});

describe('WebSocket over ws (Arazzo 1.1 "send (publish) or receive (subscribe) to a channel")', () => {
  it('sends a frame on the channel path and receives the answer on the same socket', async () => {
    ws = await startWsServer();
    const t = transport();
    const to = target('/orders', [server(`${ws.url}/api`, 'ws')]);
    const sub = await t.subscribe({ target: to, messages: [] }, ctx());
    const sent = await t.send(message(to, { id: 1 }), ctx());
    expect(sent).toMatchObject({ protocol: 'ws', body: '{"id":1}', address: '/orders' });
    expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ id: 1 });
    expect(ws.handshakes.map((h) => h.path)).toEqual(['/api/orders']);
  });

  it('receives what the server publishes, filtered by correlation id', async () => {
    ws = await startWsServer({ echo: false });
    const t = transport();
    const to = target('events', [server(ws.url, 'ws')]);
    const sub = await t.subscribe(
      { target: to, messages: [], correlation: { location: '$message.payload#/ref', value: 'b' } },
      ctx(),
    );
    ws.publish('/events', JSON.stringify({ ref: 'a' }));
    ws.publish('/events', JSON.stringify({ ref: 'b', ok: true }));
    expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ ref: 'b', ok: true });
  });

  it('puts the channel binding query and headers and a bearer login in the handshake', async () => {
    ws = await startWsServer({ authorization: 'Bearer tok-123' });
    const t = transport();
    const security = [
      { schemeName: 'jwt', asyncapiType: 'http', scheme: { type: 'http' as const, scheme: 'bearer' } },
    ];
    const to = target('feed', [server(ws.url, 'ws', { security })], {
      channelBindings: {
        ws: {
          query: { type: 'object', properties: { v: { const: '2' }, free: { type: 'string' } } },
          headers: { type: 'object', properties: { 'X-Client': { default: 'telaio' } } },
        },
      },
    });
    const credentials = createStaticCredentials([
      { source: 'events', credential: { type: 'bearer', token: 'tok-123' } },
    ]);
    await t.send(message(to, 'hi'), { ...ctx(), credentials });
    const [handshake] = ws.handshakes;
    expect(handshake?.query.get('v')).toBe('2');
    expect(handshake?.query.has('free')).toBe(false);
    expect(handshake?.headers['x-client']).toBe('telaio');
    expect(t.secretValues()).toContain('tok-123');
    const refused = transport().send(message(to, 'hi'), ctx());
    await expect(refused).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
  });

  it('refuses headers, which WebSocket frames cannot carry', async () => {
    ws = await startWsServer();
    const sending = transport().send(
      message(target('x', [server(ws.url, 'ws')]), 1, { headers: { a: 1 } }),
      ctx(),
    );
    await expect(sending).rejects.toMatchObject({ code: 'HEADERS_UNSUPPORTED' });
  });

  it('reopens a dropped socket while a receive waits, and the receive gets later messages', async () => {
    ws = await startWsServer({ echo: false });
    const t = transport();
    const to = target('live', [server(ws.url, 'ws')]);
    const sub = await t.subscribe({ target: to, messages: [] }, ctx());
    ws.dropClients();
    await expect.poll(() => ws?.handshakes.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => ws?.openSockets()).toBe(1);
    ws.publish('/live', '{"back":true}');
    expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ back: true });
  });

  it('closes every socket: none open at the server, none in the process', async () => {
    ws = await startWsServer();
    const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const t = createAsyncApiTransport();
    const to = target('bye', [server(ws.url, 'ws')]);
    await t.subscribe({ target: to, messages: [] }, ctx());
    await t.send(message(to, 1), ctx());
    expect(ws.openSockets()).toBe(1);
    await t.close();
    await expect.poll(() => ws?.openSockets()).toBe(0);
    await expect
      .poll(() => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length)
      .toBeLessThanOrEqual(before);
  });
});
