import type { MessageContext, MessageTransport } from '@telaio/core';

/** A MessageTransport that loads @telaio/asyncapi-adapter on its first message, and what it learnt. */
export interface LazyMessageTransport extends MessageTransport {
  /** True once a message went or a subscription was asked for (the adapter is loaded). */
  used(): boolean;
}

/**
 * The run's message transport: @telaio/asyncapi-adapter (and through it mqtt.js, ws or amqplib, by
 * the server's protocol) is imported only when a step first sends or subscribes, so runs without
 * AsyncAPI sources never load it. Every credential it used (logins, URL user information) goes to
 * `onSecrets` as soon as it is known, for masking. close() ends its connections (none: a no-op).
 */
export function createLazyMessageTransport(options: {
  readonly connectTimeoutMs?: number;
  readonly onSecrets: (secrets: readonly string[]) => void;
  /** Connection events (reconnecting...), free of credentials. */
  readonly onEvent?: (line: string) => void;
}): LazyMessageTransport {
  type Inner = import('@telaio/asyncapi-adapter').AsyncApiTransport;
  let inner: Promise<Inner> | undefined;
  const load = (): Promise<Inner> => {
    inner ??= import('@telaio/asyncapi-adapter').then(({ createAsyncApiTransport }) =>
      createAsyncApiTransport({
        ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
        ...(options.onEvent === undefined
          ? {}
          : { onEvent: (e) => options.onEvent?.(`${e.protocol} ${e.server}: ${e.what}`) }),
      }),
    );
    return inner;
  };
  const learning = async <T>(call: (t: Inner) => Promise<T>): Promise<T> => {
    const transport = await load();
    try {
      return await call(transport);
    } finally {
      options.onSecrets(transport.secretValues());
    }
  };
  return {
    used: () => inner !== undefined,
    send: (message, context: MessageContext) => learning((t) => t.send(message, context)),
    subscribe: (request, context: MessageContext) => learning((t) => t.subscribe(request, context)),
    async close() {
      if (inner === undefined) return;
      const transport = await inner.catch(() => undefined);
      await transport?.close();
    },
  };
}
