import type { MessageContext, OutgoingMessage, SentMessage, SubscribeRequest } from '@telaio/core';
import { matchesCorrelation, TransportError } from '@telaio/core';
import { createMessageQueue } from '../create-message-queue.js';
import { decodePayload } from '../decode-payload.js';
import { encodePayload } from '../encode-payload.js';
import type { ClientRoute, ProtocolClient, ProtocolClientFactory } from '../protocol-client.js';
import { raceTransportAbort, toTransportError } from '../to-transport-error.js';
import { createWsChannel, type WsChannel } from './create-ws-channel.js';
import { wsHandshake, wsReportUrl } from './ws-handshake.js';

/**
 * WebSocket (`ws://`, `wss://`) over the ws library: a channel is a WebSocket to the server URL
 * plus the channel address, shared by the sends and receives of that channel (so a server that
 * answers on the same socket is heard); a send is one frame (text for UTF-8 payloads, else binary),
 * a receive takes the frames that arrive. Frames carry no headers: a message with headers is refused
 * (`HEADERS_UNSUPPORTED`) rather than sent without them.
 */
export const createWsClient: ProtocolClientFactory = (options): ProtocolClient => {
  const channels = new Map<string, WsChannel>();
  let closed = false;

  const channelFor = (target: OutgoingMessage['target'], route: ClientRoute) => {
    if (closed) throw new TransportError('CLOSED', 'the message transport is closed');
    const { url, headers } = wsHandshake(target, route);
    const shown = wsReportUrl(url, route);
    const key = `${url.href}\n${JSON.stringify(headers)}`;
    let channel = channels.get(key);
    if (channel === undefined) {
      channel = createWsChannel({
        url,
        headers,
        connectTimeoutMs: options.connectTimeoutMs,
        reconnectDelayMs: options.reconnectDelayMs,
        what: `WebSocket ${shown}`,
        onEvent: (what) => options.onEvent?.({ protocol: url.protocol.slice(0, -1), server: shown, what }),
      });
      channels.set(key, channel);
    }
    return { channel, shown };
  };

  return {
    async send(message: OutgoingMessage, route: ClientRoute, context: MessageContext): Promise<SentMessage> {
      const { channel, shown } = channelFor(message.target, route);
      const what = `send to WebSocket ${shown}`;
      const names = Object.keys(message.headers);
      if (names.length > 0)
        throw new TransportError(
          'HEADERS_UNSUPPORTED',
          `${what}: WebSocket frames have no message headers (${names.join(', ')}); put them in the payload`,
        );
      const { bytes, body } = encodePayload(message.payload);
      const socket = await raceTransportAbort(channel.ready(), context.signal, what);
      const binary = body.startsWith('base64:') && message.payload instanceof Uint8Array;
      await raceTransportAbort(
        new Promise<void>((resolve, reject) =>
          socket.send(bytes, { binary }, (error) =>
            error ? reject(toTransportError(error, what)) : resolve(),
          ),
        ),
        context.signal,
        what,
      );
      return {
        serverUrl: shown,
        protocol: route.chosen.protocol,
        address: message.target.address,
        headers: message.headers,
        contentType: message.contentType,
        body,
        ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
      };
    },
    async subscribe(request: SubscribeRequest, route: ClientRoute, context: MessageContext) {
      const { channel, shown } = channelFor(request.target, route);
      const what = `receive from WebSocket ${shown}`;
      const queue = createMessageQueue({
        signal: context.signal,
        describe: `WebSocket ${shown}`,
        onClose: async () => void stop(),
      });
      const stop = channel.listen((data) => {
        const decoded = decodePayload(data, undefined, request.messages);
        const received = {
          serverUrl: shown,
          address: request.target.address,
          headers: {},
          payload: decoded.payload,
          ...(decoded.contentType === undefined ? {} : { contentType: decoded.contentType }),
          body: decoded.body,
        };
        if (matchesCorrelation(received, request.correlation)) queue.push(received);
      });
      try {
        await raceTransportAbort(channel.ready(), context.signal, what);
      } catch (error) {
        await queue.close();
        throw toTransportError(error, what);
      }
      return queue;
    },
    async close() {
      closed = true;
      const all = [...channels.values()];
      channels.clear();
      await Promise.all(all.map((channel) => channel.close()));
    },
  };
};
