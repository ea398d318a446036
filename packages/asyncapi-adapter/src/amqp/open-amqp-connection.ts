import type { Channel, ChannelModel, RecoveringChannelModel } from 'amqplib';
import { connect } from 'amqplib';
import type { ClientRoute, ProtocolClientOptions } from '../protocol-client.js';
import { toTransportError } from '../to-transport-error.js';

/** One AMQP connection (per server, vhost and login), kept up by amqplib's recovery. */
export interface AmqpConnection {
  /** A new channel on the current connection (waits while it is being re-established). */
  channel(): Promise<Channel>;
  /** Runs `restore` after every reconnection (consumers re-declare their queues and consume again). */
  onReconnect(restore: (model: ChannelModel) => Promise<void>): () => void;
  close(): Promise<void>;
}

/**
 * Connects with amqplib: the login as PLAIN user and password (none: the URL's, else guest),
 * `vhost`, the connect timeout; the first attempt is the only one (a refusal or a refused login
 * rejects at once), later losses are recovered with backoff from `reconnectDelayMs` up to 5 s.
 */
export async function openAmqpConnection(
  route: ClientRoute,
  vhost: string,
  options: ProtocolClientOptions,
  what: string,
): Promise<AmqpConnection> {
  const url = route.chosen.url;
  const restorers = new Set<(model: ChannelModel) => Promise<void>>();
  let first = true;
  let model: RecoveringChannelModel;
  try {
    model = await connect(
      {
        protocol: url.protocol.replace(/:$/, ''),
        hostname: url.hostname,
        port: url.port === '' ? (url.protocol === 'amqps:' ? 5671 : 5672) : Number(url.port),
        vhost,
        ...(route.login.username === undefined ? {} : { username: route.login.username }),
        ...(route.login.password === undefined ? {} : { password: route.login.password }),
        heartbeat: 30,
      },
      {
        timeout: options.connectTimeoutMs,
        recovery: {
          initialMaxRetries: 0,
          initialDelay: options.reconnectDelayMs,
          maxDelay: 5000,
          async setup(m: ChannelModel) {
            if (first) {
              first = false;
              return;
            }
            options.onEvent?.({
              protocol: 'amqp',
              server: `${url.protocol}//${url.host}`,
              what: 'reconnected',
            });
            for (const restore of restorers) await restore(m).catch(() => undefined);
          },
        },
      },
    );
  } catch (error) {
    throw toTransportError(error, what);
  }
  model.on('error', () => {
    /* a lost connection: recovery takes over */
  });
  model.on('disconnect', () =>
    options.onEvent?.({
      protocol: 'amqp',
      server: `${url.protocol}//${url.host}`,
      what: 'connection lost, reconnecting',
    }),
  );
  return {
    async channel() {
      const channel = await model.createChannel();
      channel.on('error', () => {
        /* the channel closes; its user sees the failed operation */
      });
      return channel;
    },
    onReconnect(restore) {
      restorers.add(restore);
      return () => restorers.delete(restore);
    },
    async close() {
      restorers.clear();
      await model.close().catch(() => undefined);
    },
  };
}
