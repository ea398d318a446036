import { describe, expect, it } from 'vitest';
import { captureNodeWarnings } from '../../../../../test/support/capture-node-warnings.js';
import { loadMessages, messageEngine, orders } from './message-support.js';

// Warnings Node emitted while a test ran (MaxListenersExceededWarning comes on a later tick).
const warnings = captureNodeWarnings();
const settled = () => new Promise((resolve) => setImmediate(resolve));

const WORKFLOW = orders(`      - stepId: confirm
        operationId: confirmOrder
        action: receive
        correlationId: $inputs.requestId
        timeout: 10000
        outputs: { orderId: $message.payload#/orderId }
`);

const RUNS = 16;

describe('1.1.0 §Defining Success for Asynchronous Steps: receives of many runs waiting under one AbortSignal', () => {
  it(`${RUNS} runs given one signal, each waiting for its message at once, complete without MaxListenersExceededWarning`, async () => {
    const { engine, messages } = messageEngine();
    const document = await loadMessages(engine, WORKFLOW);
    const signal = new AbortController().signal;
    const runs = Array.from({ length: RUNS }, (_, i) =>
      engine.run({ document, signal, inputs: { requestId: `r${i}` } }),
    );
    // Every run subscribed and waiting before any reply comes.
    while (messages.openSubscriptions < RUNS) await settled();
    await settled();
    for (let i = 0; i < RUNS; i += 1)
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: `r${i}` },
        payload: { orderId: `o${i}` },
      });
    const results = await Promise.all(runs);
    expect(results.map((r) => r.steps[0]?.outputs)).toEqual(
      Array.from({ length: RUNS }, (_, i) => ({ orderId: `o${i}` })),
    );
    await settled();
    expect(await warnings.named('MaxListenersExceededWarning')).toEqual([]);
  });

  it(`aborting the signal ${RUNS} waiting runs share stops every one of them (aborted), still without the warning`, async () => {
    const { engine, messages } = messageEngine();
    const document = await loadMessages(engine, WORKFLOW);
    const controller = new AbortController();
    const runs = Array.from({ length: RUNS }, (_, i) =>
      engine.run({ document, signal: controller.signal, inputs: { requestId: `r${i}` } }),
    );
    while (messages.openSubscriptions < RUNS) await settled();
    await settled();
    controller.abort();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.error?.code)).toEqual(Array.from({ length: RUNS }, () => 'aborted'));
    expect(messages.openSubscriptions).toBe(0);
    await settled();
    expect(await warnings.named('MaxListenersExceededWarning')).toEqual([]);
  });

  it(`${RUNS} runs given no signal (they share one that never aborts) complete without the warning`, async () => {
    const { engine, messages } = messageEngine();
    const document = await loadMessages(engine, WORKFLOW);
    const runs = Array.from({ length: RUNS }, (_, i) =>
      engine.run({ document, inputs: { requestId: `r${i}` } }),
    );
    while (messages.openSubscriptions < RUNS) await settled();
    await settled();
    for (let i = RUNS - 1; i >= 0; i -= 1)
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: `r${i}` },
        payload: { orderId: `o${i}` },
      });
    const results = await Promise.all(runs);
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: RUNS }, () => 'success'));
    await settled();
    expect(await warnings.named('MaxListenersExceededWarning')).toEqual([]);
  });
});
