import type { Channel } from 'amqplib';
import type { AmqpRoute } from './amqp-route.js';

/**
 * Makes sure the route's exchange or queue exists before it is used, on `channel`: an exchange the
 * binding gives a type for is declared (asserted with the binding's durable/autoDelete), one without
 * a type is checked (passively declared: a missing exchange fails here, not as a silently dropped
 * publish); a queue route's queue, and the queue named by the address on the default exchange, are
 * declared with the binding's options.
 */
export async function declareAmqpRoute(channel: Channel, route: AmqpRoute): Promise<void> {
  if (route.is === 'queue') {
    await channel.assertQueue(route.queue, route.options);
    return;
  }
  if (route.exchange === '') {
    await channel.assertQueue(route.routingKey);
    return;
  }
  if (route.exchange.startsWith('amq.')) return;
  if (route.type !== undefined) await channel.assertExchange(route.exchange, route.type, route.options);
  else await channel.checkExchange(route.exchange);
}
