import type { RunResult } from '@telaio/core';
import { createMemoryMessageTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { loadMessages, messageEngine, orders } from './message-support.js';

const PLACE = `      - stepId: place
        operationId: placeOrder
        action: send
        parameters: [{ name: requestId, in: header, value: $inputs.requestId }]
        requestBody:
          payload: { productId: p1, quantity: $inputs.quantity }
`;
const CONFIRM = `      - stepId: confirm
        operationId: confirmOrder
        action: receive
        correlationId: $inputs.requestId
        timeout: 2000
        successCriteria:
          - condition: $message.payload#/status == 'confirmed'
        outputs:
          orderId: $message.payload#/orderId
          requestId: $message.header.requestId
`;

describe('1.1.0 §Defining Success for Asynchronous Steps', () => {
  it('"For AsyncAPI send operations, the step completes immediately after the message is sent": payload from requestBody, headers from parameters in: header', async () => {
    const { engine, messages } = messageEngine();
    const doc = await loadMessages(engine, orders(PLACE));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r1', quantity: 2 } });
    expect(result.error).toBeUndefined();
    expect(messages.sent).toHaveLength(1);
    expect(messages.sent[0]).toMatchObject({
      address: 'orders.place',
      headers: { requestId: 'r1' },
      payload: { productId: 'p1', quantity: 2 },
      correlationId: 'r1',
    });
    expect(result.steps[0]).toMatchObject({
      action: 'send',
      status: 'success',
      sentMessage: { address: 'orders.place' },
    });
  });

  it('a receive step is subscribed when its workflow starts: a reply sent before the step runs is not lost, and $message criteria and outputs read it', async () => {
    const { engine, messages } = messageEngine();
    // The service replies at once, while the send step is still running: before the receive step starts.
    messages.onSend((sent) =>
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: sent.headers.requestId },
        payload: { orderId: 'o-9', status: 'confirmed' },
      }),
    );
    const doc = await loadMessages(engine, orders(PLACE + CONFIRM));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r2', quantity: 1 } });
    expect(result.error).toBeUndefined();
    expect(result.steps[1]).toMatchObject({
      stepId: 'confirm',
      action: 'receive',
      status: 'success',
      outputs: { orderId: 'o-9', requestId: 'r2' },
      receivedMessage: { address: 'orders.confirmed', payload: { orderId: 'o-9', status: 'confirmed' } },
    });
    expect(messages.openSubscriptions).toBe(0);
  });

  it('"If correlationId is specified, only messages matching the correlation identifier are considered"', async () => {
    const { engine, messages } = messageEngine();
    messages.onSend(() => {
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: 'other' },
        payload: { orderId: 'wrong', status: 'confirmed' },
      });
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: 'r3' },
        payload: { orderId: 'right', status: 'confirmed' },
      });
    });
    const doc = await loadMessages(engine, orders(PLACE + CONFIRM));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r3', quantity: 1 } });
    expect(result.steps[1]?.outputs).toMatchObject({ orderId: 'right' });
  });

  it('"If no matching message is received within the timeout period, the step fails and triggers any defined onFailure actions"', async () => {
    const { engine } = messageEngine();
    const doc = await loadMessages(
      engine,
      orders(`${PLACE}${CONFIRM.replace('timeout: 2000', 'timeout: 50')}        onFailure:
          - { name: giveUp, type: goto, stepId: fallback }
      - stepId: never
        operationId: placeOrder
        action: send
        requestBody: { payload: { productId: never, quantity: 1 } }
        onSuccess: [{ name: stop, type: end }]
      - stepId: fallback
        operationId: placeOrder
        action: send
        requestBody: { payload: { productId: fallback, quantity: 1 } }
`),
    );
    const result = await engine.run({ document: doc, inputs: { requestId: 'r4', quantity: 1 } });
    expect(result.status).toBe('success');
    const confirm = result.steps.find((s) => s.stepId === 'confirm');
    expect(confirm).toMatchObject({ status: 'failure' });
    expect(confirm?.reason).toMatch(
      /no message with correlation id 'r4' arrived on 'orders.confirmed' within its timeout of 50 ms/,
    );
    expect(result.steps.map((s) => `${s.stepId}:${s.status}`)).toEqual([
      'place:success',
      'confirm:failure',
      'fallback:success',
      'never:skipped',
    ]);
  });

  it('a receive that times out with no onFailure fails the workflow with message-timeout', async () => {
    const { engine } = messageEngine();
    const doc = await loadMessages(engine, orders(CONFIRM.replace('timeout: 2000', 'timeout: 20')));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r5' } });
    expect(result.error).toMatchObject({ code: 'message-timeout', stepId: 'confirm' });
  });

  it('successCriteria over $message.payload: a message that does not satisfy them fails the step (criteria-failed)', async () => {
    const { engine, messages } = messageEngine();
    messages.onSend((sent) =>
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: sent.headers.requestId },
        payload: { status: 'rejected' },
      }),
    );
    const doc = await loadMessages(engine, orders(PLACE + CONFIRM));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r6', quantity: 1 } });
    expect(result.error).toMatchObject({ code: 'criteria-failed', stepId: 'confirm' });
    expect(result.steps[1]?.receivedMessage?.payload).toEqual({ status: 'rejected' });
  });

  it('a payload that does not match the AsyncAPI message schema is not sent (message-payload-invalid)', async () => {
    const { engine, messages } = messageEngine();
    const doc = await loadMessages(engine, orders(PLACE));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r7', quantity: 0 } });
    expect(result.error).toMatchObject({ code: 'message-payload-invalid', stepId: 'place' });
    expect(result.error?.problems).toEqual(['payload/quantity must be >= 1']);
    expect(messages.sent).toHaveLength(0);
  });

  it('a message step with no message transport fails with message-transport-missing', async () => {
    const { engine } = messageEngine({ messageTransport: undefined });
    const doc = await loadMessages(engine, orders(PLACE));
    const result = await engine.run({ document: doc, inputs: { requestId: 'r8', quantity: 1 } });
    expect(result.error).toMatchObject({ code: 'message-transport-missing', stepId: 'place' });
  });

  it('hooks: onMessageSend, onMessageSent, onMessageWait and onMessageReceived, in that order', async () => {
    const { engine, messages } = messageEngine();
    messages.onSend((sent) =>
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: sent.headers.requestId },
        payload: { orderId: 'o', status: 'confirmed' },
      }),
    );
    const seen: string[] = [];
    const doc = await loadMessages(engine, orders(PLACE + CONFIRM));
    await engine.run({
      document: doc,
      inputs: { requestId: 'r9', quantity: 1 },
      hooks: {
        onMessageSend: (e) => seen.push(`send ${e.stepId} ${e.message.target.address}`),
        onMessageSent: (e) => seen.push(`sent ${e.stepId} ${e.message.body}`),
        onMessageWait: (e) => seen.push(`wait ${e.stepId} ${e.correlation?.value} ${e.timeoutMs}`),
        onMessageReceived: (e) => seen.push(`received ${e.stepId} ${e.message.body}`),
      },
    });
    expect(seen).toEqual([
      'send place orders.place',
      'sent place {"productId":"p1","quantity":1}',
      'wait confirm r9 2000',
      'received confirm {"orderId":"o","status":"confirmed"}',
    ]);
  });

  it('Runtime Expressions "Payload value": a send step\'s successCriteria, outputs and success actions each read $message, the message it sent', async () => {
    const { engine } = messageEngine();
    const send = (extra: string) => `      - stepId: place
        operationId: placeOrder
        action: send
        parameters: [{ name: requestId, in: header, value: $inputs.requestId }]
        requestBody: { payload: { productId: p1, quantity: $inputs.quantity } }
${extra}      - stepId: again
        operationId: placeOrder
        action: send
        requestBody: { payload: { productId: p2, quantity: 1 } }
`;
    const statuses = (result: RunResult) => result.steps.map((s) => `${s.stepId} ${s.status}`);
    const criteria = await loadMessages(
      engine,
      orders(send('        successCriteria: [{ condition: $message.payload#/quantity == 3 }]\n')),
    );
    const met = await engine.run({ document: criteria, inputs: { requestId: 'r10', quantity: 3 } });
    expect(statuses(met)).toEqual(['place success', 'again success']);
    const unmet = await engine.run({ document: criteria, inputs: { requestId: 'r10', quantity: 2 } });
    expect(unmet.error).toMatchObject({ code: 'criteria-failed', stepId: 'place' });
    const outputs = await loadMessages(
      engine,
      orders(
        send('        outputs: { sent: $message.payload#/quantity, header: $message.header.requestId }\n'),
      ),
    );
    const out = await engine.run({ document: outputs, inputs: { requestId: 'r11', quantity: 3 } });
    expect(out.steps[0]?.outputs).toEqual({ sent: 3, header: 'r11' });
    const actions = await loadMessages(
      engine,
      orders(
        send(
          '        onSuccess: [{ name: done, type: end, criteria: [{ condition: $message.payload#/quantity == 3 }] }]\n',
        ),
      ),
    );
    const ended = await engine.run({ document: actions, inputs: { requestId: 'r12', quantity: 3 } });
    expect(statuses(ended)).toEqual(['place success', 'again skipped']);
    const onward = await engine.run({ document: actions, inputs: { requestId: 'r13', quantity: 2 } });
    expect(statuses(onward)).toEqual(['place success', 'again success']);
  });

  it('a transport whose send or next throws instead of rejecting fails the step as data (message-send-failed, message-receive-failed)', async () => {
    const throwing = createMemoryMessageTransport();
    const failingSend = {
      send: () => {
        throw new Error('socket gone');
      },
      subscribe: throwing.subscribe.bind(throwing),
      close: () => throwing.close(),
    };
    const sending = messageEngine({ messageTransport: failingSend });
    const sendDoc = await loadMessages(sending.engine, orders(PLACE));
    const sent = await sending.engine.run({ document: sendDoc, inputs: { requestId: 'r12', quantity: 1 } });
    expect(sent.error).toMatchObject({ code: 'message-send-failed', stepId: 'place' });
    expect(sent.error?.message).toContain('socket gone');
    const failingNext = {
      send: throwing.send.bind(throwing),
      subscribe: async (...args: Parameters<typeof throwing.subscribe>) => {
        const subscription = await throwing.subscribe(...args);
        return {
          next: () => {
            throw new Error('queue broken');
          },
          close: () => subscription.close(),
        };
      },
      close: () => throwing.close(),
    };
    const receiving = messageEngine({ messageTransport: failingNext });
    const receiveDoc = await loadMessages(receiving.engine, orders(PLACE + CONFIRM));
    const got = await receiving.engine.run({
      document: receiveDoc,
      inputs: { requestId: 'r13', quantity: 1 },
    });
    expect(got.error).toMatchObject({ code: 'message-receive-failed', stepId: 'confirm' });
    expect(got.error?.message).toContain('queue broken');
    expect(throwing.openSubscriptions).toBe(0);
  });
});
