/**
 * Hostile servers for the hostile-input suite: real node:http (or https) servers on 127.0.0.1 that
 * record what reached them, started on a free port and closed with every connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What one request brought to a loopback server. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

/** A running loopback server. */
export interface Loopback {
  /** `http://127.0.0.1:PORT` (or `https://`). */
  readonly url: string;
  /** Every request so far, in order. */
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** The handler of a loopback server. */
export type LoopbackHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Start a server on 127.0.0.1 with `handler`; `tls` makes it an https server. */
export async function startLoopback(
  handler: LoopbackHandler,
  tls?: { readonly key: string; readonly cert: string },
): Promise<Loopback> {
  const seen: SeenRequest[] = [];
  const listener: LoopbackHandler = (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    handler(req, res);
  };
  const server: Server = tls === undefined ? createServer(listener) : createHttpsServer(tls, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answer with JSON. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}
