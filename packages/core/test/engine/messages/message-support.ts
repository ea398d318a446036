/** Engines over the in-memory message transport, and inline 1.1 documents with the orders/users AsyncAPI sources. */
import { createEngine, type EngineOptions } from '@telaio/core';
import {
  createMemoryMessageTransport,
  createMemoryTransport,
  type MemoryHandler,
} from '@telaio/core/testing';
import { fixture } from '../helpers.js';

/** An engine whose message steps go through an in-memory broker. */
export function messageEngine(
  more: Partial<EngineOptions> = {},
  handler: MemoryHandler = () => ({ status: 200 }),
) {
  const messages = createMemoryMessageTransport();
  const transport = createMemoryTransport(handler);
  const engine = createEngine({ transport, messageTransport: messages, cache: false, ...more });
  return { engine, messages, transport };
}

/** Load `text` as `messages/inline.arazzo.yaml` (next to the AsyncAPI fixtures). */
export function loadMessages(engine: ReturnType<typeof createEngine>, text: string) {
  return engine.load({ uri: fixture('messages/inline.arazzo.yaml'), text });
}

/** A 1.1 prelude with the orders (AsyncAPI 3.0) source and `workflows:` with workflow `w`, then `steps`. */
export const orders = (steps: string, extra = ''): string => `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: orders, url: ./orders.asyncapi.yaml, type: asyncapi }
${extra}workflows:
  - workflowId: w
    inputs:
      type: object
      properties: { requestId: { type: string }, quantity: { type: integer } }
    steps:
${steps}`;
