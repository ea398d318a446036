import { TransportError } from '@telaio/core';
import type WebSocket from 'ws';
import { openWsSocket } from './open-ws-socket.js';

/** What a WebSocket channel hands to its listeners: one frame's bytes. */
export type FrameListener = (data: Buffer, isBinary: boolean) => void;

/** One WebSocket per channel URL and login: shared by sends and subscriptions, reopened when lost. */
export interface WsChannel {
  /** The open socket (waiting while it is being (re)opened). */
  ready(): Promise<WebSocket>;
  listen(listener: FrameListener): () => void;
  close(): Promise<void>;
}

/**
 * A WebSocket that stays open while the run needs it: opened on first use; when it drops with
 * listeners attached (a receive is waiting) it is reopened after `reconnectDelayMs`, doubled per
 * failed attempt up to 5 s, and the listeners keep receiving; close() closes it (close frame, then
 * a forced end after 1 s) and stops reopening.
 */
export function createWsChannel(options: {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly connectTimeoutMs: number;
  readonly reconnectDelayMs: number;
  readonly what: string;
  readonly onEvent?: (what: string) => void;
}): WsChannel {
  const listeners = new Set<FrameListener>();
  let current: Promise<WebSocket> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = options.reconnectDelayMs;

  const open = (): Promise<WebSocket> => {
    const opening = openWsSocket(options.url, options.headers, options.connectTimeoutMs, options.what).then(
      (socket) => {
        delay = options.reconnectDelayMs;
        socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
          const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
          for (const listener of listeners) listener(bytes, isBinary);
        });
        socket.on('error', () => {
          /* followed by 'close', handled there */
        });
        socket.on('close', () => {
          if (closed || current !== opening) return;
          current = undefined;
          if (listeners.size > 0) reopen();
        });
        if (closed) socket.terminate();
        return socket;
      },
    );
    current = opening;
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    return opening;
  };

  const reopen = (): void => {
    options.onEvent?.(`connection lost, reconnecting in ${delay} ms`);
    retry = setTimeout(() => {
      retry = undefined;
      if (closed || listeners.size === 0) return;
      open().catch(() => {
        delay = Math.min(delay * 2, 5000);
        if (!closed && listeners.size > 0) reopen();
      });
    }, delay);
  };

  return {
    ready() {
      if (closed)
        return Promise.reject(new TransportError('CLOSED', `${options.what}: the transport is closed`));
      return current ?? open();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      listeners.clear();
      const socket = await current?.catch(() => undefined);
      current = undefined;
      if (socket === undefined || socket.readyState === socket.CLOSED) return;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => socket.terminate(), 1000);
        socket.once('close', () => {
          clearTimeout(force);
          resolve();
        });
        socket.close(1000);
      });
    },
  };
}
