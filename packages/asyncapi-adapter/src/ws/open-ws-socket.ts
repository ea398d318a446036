import { TransportError } from '@telaio/core';
import WebSocket from 'ws';
import { toTransportError } from '../to-transport-error.js';

/**
 * Opens one WebSocket and resolves once it is open. A refused connection, a handshake answered with
 * an HTTP status (401/403 → `NOT_AUTHORIZED`, others `EPROTO` naming the status) or no handshake
 * within `timeoutMs` (`ETIMEDOUT`) rejects, and the socket is destroyed.
 */
export function openWsSocket(
  url: URL,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
  what: string,
): Promise<WebSocket> {
  return new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url, { headers, handshakeTimeout: timeoutMs, perMessageDeflate: false });
    const cleanup = (): void => {
      socket.off('open', onOpen);
      socket.off('error', onError);
      socket.off('unexpected-response', onResponse);
      // Aborting a handshake emits one more 'error': keep it from becoming an uncaught one.
      socket.on('error', ignore);
    };
    const onOpen = (): void => {
      cleanup();
      resolve(socket);
    };
    const onError = (error: Error): void => {
      cleanup();
      socket.terminate();
      reject(
        /timed out/i.test(error.message)
          ? new TransportError('ETIMEDOUT', `${what}: no handshake within ${timeoutMs} ms`, { cause: error })
          : toTransportError(error, what),
      );
    };
    const onResponse = (
      request: { destroy(): void },
      response: { statusCode?: number; resume(): void },
    ): void => {
      cleanup();
      response.resume();
      request.destroy();
      socket.terminate();
      const status = response.statusCode ?? 0;
      reject(
        new TransportError(
          status === 401 || status === 403 ? 'NOT_AUTHORIZED' : 'EPROTO',
          `${what}: the server answered the WebSocket handshake with HTTP ${status}`,
        ),
      );
    };
    socket.on('open', onOpen);
    socket.on('error', onError);
    socket.on('unexpected-response', onResponse);
  });
}

function ignore(): void {
  /* the handshake already failed with a better error */
}
