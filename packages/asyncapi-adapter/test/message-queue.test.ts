/**
 * The buffer behind every subscription of this package (create-message-queue.ts): arrival order,
 * next() timeouts and aborts, close() rejecting waiters and releasing the protocol side once; and
 * its shape: a queue is made per subscription (per receive step run), so it must not be an object
 * literal with an accessor, which V8 gives a hidden class of its own per object and whose closures
 * then survive young-generation collections (hundreds of KB promoted per scavenge at one
 * subscription per round trip).
 */
import { describe, expect, it } from 'vitest';
import { createMessageQueue } from '../src/create-message-queue.js';

const received = (n: number) => ({
  serverUrl: 'mqtt://127.0.0.1:1883',
  address: 'a/b',
  headers: {},
  payload: { n },
  body: `{"n":${n}}`,
});

function queue(signal: AbortSignal = new AbortController().signal) {
  let released = 0;
  const q = createMessageQueue({
    signal,
    describe: 'test topic',
    onClose: async () => {
      released += 1;
    },
  });
  return { q, released: () => released };
}

describe('createMessageQueue (Arazzo 1.1 receive: "completes on the first message matching")', () => {
  it('hands buffered messages out in arrival order, and waiters in the order they asked', async () => {
    const { q } = queue();
    q.push(received(1));
    q.push(received(2));
    expect((await q.next()).payload).toEqual({ n: 1 });
    expect((await q.next()).payload).toEqual({ n: 2 });
    const third = q.next();
    const fourth = q.next();
    q.push(received(3));
    q.push(received(4));
    expect((await third).payload).toEqual({ n: 3 });
    expect((await fourth).payload).toEqual({ n: 4 });
  });

  it('rejects a wait with TIMEOUT, with ABORTED on either signal, and with CLOSED on close', async () => {
    const outer = new AbortController();
    const { q, released } = queue(outer.signal);
    await expect(q.next({ timeoutMs: 1 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const own = new AbortController();
    const waiting = q.next({ signal: own.signal });
    own.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    const underOuter = q.next({ timeoutMs: 10_000 });
    outer.abort();
    await expect(underOuter).rejects.toMatchObject({ code: 'ABORTED' });
    const { q: other, released: otherReleased } = queue();
    const pending = other.next({ timeoutMs: 10_000 });
    expect(other.closed).toBe(false);
    const closing = other.close();
    expect(other.close()).toBe(closing);
    await closing;
    await expect(pending).rejects.toMatchObject({ code: 'CLOSED' });
    expect(other.closed).toBe(true);
    expect(otherReleased()).toBe(1);
    await expect(other.next()).rejects.toMatchObject({ code: 'CLOSED' });
    expect(released()).toBe(0);
  });

  it('builds the words of its address only for an error (no string per subscription)', async () => {
    let described = 0;
    const q = createMessageQueue({
      signal: new AbortController().signal,
      describe: () => {
        described += 1;
        return 'lazy topic';
      },
      onClose: async () => undefined,
    });
    q.push(received(1));
    expect((await q.next({ timeoutMs: 1000 })).payload).toEqual({ n: 1 });
    const waiting = q.next({ timeoutMs: 1000 });
    q.push(received(2));
    await waiting;
    expect(described).toBe(0);
    await expect(q.next({ timeoutMs: 0 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('no matching message on lazy topic within 0 ms'),
    });
    await q.close();
    await expect(q.next()).rejects.toMatchObject({
      code: 'CLOSED',
      message: expect.stringContaining('subscription to lazy topic is closed'),
    });
    expect(described).toBe(2);
  });

  it('is made without own accessors (no hidden class per queue)', () => {
    const { q } = queue();
    const own = Object.getOwnPropertyNames(q).map((name) => Object.getOwnPropertyDescriptor(q, name));
    expect(own.filter((d) => d?.get !== undefined || d?.set !== undefined)).toEqual([]);
    expect(q.closed).toBe(false);
  });
});
