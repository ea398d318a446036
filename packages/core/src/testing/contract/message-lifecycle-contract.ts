/**
 * The lifecycle half of the MessageTransport contract: aborts (a wait, a subscription, a send),
 * closing a subscription, and closing the transport, after which no socket or timer of it is left.
 */
import { expect, it } from 'vitest';
import type { OutgoingMessage } from '../../adapters/message-transport.js';
import {
  contractAddress,
  type MessageContractSetup,
  type MessageTransportFactory,
} from './message-contract-setup.js';

const OPEN_KINDS = new Set(['TCPSocketWrap', 'TLSWrap', 'Timeout', 'PipeWrap']);

/** Sockets and timers open in this process now (what a transport could leave behind). */
function openResources(): number {
  return process.getActiveResourcesInfo().filter((kind) => OPEN_KINDS.has(kind)).length;
}

/** Register the lifecycle cases; `current()` is the suite's shared setup. */
export function runMessageLifecycleContract(options: {
  readonly name: string;
  readonly factory: MessageTransportFactory;
  readonly current: () => MessageContractSetup;
}): void {
  const { factory, current } = options;
  const message = (setup: MessageContractSetup, address: string): OutgoingMessage => ({
    target: setup.target(address),
    payload: { n: 1 },
    contentType: 'application/json',
    headers: {},
  });

  it('an aborted wait rejects with ABORTED, and the subscription still delivers afterwards', async () => {
    const setup = current();
    const address = contractAddress('abort-wait');
    const sub = await setup.transport.subscribe(
      { target: setup.target(address), messages: [] },
      { signal: new AbortController().signal },
    );
    const controller = new AbortController();
    const waiting = sub.next({ timeoutMs: 30_000, signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    await setup.transport.send(message(setup, address), { signal: new AbortController().signal });
    expect((await sub.next({ timeoutMs: 10_000 })).payload).toEqual({ n: 1 });
    await sub.close();
  });

  it("aborting the subscribe context's signal ends the subscription with ABORTED; a send with an aborted signal rejects with ABORTED", async () => {
    const setup = current();
    const controller = new AbortController();
    const sub = await setup.transport.subscribe(
      { target: setup.target(contractAddress('abort-sub')), messages: [] },
      { signal: controller.signal },
    );
    const waiting = sub.next({ timeoutMs: 30_000 });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      setup.transport.send(message(setup, contractAddress('abort-send')), { signal: aborted.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('a closed subscription rejects a pending next() with CLOSED and takes no more messages', async () => {
    const setup = current();
    const address = contractAddress('close-sub');
    const sub = await setup.transport.subscribe(
      { target: setup.target(address), messages: [] },
      { signal: new AbortController().signal },
    );
    // The expectation is attached before close() so the rejection is never unhandled meanwhile.
    const waiting = expect(sub.next({ timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'CLOSED' });
    await sub.close();
    await sub.close();
    await waiting;
    await setup.transport.send(message(setup, address), { signal: new AbortController().signal });
    await expect(sub.next({ timeoutMs: 100 })).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('close() ends every subscription (CLOSED), is idempotent, and leaves no socket or timer open', async () => {
    const before = openResources();
    const setup = await factory();
    const { transport } = setup;
    const address = contractAddress('close-transport');
    const sub = await transport.subscribe(
      { target: setup.target(address), messages: [] },
      { signal: new AbortController().signal },
    );
    await transport.send(message(setup, address), { signal: new AbortController().signal });
    await sub.next({ timeoutMs: 10_000 });
    const waiting = expect(sub.next({ timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'CLOSED' });
    await transport.close();
    await transport.close();
    await waiting;
    await setup.close?.();
    // Sockets close asynchronously (FIN, the broker's side): give them a moment, then count.
    for (let i = 0; i < 40 && openResources() > before; i++) await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 20 && openResources() > before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(openResources()).toBeLessThanOrEqual(before);
  });
}
