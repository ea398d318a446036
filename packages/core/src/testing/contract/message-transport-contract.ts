/**
 * The MessageTransport contract: one vitest suite every message transport (in-memory, MQTT,
 * WebSocket, AMQP) runs to prove the same behaviour the engine relies on for Arazzo 1.1 `asyncapi`
 * steps: round trips, headers, correlation filtering, no message lost between subscribe() and the
 * send that triggers it, timeouts, aborts, and close() leaving nothing open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageTransport, OutgoingMessage } from '../../adapters/message-transport.js';
import { TransportError } from '../../adapters/transport.js';
import {
  contractAddress,
  type MessageContractSetup,
  type MessageTransportFactory,
} from './message-contract-setup.js';
import { runMessageLifecycleContract } from './message-lifecycle-contract.js';

const signal = (): AbortSignal => new AbortController().signal;

/** Register the contract suite for one MessageTransport under `describe(name)`. */
export function runMessageTransportContract(name: string, factory: MessageTransportFactory): void {
  describe(`MessageTransport contract: ${name}`, () => {
    let setup: MessageContractSetup;
    let transport: MessageTransport;
    beforeAll(async () => {
      setup = await factory();
      transport = setup.transport;
    });
    afterAll(async () => {
      await transport?.close();
      await setup?.close?.();
    });
    const message = (address: string, more: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
      target: setup.target(address),
      payload: { n: 1 },
      contentType: 'application/json',
      headers: {},
      ...more,
    });
    const subscribe = (address: string, correlation?: { location: string; value: string }) =>
      transport.subscribe(
        {
          target: setup.target(address),
          messages: [],
          ...(correlation === undefined ? {} : { correlation }),
        },
        { signal: signal() },
      );

    it('round trip: a JSON payload sent after subscribe() resolved arrives parsed, with its address and content type', async () => {
      const address = contractAddress('round-trip');
      const sub = await subscribe(address);
      const sent = await transport.send(
        message(address, { payload: { order: 'o-1', items: [1, 2], ok: true } }),
        { signal: signal() },
      );
      expect(sent.address).toBe(address);
      expect(JSON.parse(sent.body)).toEqual({ order: 'o-1', items: [1, 2], ok: true });
      expect(sent.contentType).toBe('application/json');
      const got = await sub.next({ timeoutMs: 10_000 });
      expect(got.payload).toEqual({ order: 'o-1', items: [1, 2], ok: true });
      expect(got.address).toBe(address);
      expect(JSON.parse(got.body)).toEqual({ order: 'o-1', items: [1, 2], ok: true });
      await sub.close();
    });

    it('a text payload stays text', async () => {
      const address = contractAddress('text');
      const sub = await subscribe(address);
      await transport.send(message(address, { payload: 'plain words', contentType: 'text/plain' }), {
        signal: signal(),
      });
      expect((await sub.next({ timeoutMs: 10_000 })).payload).toBe('plain words');
      await sub.close();
    });

    it('no message is lost when it comes before next() is called: messages queue from subscribe() on, in order', async () => {
      const address = contractAddress('buffered');
      const sub = await subscribe(address);
      for (const n of [1, 2, 3])
        await transport.send(message(address, { payload: { n } }), { signal: signal() });
      const got = [];
      for (let i = 0; i < 3; i++) got.push((await sub.next({ timeoutMs: 10_000 })).payload);
      expect(got).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await sub.close();
    });

    it('correlation filter on the payload: only the message whose $message.payload#/id matches is returned', async () => {
      const address = contractAddress('correlate-payload');
      const sub = await subscribe(address, { location: '$message.payload#/meta/id', value: 'c-2' });
      for (const id of ['c-1', 'c-2', 'c-3'])
        await transport.send(message(address, { payload: { meta: { id }, id } }), { signal: signal() });
      expect((await sub.next({ timeoutMs: 10_000 })).payload).toEqual({ meta: { id: 'c-2' }, id: 'c-2' });
      await expect(sub.next({ timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
      await sub.close();
    });

    it('headers: string application headers round-trip, and a correlation filter reads $message.header', async (context) => {
      if (setup.headers === false) {
        console.log(`[${name}] skipped: the protocol carries no per-message headers`);
        context.skip();
      }
      const address = contractAddress('headers');
      const sub = await subscribe(address, { location: '$message.header#/requestId', value: 'r-2' });
      for (const requestId of ['r-1', 'r-2'])
        await transport.send(
          message(address, { headers: { requestId, 'x-trace': 't' }, payload: { requestId } }),
          {
            signal: signal(),
          },
        );
      const got = await sub.next({ timeoutMs: 10_000 });
      expect(got.payload).toEqual({ requestId: 'r-2' });
      expect(got.headers.requestId).toBe('r-2');
      expect(got.headers['x-trace']).toBe('t');
      await sub.close();
    });

    it('next() rejects with TIMEOUT when nothing matching comes within timeoutMs', async () => {
      const sub = await subscribe(contractAddress('timeout'));
      const error = await sub.next({ timeoutMs: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe('TIMEOUT');
      await sub.close();
    });

    runMessageLifecycleContract({ name, factory, current: () => setup });
  });
}
