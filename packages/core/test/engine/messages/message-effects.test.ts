import { createEngine } from '@telaio/core';
import { createMemoryHost, createMemoryMessageTransport, createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { orders } from './message-support.js';

const WORKFLOW = orders(`      - stepId: place
        operationId: placeOrder
        action: send
        parameters: [{ name: requestId, in: header, value: $inputs.requestId }]
        requestBody: { payload: { productId: p1, quantity: 1 } }
      - stepId: confirm
        operationId: confirmOrder
        action: receive
        correlationId: $inputs.requestId
        timeout: 100
        outputs: { orderId: $message.payload#/orderId }
`);

const engineOver = (
  messages: ReturnType<typeof createMemoryMessageTransport>,
  host: ReturnType<typeof createMemoryHost>,
) =>
  createEngine({
    transport: createMemoryTransport(() => ({ status: 200 })),
    messageTransport: messages,
    host,
    cache: false,
  });

describe('message steps are host effects (message-send, message-receive)', () => {
  it('a run resumed on a durable host replays its sent and received messages from the journal: nothing is sent again, nothing awaited', async () => {
    const first = createMemoryMessageTransport();
    first.onSend((sent) =>
      first.publish({
        address: 'orders.confirmed',
        headers: { requestId: sent.headers.requestId },
        payload: { orderId: 'o-1' },
      }),
    );
    const host = createMemoryHost();
    const engine = engineOver(first, host);
    const doc = await engine.load({ uri: fixture('messages/inline.arazzo.yaml'), text: WORKFLOW });
    const ran = await engine.run({ document: doc, inputs: { requestId: 'r1' }, runId: 'run-1' });
    expect(ran.outputs).toEqual({});
    expect(ran.steps[1]?.outputs).toEqual({ orderId: 'o-1' });
    expect([...host.journal('run-1').keys()]).toEqual([
      'w/place/message-send#1',
      'w/confirm/message-receive#1',
    ]);
    // Resumed in a new process: its broker has no service, so only the journal can answer.
    const second = createMemoryMessageTransport();
    const resumed = engineOver(second, createMemoryHost({ store: host.store }));
    const doc2 = await resumed.load({ uri: fixture('messages/inline.arazzo.yaml'), text: WORKFLOW });
    const again = await resumed.run({ document: doc2, inputs: { requestId: 'r1' }, runId: 'run-1' });
    expect(again.error).toBeUndefined();
    expect(again.steps[1]?.outputs).toEqual({ orderId: 'o-1' });
    expect(second.sent).toHaveLength(0);
  });
});

describe('lazy inputs under concurrent steps', () => {
  it('two steps running at once that read the same provided input ask its provider once and both get the value', async () => {
    const messages = createMemoryMessageTransport();
    let asked = 0;
    const engine = createEngine({
      transport: createMemoryTransport(() => ({ status: 200 })),
      messageTransport: messages,
      cache: false,
      inputProviders: {
        requestId: {
          resolve: async () => {
            asked += 1;
            await new Promise((resolve) => setTimeout(resolve, 10));
            return 'shared';
          },
        },
      },
    });
    const step = (id: string) => `      - stepId: ${id}
        operationId: placeOrder
        action: send
        dependsOn: []
        parameters: [{ name: requestId, in: header, value: $inputs.requestId }]
        requestBody: { payload: { productId: ${id}, quantity: 1 } }
`;
    const doc = await engine.load({
      uri: fixture('messages/inline.arazzo.yaml'),
      text: orders(step('a') + step('b')),
    });
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(asked).toBe(1);
    expect(messages.sent.map((m) => m.headers.requestId)).toEqual(['shared', 'shared']);
  });
});
