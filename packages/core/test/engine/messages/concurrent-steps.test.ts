import { describe, expect, it } from 'vitest';
import { loadMessages, messageEngine, orders } from './message-support.js';

const receive = (id: string, request: string, after = '') => `      - stepId: ${id}
        operationId: confirmOrder
        action: receive
        correlationId: ${request}
        timeout: 5000
${after}        outputs: { orderId: $message.payload#/orderId }
`;

describe('1.1.0 §Step Dependencies and Execution Order', () => {
  it('Use Case: Async Coordination: two receives in flight while later steps run, joined by a step that dependsOn both', async () => {
    const { engine, messages } = messageEngine();
    // The replies come only after the last send: each receive must be waiting concurrently for its own.
    messages.onSend((sent) => {
      if ((sent.payload as { productId?: string }).productId !== 'trigger') return;
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: 'b' },
        payload: { orderId: 'ob' },
      });
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: 'a' },
        payload: { orderId: 'oa' },
      });
    });
    const doc = await loadMessages(
      engine,
      orders(`${receive('first', 'a')}${receive('second', 'b')}      - stepId: trigger
        operationId: placeOrder
        action: send
        requestBody: { payload: { productId: trigger, quantity: 1 } }
      - stepId: join
        operationId: placeOrder
        action: send
        dependsOn: [first, second]
        requestBody:
          payload: { productId: '{$steps.first.outputs.orderId}+{$steps.second.outputs.orderId}', quantity: 1 }
`),
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(result.steps.map((s) => s.stepId).at(-1)).toBe('join');
    expect(messages.sent.map((m) => (m.payload as { productId: string }).productId)).toEqual([
      'trigger',
      'oa+ob',
    ]);
  });

  it('Tool Behavior: with maxConcurrentSteps 1 the same workflow cannot start its trigger while a receive waits, so the receive times out', async () => {
    const { engine, messages } = messageEngine({ maxConcurrentSteps: 1 });
    messages.onSend(() =>
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId: 'a' },
        payload: { orderId: 'oa' },
      }),
    );
    const doc = await loadMessages(
      engine,
      orders(`${receive('first', 'a').replace('timeout: 5000', 'timeout: 30')}      - stepId: trigger
        operationId: placeOrder
        action: send
        dependsOn: []
        requestBody: { payload: { productId: trigger, quantity: 1 } }
`),
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toMatchObject({ code: 'message-timeout', stepId: 'first' });
  });

  it('a failure ends the workflow and stops the steps still running (stopped, not waited for)', async () => {
    const { engine } = messageEngine();
    const doc = await loadMessages(
      engine,
      orders(`${receive('waiting', 'x')}      - stepId: bad
        operationId: placeOrder
        action: send
        dependsOn: []
        requestBody: { payload: { productId: 1, quantity: 1 } }
`),
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toMatchObject({ code: 'message-payload-invalid', stepId: 'bad' });
    expect(result.steps.find((s) => s.stepId === 'waiting')?.reason).toMatch(
      /stopped: step 'bad' ended the workflow/,
    );
  });
});

describe('AsyncAPI 2.6 sources', () => {
  it('a publish operation is sent (2.x publish = send), a subscribe operation received, by operationId', async () => {
    const { engine, messages } = messageEngine();
    messages.onSend((sent) =>
      messages.publish({
        address: 'user/welcomed',
        payload: { email: (sent.payload as { email: string }).email },
      }),
    );
    const doc = await loadMessages(
      engine,
      `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: users, url: ./users.asyncapi-2.6.yaml, type: asyncapi }
workflows:
  - workflowId: w
    steps:
      - stepId: signUp
        operationId: signUp
        action: send
        requestBody: { payload: { email: a@example.com } }
      - stepId: welcomed
        channelPath: '{$sourceDescriptions.users.url}#/channels/user~1welcomed'
        action: receive
        timeout: 2000
        outputs: { email: $message.payload#/email }
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(result.steps[1]?.outputs).toEqual({ email: 'a@example.com' });
    expect(messages.sent[0]?.address).toBe('user/signup');
  });
});
