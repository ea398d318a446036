/**
 * The MQTT transport against an embedded aedes broker (runs with only Node): round trips, the
 * AsyncAPI MQTT bindings, correlation filters, logins through the credential seam, reconnection
 * after the broker drops the connection, and a close that leaves no connection behind.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createStaticCredentials, TransportError } from '@telaio/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ctx, message, server, target, unique } from './support/message-targets.js';
import { startAedes, type TestBroker } from './support/start-aedes.js';

let broker: TestBroker | undefined;
const transports: { close(): Promise<void> }[] = [];
const transport = (options?: Parameters<typeof createAsyncApiTransport>[0]) => {
  const t = createAsyncApiTransport({ reconnectDelayMs: 50, ...options });
  transports.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await broker?.close();
  broker = undefined;
});

describe('MQTT over aedes (Arazzo 1.1 "tools will send or receive messages on the specified channel")', () => {
  it('sends a JSON message and a subscription made before receives it, decoded', async () => {
    broker = await startAedes();
    const t = transport();
    const to = target(unique('orders'), [server(broker.url, 'mqtt')]);
    const sub = await t.subscribe({ target: to, messages: [] }, ctx());
    const sent = await t.send(message(to, { orderId: 7, status: 'placed' }), ctx());
    expect(sent).toMatchObject({
      protocol: 'mqtt',
      address: to.address,
      body: '{"orderId":7,"status":"placed"}',
    });
    expect(sent.serverUrl).toBe(broker.url);
    const got = await sub.next({ timeoutMs: 5000 });
    expect(got.payload).toEqual({ orderId: 7, status: 'placed' });
    expect(got.address).toBe(to.address);
  });

  it('takes only messages whose correlation id matches ("only messages matching the correlation identifier are considered")', async () => {
    broker = await startAedes();
    const t = transport();
    const to = target(unique('status'), [server(broker.url, 'mqtt')]);
    const sub = await t.subscribe(
      {
        target: to,
        messages: [],
        correlation: { location: '$message.payload#/correlationId', value: 'c-2' },
      },
      ctx(),
    );
    await t.send(message(to, { correlationId: 'c-1', n: 1 }), ctx());
    await t.send(message(to, { correlationId: 'c-2', n: 2 }), ctx());
    expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ correlationId: 'c-2', n: 2 });
    await expect(sub.next({ timeoutMs: 100 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('matches wildcard subscriptions and reports the concrete topic', async () => {
    broker = await startAedes();
    const t = transport();
    const base = unique('w');
    const sub = await t.subscribe(
      { target: target(`${base}/+/status`, [server(broker.url, 'mqtt')]), messages: [] },
      ctx(),
    );
    await t.send(message(target(`${base}/o-9/status`, [server(broker.url, 'mqtt')]), 'shipped'), ctx());
    const got = await sub.next({ timeoutMs: 5000 });
    expect(got).toMatchObject({ address: `${base}/o-9/status`, payload: 'shipped' });
  });

  it('applies the MQTT operation binding: qos 1 and retain (a later subscriber gets the retained message)', async () => {
    broker = await startAedes();
    const t = transport();
    const to = target(unique('retained'), [server(broker.url, 'mqtt')], {
      operationBindings: { mqtt: { qos: 1, retain: true } },
    });
    const seen: { qos: number; retain: boolean }[] = [];
    broker.broker.on('publish', (packet, client) => {
      if (client !== null && packet.topic === to.address)
        seen.push({ qos: packet.qos, retain: packet.retain });
    });
    await t.send(message(to, { v: 1 }), ctx());
    expect(seen).toEqual([{ qos: 1, retain: true }]);
    const sub = await t.subscribe({ target: to, messages: [] }, ctx());
    expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ v: 1 });
  });

  it('refuses headers on MQTT 3.1.1, which has no place for them, rather than dropping them', async () => {
    broker = await startAedes();
    const to = target(unique('h'), [server(broker.url, 'mqtt')]);
    const sending = transport().send(message(to, {}, { headers: { traceId: 't' } }), ctx());
    await expect(sending).rejects.toMatchObject({ code: 'HEADERS_UNSUPPORTED' });
  });

  it('fails a wait with TIMEOUT, and ABORTED when the signal aborts', async () => {
    broker = await startAedes();
    const t = transport();
    const to = target(unique('quiet'), [server(broker.url, 'mqtt')]);
    const sub = await t.subscribe({ target: to, messages: [] }, ctx());
    await expect(sub.next({ timeoutMs: 50 })).rejects.toBeInstanceOf(TransportError);
    const abort = new AbortController();
    const waiting = sub.next({ signal: abort.signal });
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    await sub.close();
    await expect(sub.next()).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('logs in with the credential seam (userPassword scheme → basic) and masks nothing it did not learn', async () => {
    broker = await startAedes({ username: 'svc', password: 'pw-secret-1' });
    const scheme = {
      schemeName: 'user',
      asyncapiType: 'userPassword',
      scheme: { type: 'http' as const, scheme: 'basic' },
    };
    const to = target(unique('auth'), [server(broker.url, 'mqtt', { security: [scheme] })]);
    const good = transport();
    const credentials = createStaticCredentials([
      { source: 'events', credential: { type: 'basic', username: 'svc', password: 'pw-secret-1' } },
    ]);
    await good.send(message(to, { ok: true }), { ...ctx(), credentials });
    expect(good.secretValues()).toContain('pw-secret-1');
    const bad = createStaticCredentials([
      { source: 'events', credential: { type: 'basic', username: 'svc', password: 'wrong' } },
    ]);
    const refused = transport().send(message(to, {}), { ...ctx(), credentials: bad });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
    await expect(refused).rejects.not.toThrow(/wrong/);
  });

  it('takes user and password written in a --server URL, and never shows them', async () => {
    broker = await startAedes({ username: 'u1', password: 'p-in-url' });
    const t = transport();
    const to = target(unique('url'), [server('mqtt://elsewhere:1', 'mqtt')], {
      serverUrl: broker.url.replace('mqtt://', 'mqtt://u1:p-in-url@'),
    });
    const sent = await t.send(message(to, 1), ctx());
    expect(sent.serverUrl).not.toContain('p-in-url');
    expect(t.secretValues()).toContain('p-in-url');
  });

  it('reconnects after the broker drops the connection, and the subscription receives again', async () => {
    broker = await startAedes();
    const events: string[] = [];
    const t = transport({ onEvent: (e) => events.push(e.what) });
    const to = target(unique('again'), [server(broker.url, 'mqtt')]);
    const sub = await t.subscribe({ target: to, messages: [] }, ctx());
    broker.dropClients();
    await expect.poll(() => broker?.connectedClients(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        async () => {
          await t.send(message(to, { after: 'reconnect' }), ctx());
          return (await sub.next({ timeoutMs: 200 }).catch(() => undefined))?.payload;
        },
        { timeout: 10_000 },
      )
      .toEqual({ after: 'reconnect' });
    expect(events.some((e) => /reconnect/.test(e))).toBe(true);
  });

  it('closes every connection: none left at the broker, no socket left in the process', async () => {
    broker = await startAedes();
    const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const t = createAsyncApiTransport();
    const to = target(unique('bye'), [server(broker.url, 'mqtt')]);
    await t.subscribe({ target: to, messages: [] }, ctx());
    await t.send(message(to, 1), ctx());
    expect(broker.connectedClients()).toBe(1);
    await t.close();
    await expect.poll(() => broker?.openSockets()).toBe(0);
    await expect
      .poll(() => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length)
      .toBeLessThanOrEqual(before);
    await expect(t.send(message(to, 1), ctx())).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('names the problem when no server is declared or none speaks a known protocol', async () => {
    const t = transport();
    await expect(t.send(message(target('x', []), 1), ctx())).rejects.toMatchObject({ code: 'NO_SERVER' });
    const kafka = target('x', [server('kafka://broker:9092', 'kafka')]);
    await expect(t.send(message(kafka, 1), ctx())).rejects.toMatchObject({ code: 'UNSUPPORTED_PROTOCOL' });
    const refused = t.send(message(target('x', [server('mqtt://127.0.0.1:1', 'mqtt')]), 1), ctx());
    await expect(refused).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
