/**
 * MessageTargets and messages as the engine would build them from an AsyncAPI description, for
 * adapter tests that talk to a broker directly.
 */
import type { MessageServer, MessageTarget, OutgoingMessage } from '@telaio/core';

/** A server entry of an AsyncAPI description. */
export function server(url: string, protocol: string, more: Partial<MessageServer> = {}): MessageServer {
  return { name: 'test', url, protocol, bindings: {}, security: [], ...more };
}

/** A target on `address` through `servers`, with bindings by kind. */
export function target(
  address: string,
  servers: readonly MessageServer[],
  more: Partial<MessageTarget> = {},
): MessageTarget {
  return {
    source: { name: 'events', url: 'events.asyncapi.yaml', type: 'asyncapi' },
    channel: address,
    address,
    servers,
    channelBindings: {},
    operationBindings: {},
    messageBindings: {},
    ...more,
  };
}

/** A JSON message for `t`. */
export function message(
  t: MessageTarget,
  payload: unknown,
  more: Partial<OutgoingMessage> = {},
): OutgoingMessage {
  return { target: t, payload, contentType: 'application/json', headers: {}, ...more };
}

/** A fresh signal (never aborted). */
export const ctx = () => ({ signal: new AbortController().signal });

/** A unique name for a topic, queue or path, so tests sharing a broker never see each other's messages. */
export function unique(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}
