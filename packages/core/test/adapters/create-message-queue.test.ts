/**
 * core's MessageQueue (what the in-memory transport and third-party transports buffer a
 * subscription in): correlation filter, arrival order, close by the caller or the subscribe
 * signal (also one aborted before the queue exists), and no per-queue accessor (an object literal
 * with a getter gets a hidden class of its own per object in V8 and its closures then outlive
 * young-generation collections).
 */
import { createMessageQueue } from '@telaio/core';
import { describe, expect, it } from 'vitest';

const message = (id: string) => ({
  serverUrl: 'memory://',
  address: 'a',
  headers: {},
  payload: { id },
  body: JSON.stringify({ id }),
});

describe('createMessageQueue (Arazzo 1.1 receive: "only messages matching the correlation identifier are considered")', () => {
  it('keeps matching messages in order and closes once', async () => {
    let released = 0;
    const queue = createMessageQueue({
      correlation: { location: '$message.payload#/id', value: 'b' },
      onClose: () => {
        released += 1;
      },
    });
    queue.push(message('a'));
    queue.push(message('b'));
    expect((await queue.next()).payload).toEqual({ id: 'b' });
    const waiting = queue.next({ timeoutMs: 10_000 });
    expect(queue.closed).toBe(false);
    await queue.close();
    await queue.close();
    expect(queue.closed).toBe(true);
    expect(released).toBe(1);
    await expect(waiting).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('closes with ABORTED when its signal aborts, also when it was aborted before', async () => {
    const controller = new AbortController();
    const queue = createMessageQueue({ signal: controller.signal });
    const waiting = queue.next();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    expect(queue.closed).toBe(true);
    const late = createMessageQueue({ signal: controller.signal });
    expect(late.closed).toBe(true);
    await expect(late.next()).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('a queue closed with nothing waiting makes its CLOSED error only when a next() asks, then the same one each time', async () => {
    const queue = createMessageQueue({});
    function closeIt() {
      return queue.close();
    }
    function askIt() {
      return queue.next();
    }
    await closeIt();
    const first = (await askIt().catch((error: unknown) => error)) as Error & { code?: string };
    const again = await queue.next().catch((error: unknown) => error);
    expect(first.code).toBe('CLOSED');
    expect(again).toBe(first);
    // Made where it was first needed (the next()), not when the queue closed.
    expect(first.stack).toContain('askIt');
    expect(first.stack).not.toContain('closeIt');
  });

  it('is made without own accessors (no hidden class per queue)', () => {
    const queue = createMessageQueue({});
    const own = Object.getOwnPropertyNames(queue).map((name) => Object.getOwnPropertyDescriptor(queue, name));
    expect(own.filter((d) => d?.get !== undefined || d?.set !== undefined)).toEqual([]);
  });
});
