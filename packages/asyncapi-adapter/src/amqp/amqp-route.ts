import type { MessageTarget } from '@telaio/core';

type Obj = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** Where an AMQP channel's messages go and come from, read from its AsyncAPI AMQP channel binding. */
export type AmqpRoute =
  | {
      readonly is: 'queue';
      readonly queue: string;
      readonly options: { durable?: boolean; exclusive?: boolean; autoDelete?: boolean };
      readonly vhost?: string;
    }
  | {
      readonly is: 'routingKey';
      /** '' is the default exchange: the routing key is a queue name. */
      readonly exchange: string;
      /** Declared (asserted) when the binding gives a type; else it must exist. */
      readonly type?: string;
      readonly options: { durable?: boolean; autoDelete?: boolean };
      readonly routingKey: string;
      readonly vhost?: string;
    };

/**
 * The AMQP 0-9-1 route of a channel (AsyncAPI AMQP channel binding 0.1.0-0.3.0): `is: queue` sends
 * to and consumes from the queue `queue.name` (else the address); `is: routingKey` (the default)
 * publishes to `exchange.name` with the address as routing key and receives through a private queue
 * bound with it (the address may hold topic wildcards). Without an exchange, the default exchange:
 * the address names a queue. `vhost` from the exchange or queue binding.
 */
export function amqpRoute(target: MessageTarget): AmqpRoute {
  const binding: Obj = (target.channelBindings.amqp as Obj | undefined) ?? {};
  const exchange = (binding.exchange ?? {}) as Obj;
  const queue = (binding.queue ?? {}) as Obj;
  if (binding.is === 'queue') {
    const vhost = str(queue.vhost);
    return {
      is: 'queue',
      queue: str(queue.name) ?? target.address,
      options: defined({
        durable: bool(queue.durable),
        exclusive: bool(queue.exclusive),
        autoDelete: bool(queue.autoDelete),
      }),
      ...(vhost === undefined ? {} : { vhost }),
    };
  }
  const vhost = str(exchange.vhost);
  const type = str(exchange.type);
  return {
    is: 'routingKey',
    exchange: str(exchange.name) ?? '',
    ...(type === undefined ? {} : { type }),
    options: defined({ durable: bool(exchange.durable), autoDelete: bool(exchange.autoDelete) }),
    routingKey: target.address,
    ...(vhost === undefined ? {} : { vhost }),
  };
}

function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
