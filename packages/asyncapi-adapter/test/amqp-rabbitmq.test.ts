/**
 * The AMQP 0-9-1 transport against RabbitMQ (started by .ci/services/rabbitmq.sh; skipped, with a
 * printed line, where TELAIO_RABBITMQ_URL is unset): exchange and queue routes from the AsyncAPI
 * AMQP bindings, basic properties (headers, correlation id, content type), the login through the
 * credential seam, and a close that leaves no connection.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createStaticCredentials } from '@telaio/core';
import { afterEach, expect, it } from 'vitest';
import { describeService } from '../../../test/support/services.js';
import { ctx, message, server, target, unique } from './support/message-targets.js';
import { startTcpProxy } from './support/start-tcp-proxy.js';

const transports: { close(): Promise<void> }[] = [];
const transport = () => {
  const t = createAsyncApiTransport({ reconnectDelayMs: 50 });
  transports.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
});

/** The broker URL without its user information, and that login as a credential for the `events` source. */
function split(value: string) {
  const url = new URL(value);
  const login = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  url.username = '';
  url.password = '';
  const credentials = createStaticCredentials([
    { source: 'events', credential: { type: 'basic', ...login } },
  ]);
  const security = [
    { schemeName: 'user', asyncapiType: 'userPassword', scheme: { type: 'http' as const, scheme: 'basic' } },
  ];
  return { url: url.href.replace(/\/$/, ''), login, credentials, security };
}

describeService(
  'rabbitmq',
  'TELAIO_RABBITMQ_URL',
  'AMQP 0-9-1 over RabbitMQ (Arazzo 1.1 asyncapi steps)',
  (value) => {
    it('publishes to a topic exchange with headers and a correlation id; a bound subscription receives them', async () => {
      const { url, credentials, security } = split(value);
      const t = transport();
      const exchange = unique('telaio-x');
      const bindings = {
        amqp: {
          is: 'routingKey',
          exchange: { name: exchange, type: 'topic', durable: false, autoDelete: true },
        },
      };
      const servers = [server(url, 'amqp', { security })];
      const to = target('orders.created', servers, { channelBindings: bindings });
      const sub = await t.subscribe(
        { target: target('orders.*', servers, { channelBindings: bindings }), messages: [] },
        { ...ctx(), credentials },
      );
      const sent = await t.send(
        message(to, { id: 3 }, { headers: { traceId: 't-9', attempt: 2 }, correlationId: 'corr-1' }),
        { ...ctx(), credentials },
      );
      expect(sent.serverUrl).not.toContain(split(value).login.password);
      const got = await sub.next({ timeoutMs: 5000 });
      expect(got).toMatchObject({
        address: 'orders.created',
        payload: { id: 3 },
        headers: { traceId: 't-9', attempt: 2 },
        correlationId: 'corr-1',
        contentType: 'application/json',
      });
    });

    it('filters by a header correlation location, falling back to the AMQP correlationId property', async () => {
      const { url, credentials, security } = split(value);
      const t = transport();
      const queue = unique('telaio-q');
      const bindings = { amqp: { is: 'queue', queue: { name: queue, durable: false, autoDelete: true } } };
      const to = target(queue, [server(url, 'amqp', { security })], { channelBindings: bindings });
      const sub = await t.subscribe(
        {
          target: to,
          messages: [],
          correlation: { location: '$message.header#/correlationId', value: 'want' },
        },
        { ...ctx(), credentials },
      );
      await t.send(message(to, 'other', { correlationId: 'skip' }), { ...ctx(), credentials });
      await t.send(message(to, 'this one', { correlationId: 'want', contentType: 'text/plain' }), {
        ...ctx(),
        credentials,
      });
      expect((await sub.next({ timeoutMs: 5000 })).payload).toBe('this one');
    });

    it('fails a publish to an exchange that does not exist instead of dropping the message', async () => {
      const { url, credentials, security } = split(value);
      const to = target('k', [server(url, 'amqp', { security })], {
        channelBindings: { amqp: { is: 'routingKey', exchange: { name: unique('missing') } } },
      });
      await expect(transport().send(message(to, 1), { ...ctx(), credentials })).rejects.toMatchObject({
        code: 'EPROTO',
      });
    });

    it('refuses a wrong password with NOT_AUTHORIZED, without echoing it', async () => {
      const { url, security } = split(value);
      const credentials = createStaticCredentials([
        { source: 'events', credential: { type: 'basic', username: 'telaio', password: 'not-the-password' } },
      ]);
      const sending = transport().send(message(target('q', [server(url, 'amqp', { security })]), 1), {
        ...ctx(),
        credentials,
      });
      await expect(sending).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' });
      await expect(sending).rejects.not.toThrow(/not-the-password/);
    });

    it('recovers a lost connection: the subscription is consumed again and receives later messages', async () => {
      const { url, credentials, security } = split(value);
      const broker = new URL(url);
      const proxy = await startTcpProxy(broker.hostname, Number(broker.port));
      try {
        const events: string[] = [];
        const t = createAsyncApiTransport({ reconnectDelayMs: 50, onEvent: (e) => events.push(e.what) });
        transports.push(t);
        const queue = unique('telaio-again');
        const to = target(queue, [server(`amqp://127.0.0.1:${proxy.port}`, 'amqp', { security })], {
          channelBindings: {
            amqp: { is: 'queue', queue: { name: queue, durable: false, autoDelete: false } },
          },
        });
        const sub = await t.subscribe({ target: to, messages: [] }, { ...ctx(), credentials });
        proxy.dropClients();
        await expect.poll(() => events.includes('reconnected'), { timeout: 15_000 }).toBe(true);
        await t.send(message(to, { after: 'recovery' }), { ...ctx(), credentials });
        expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ after: 'recovery' });
        await t.close();
      } finally {
        await proxy.close();
      }
    });

    it('closes its connection: no socket left in the process', async () => {
      const { url, credentials, security } = split(value);
      const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
      const t = createAsyncApiTransport();
      const queue = unique('telaio-bye');
      const to = target(queue, [server(url, 'amqp', { security })], {
        channelBindings: { amqp: { is: 'queue', queue: { name: queue, durable: false, autoDelete: true } } },
      });
      await t.subscribe({ target: to, messages: [] }, { ...ctx(), credentials });
      await t.send(message(to, 1), { ...ctx(), credentials });
      await t.close();
      await expect
        .poll(() => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length)
        .toBeLessThanOrEqual(before);
    });
  },
);
