import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';
import type { ResolvedAsyncApiSource } from '../../src/sources/types.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/sources/async/${name}`, import.meta.url));

beforeEach(() => clearSourceCache());

async function sources() {
  const resolved = await resolveDocument(fixture('async.arazzo.yaml'), { cache: false });
  expect(resolved.diagnostics.filter((d) => d.code === 'source-unresolved')).toEqual([]);
  const [orders, users] = resolved.sources as ResolvedAsyncApiSource[];
  return { resolved, orders: orders!, users: users! };
}

describe('Arazzo 1.1 §4.6.3 Source Description type asyncapi: AsyncAPI 3.0 sources', () => {
  it('indexes operations by their key with their action, channel and messages', async () => {
    const { resolved, orders } = await sources();
    expect(orders).toMatchObject({ kind: 'asyncapi', version: '3.0.0' });
    expect(orders.servers).toEqual([
      { name: 'broker', url: 'broker.example.com:9092/v1', protocol: 'kafka' },
    ]);
    const [send] = resolved.index.messageOperationsById('$sourceDescriptions.orders.sendOrder');
    expect(send).toMatchObject({
      sourceName: 'orders',
      operationId: 'sendOrder',
      action: 'send',
      pointer: '/operations/sendOrder',
      channel: 'placeOrder',
      channelPointer: '/channels/placeOrder',
      address: 'orders.place',
    });
    expect(send?.messages).toHaveLength(1);
    expect(send?.messages[0]).toMatchObject({
      name: 'orderPlaced',
      pointer: '/components/messages/OrderPlaced',
      contentType: 'application/json',
      payload: { type: 'object', properties: { petId: { type: 'integer' }, quantity: { type: 'integer' } } },
    });
    expect(send?.reply).toMatchObject({ channel: 'orderConfirmed', address: 'orders.{orderId}.confirmed' });
    expect(send?.reply?.messages.map((m) => m.name)).toEqual(['confirmation']);
  });

  it('gives an operation without messages all of its channel’s, with correlationId and multi-format payloads', async () => {
    const { resolved } = await sources();
    const [receive] = resolved.index.messageOperationsById('confirmOrder');
    expect(receive?.action).toBe('receive');
    expect(receive?.messages[0]).toEqual({
      name: 'confirmation',
      pointer: '/channels/orderConfirmed/messages/confirmation',
      contentType: 'application/cloudevents+json',
      payload: { type: 'object', properties: { orderId: { type: 'string' } } },
      correlationId: { location: '$message.header#/orderCorrelationId' },
    });
  });

  it('finds channels by channelPath, with the operations that use them', async () => {
    const { resolved, orders } = await sources();
    const channel = resolved.index.channelByPath('{$sourceDescriptions.orders.url}#/channels/orderConfirmed');
    expect(channel?.key).toBe('orderConfirmed');
    expect(channel?.operations.map((o) => o.operationId)).toEqual(['confirmOrder']);
    expect(
      resolved.index.channelByPath('{$sourceDescriptions.orders.url}#/channels/dynamic')?.address,
    ).toBeNull();
    expect(resolved.index.channelByPath('{$sourceDescriptions.orders.url}#/channels/nope')).toBeUndefined();
    expect(
      resolved.index.channelByPath('{$sourceDescriptions.users.url}#/channels/user~1signedup')?.key,
    ).toBe('user/signedup');
    expect(
      resolved.index.channelByPath('{$sourceDescriptions.users.url}#/channels/user%2Fsignedup'),
    ).toBeUndefined();
    expect(orders.channels.map((c) => c.pointer)).toEqual([
      '/channels/placeOrder',
      '/channels/orderConfirmed',
      '/channels/dynamic',
    ]);
  });

  it('keeps AsyncAPI operations out of the OpenAPI operation lookups', async () => {
    const { resolved } = await sources();
    expect(resolved.index.byOperationId('sendOrder')).toEqual([]);
    expect(resolved.index.messageOperationsById('$sourceDescriptions.users.sendOrder')).toEqual([]);
  });
});

describe('Arazzo 1.1 §4.6.4 Step action: AsyncAPI 2.6 publish/subscribe', () => {
  it('maps publish to send and subscribe to receive, keeping the verb, channel name as address', async () => {
    const { resolved, users } = await sources();
    expect(users.version).toBe('2.6.0');
    expect(users.servers).toEqual([
      {
        name: 'production',
        url: 'mqtt://test.mosquitto.org:{port}',
        protocol: 'mqtt',
        variables: { port: { default: '1883' } },
      },
    ]);
    const [publish] = resolved.index.messageOperationsById('signUpUser');
    expect(publish).toMatchObject({
      action: 'send',
      verb: 'publish',
      pointer: '/channels/user~1signedup/publish',
      channel: 'user/signedup',
      channelPointer: '/channels/user~1signedup',
      address: 'user/signedup',
    });
    expect(publish?.messages.map((m) => [m.name, m.pointer])).toEqual([
      ['signUp', '/channels/user~1signedup/publish/message/oneOf/0'],
      ['signUpWithPhone', '/channels/user~1signedup/publish/message/oneOf/1'],
    ]);
    const [subscribe] = resolved.index.messageOperationsById('onUserSignedUp');
    expect(subscribe).toMatchObject({ action: 'receive', verb: 'subscribe' });
    expect(subscribe?.messages[0]).toMatchObject({ name: 'UserSignedUp', contentType: 'application/json' });
  });

  it('indexes a channel whose operation has no operationId, for channelPath', async () => {
    const { resolved, users } = await sources();
    const deleted = resolved.index.channelByPath('{$sourceDescriptions.users.url}#/channels/user~1deleted');
    expect(deleted?.operations).toHaveLength(1);
    expect(deleted?.operations[0]).toMatchObject({ action: 'send', verb: 'publish' });
    expect(deleted?.operations[0]?.operationId).toBeUndefined();
    expect(users.operations).toHaveLength(3);
  });
});

describe('Arazzo 1.0.1 §4.6.3 Source Description type', () => {
  it('reports an AsyncAPI file declared as openapi, and an AsyncAPI major version not read', async () => {
    const resolved = await resolveDocument(fixture('wrong-type.arazzo.yaml'), { cache: false });
    const messages = resolved.diagnostics.filter((d) => d.code === 'source-unresolved').map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining("declared type 'openapi' but the file is an AsyncAPI document"),
      expect.stringContaining('unsupported AsyncAPI version "4.0.0": 2.x or 3.x only'),
    ]);
  });
});
