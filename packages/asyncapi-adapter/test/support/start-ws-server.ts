/**
 * A WebSocket server for tests (ws on 127.0.0.1, a free port): it records each handshake (path,
 * query, headers), echoes every frame back to its sender unless told otherwise, can publish to the
 * sockets of a path, refuse handshakes without a given Authorization, and drop every socket.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

export interface TestWsServer {
  readonly url: string;
  readonly handshakes: { path: string; query: URLSearchParams; headers: IncomingMessage['headers'] }[];
  /** Frames received, by path. */
  readonly received: { path: string; data: string }[];
  /** Sends `data` to every open socket of `path`. */
  publish(path: string, data: string): void;
  /** Sockets open on the server's side now. */
  openSockets(): number;
  /** Terminates every socket from the server's side. */
  dropClients(): void;
  close(): Promise<void>;
}

/** Starts the server; `echo: false` stops echoing; `authorization` makes it answer 401 to others. */
export async function startWsServer(
  options: { echo?: boolean; authorization?: string } = {},
): Promise<TestWsServer> {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const handshakes: TestWsServer['handshakes'] = [];
  const received: TestWsServer['received'] = [];
  const sockets = new Map<WebSocket, string>();
  http.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://x');
    handshakes.push({ path: url.pathname, query: url.searchParams, headers: request.headers });
    if (options.authorization !== undefined && request.headers.authorization !== options.authorization) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.set(ws, url.pathname);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => {
        received.push({ path: url.pathname, data: data.toString() });
        if (options.echo !== false) ws.send(data, { binary: isBinary });
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    handshakes,
    received,
    publish(path, data) {
      for (const [ws, p] of sockets) if (p === path) ws.send(data);
    },
    openSockets: () => sockets.size,
    dropClients() {
      for (const ws of sockets.keys()) ws.terminate();
    },
    async close() {
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
