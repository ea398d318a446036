/**
 * The phases of one HTTP request, from the events Node's client and its socket emit: the socket
 * assigned, DNS lookup, TCP connect, TLS handshake, the request sent, the response's head, its end.
 * A reused keep-alive socket is connected already: its request has no DNS, TCP or TLS phase.
 */
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { readMonotonicMs } from '@telaio/core';
import type { ExchangePhases } from './exchange-types.js';

/** Marks the phases of a request as it goes; `phases()` reads them. */
export interface PhaseClock {
  /** The response's head arrived. */
  response(): void;
  /** The body was read to its end. */
  end(): void;
  /** The phases so far, in milliseconds. */
  phases(): ExchangePhases;
}

/** Starts measuring `request` (sent just now) over `secure` (TLS) or plain TCP. */
export function measurePhases(options: {
  readonly request: ClientRequest;
  readonly secure: boolean;
}): PhaseClock {
  const { request, secure } = options;
  const start = readMonotonicMs();
  let socketAt: number | undefined;
  let lookupAt: number | undefined;
  let connectAt: number | undefined;
  let secureAt: number | undefined;
  let finishedAt: number | undefined;
  let responseAt: number | undefined;
  let endAt: number | undefined;
  request.once('socket', (socket: Socket) => {
    socketAt = readMonotonicMs();
    if (!socket.connecting) return;
    socket.once('lookup', () => {
      lookupAt = readMonotonicMs();
    });
    socket.once('connect', () => {
      connectAt = readMonotonicMs();
    });
    if (secure)
      socket.once('secureConnect', () => {
        secureAt = readMonotonicMs();
      });
  });
  request.once('finish', () => {
    finishedAt = readMonotonicMs();
  });
  const between = (from: number | undefined, to: number | undefined): number | undefined =>
    from === undefined || to === undefined ? undefined : Math.max(0, to - from);
  return {
    response() {
      responseAt = readMonotonicMs();
    },
    end() {
      endAt = readMonotonicMs();
    },
    phases() {
      const connected = secureAt ?? connectAt ?? socketAt;
      // a small request is written before its socket connects: it is sent once connected
      const sentAt =
        finishedAt === undefined || connected === undefined ? finishedAt : Math.max(finishedAt, connected);
      return {
        wait: between(start, socketAt),
        dns: between(socketAt, lookupAt),
        tcp: between(lookupAt ?? socketAt, connectAt),
        tls: between(connectAt, secureAt),
        request: between(connected, sentAt),
        firstByte: between(sentAt, responseAt),
        download: between(responseAt, endAt),
        total: between(start, endAt),
      };
    },
  };
}
