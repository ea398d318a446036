/**
 * The subscriptions of one MQTT client (mqtt-subscriptions.ts): SUBSCRIBE per subscription,
 * UNSUBSCRIBE when the last subscription of a topic filter closes, messages only to the open
 * subscriptions of their filter. A filter left without subscriptions keeps its (empty) entry for a
 * while (no map reallocation per round trip); this must change nothing that can be seen, however
 * many filters come and go.
 */
import { EventEmitter } from 'node:events';
import type { MessageContext, SubscribeRequest } from '@telaio/core';
import { NEVER_ABORTED } from '@telaio/core';
import type { MqttClient } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { createMqttSubscriptions } from '../src/mqtt/mqtt-subscriptions.js';
import type { ClientRoute } from '../src/protocol-client.js';

/** A client that grants every SUBSCRIBE and acknowledges every UNSUBSCRIBE at once, and records them. */
function fakeClient() {
  const log: string[] = [];
  const client = Object.assign(new EventEmitter(), {
    disconnecting: false,
    subscribe(filter: string, options: { qos: number }, done: (e: null, g: unknown[]) => void) {
      log.push(`SUBSCRIBE ${filter}`);
      queueMicrotask(() => done(null, [{ topic: filter, qos: options.qos }]));
    },
    unsubscribe(filter: string, done: () => void) {
      log.push(`UNSUBSCRIBE ${filter}`);
      queueMicrotask(done);
    },
  });
  const deliver = (topic: string, n: number) =>
    client.emit('message', topic, Buffer.from(JSON.stringify({ n })), { cmd: 'publish', topic });
  return { client: client as unknown as MqttClient, log, deliver };
}

const request = (address: string): SubscribeRequest =>
  ({
    target: {
      source: { name: 's', url: 's.yaml', type: 'asyncapi' },
      channel: 'c',
      address,
      servers: [],
      channelBindings: {},
      operationBindings: {},
      messageBindings: {},
    },
    messages: [],
  }) as unknown as SubscribeRequest;
const context: MessageContext = { signal: NEVER_ABORTED };
const route = {} as ClientRoute;
const what = () => 'test';

describe('MQTT subscriptions of one client (Arazzo 1.1 receive steps over MQTT)', () => {
  it('unsubscribes each filter when its last subscription closes, and delivers only to open ones, over many filters', async () => {
    const { client, log, deliver } = fakeClient();
    const subscriptions = createMqttSubscriptions(client, 'mqtt://test');
    // More filters come and go than are kept empty before a sweep, some of them twice.
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 150; i += 1) {
        const filter = `t/${i % 100}`;
        const sub = await subscriptions.add(request(filter), route, context, what);
        deliver(filter, i);
        expect((await sub.next({ timeoutMs: 1000 })).payload).toEqual({ n: i });
        await sub.close();
      }
    }
    expect(log.filter((l) => l.startsWith('SUBSCRIBE')).length).toBe(300);
    expect(log.filter((l) => l.startsWith('UNSUBSCRIBE')).length).toBe(300);
    expect(log.slice(0, 4)).toEqual(['SUBSCRIBE t/0', 'UNSUBSCRIBE t/0', 'SUBSCRIBE t/1', 'UNSUBSCRIBE t/1']);
    // Two on one filter: the first to close sends no UNSUBSCRIBE, the second does; a message after
    // the first closed goes to the second only.
    const a = await subscriptions.add(request('shared'), route, context, what);
    const b = await subscriptions.add(request('shared'), route, context, what);
    log.length = 0;
    await a.close();
    expect(log).toEqual([]);
    deliver('shared', 1);
    expect((await b.next({ timeoutMs: 1000 })).payload).toEqual({ n: 1 });
    await b.close();
    expect(log).toEqual(['UNSUBSCRIBE shared']);
    // A closed filter gets nothing; subscribed again, it does.
    deliver('t/5', 99);
    const again = await subscriptions.add(request('t/5'), route, context, what);
    await expect(again.next({ timeoutMs: 0 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    deliver('t/5', 100);
    expect((await again.next({ timeoutMs: 1000 })).payload).toEqual({ n: 100 });
    await subscriptions.closeAll();
  });
});
