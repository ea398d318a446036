import { createDryRunMessageTransport } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { loadMessages, messageEngine, orders } from './message-support.js';

describe('dry run of message steps (createDryRunMessageTransport)', () => {
  it('records the message a send step would send and answers a receive at once with placeholders, whatever its correlationId', async () => {
    const dry = createDryRunMessageTransport();
    const { engine } = messageEngine({ messageTransport: dry });
    const doc = await loadMessages(
      engine,
      orders(`      - stepId: place
        operationId: placeOrder
        action: send
        parameters: [{ name: requestId, in: header, value: r1 }]
        requestBody: { payload: { productId: p1, quantity: 3 } }
      - stepId: confirm
        operationId: confirmOrder
        action: receive
        correlationId: r1
        timeout: 600000
        outputs: { orderId: $message.payload#/orderId }
`),
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(dry.records.map((r) => r.action)).toEqual(['send', 'receive']);
    expect(result.steps[0]?.sentMessage).toMatchObject({
      serverUrl: 'memory://broker',
      address: 'orders.place',
      headers: { requestId: 'r1' },
      body: '{"productId":"p1","quantity":3}',
      correlationId: 'r1',
    });
    expect(result.steps[1]?.outputs).toEqual({ orderId: '<orders.confirmed:$message.payload#/orderId>' });
  });
});
