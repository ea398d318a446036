/**
 * Many waits under one AbortSignal (the MQTT transport over aedes): sixteen subscriptions, each
 * with a next() waiting, all given the same signal (as sixteen receives of one run, or sixteen runs
 * given one signal, hand it down) must not trip Node's MaxListenersExceededWarning, and aborting
 * that signal still stops every wait.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { captureNodeWarnings } from '../../../test/support/capture-node-warnings.js';
import { message, server, target, unique } from './support/message-targets.js';
import { startAedes, type TestBroker } from './support/start-aedes.js';

let broker: TestBroker | undefined;
let transport: ReturnType<typeof createAsyncApiTransport> | undefined;
const warnings = captureNodeWarnings();
afterEach(async () => {
  await transport?.close();
  transport = undefined;
  await broker?.close();
  broker = undefined;
});
const settled = () => new Promise((resolve) => setImmediate(resolve));
const WAITS = 16;

describe('MQTT over aedes: waits sharing one AbortSignal (one listener per signal, not per wait)', () => {
  it(`${WAITS} subscriptions and ${WAITS} waiting next() calls under one signal get their messages without MaxListenersExceededWarning`, async () => {
    broker = await startAedes();
    transport = createAsyncApiTransport({ reconnectDelayMs: 50 });
    const signal = new AbortController().signal;
    const base = unique('shared');
    const targets = Array.from({ length: WAITS }, (_, i) =>
      target(`${base}/${i}`, [server(broker?.url ?? '', 'mqtt')]),
    );
    const subs = await Promise.all(
      targets.map((to) => transport?.subscribe({ target: to, messages: [] }, { signal })),
    );
    const waiting = subs.map((sub) => sub?.next({ timeoutMs: 10_000, signal }));
    await Promise.all(targets.map((to, i) => transport?.send(message(to, { i }), { signal })));
    const got = await Promise.all(waiting);
    expect(got.map((m) => m?.payload)).toEqual(Array.from({ length: WAITS }, (_, i) => ({ i })));
    await settled();
    expect(await warnings.named('MaxListenersExceededWarning')).toEqual([]);
  });

  it(`aborting the shared signal rejects all ${WAITS} waits with ABORTED, without the warning`, async () => {
    broker = await startAedes();
    transport = createAsyncApiTransport({ reconnectDelayMs: 50 });
    const controller = new AbortController();
    const { signal } = controller;
    const base = unique('abort');
    const subs = await Promise.all(
      Array.from({ length: WAITS }, (_, i) =>
        transport?.subscribe(
          { target: target(`${base}/${i}`, [server(broker?.url ?? '', 'mqtt')]), messages: [] },
          { signal },
        ),
      ),
    );
    const waiting = subs.map((sub) =>
      (sub?.next({ timeoutMs: 10_000, signal }) ?? Promise.reject(new Error('no subscription'))).then(
        () => 'received',
        (error: { code?: string }) => error.code,
      ),
    );
    await settled();
    controller.abort();
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: WAITS }, () => 'ABORTED'));
    await settled();
    expect(await warnings.named('MaxListenersExceededWarning')).toEqual([]);
  });
});
