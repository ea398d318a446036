/** The loopback node:http server of the transport contract suite (127.0.0.1, ephemeral port). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerContractRequest } from './contract-routes.js';

/** A running contract server. */
export interface ContractServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly baseUrl: string;
  close(): Promise<void>;
}

const lowerHeaders = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
};

/** Start the contract server on 127.0.0.1. */
export async function startContractServer(): Promise<ContractServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = answerContractRequest({
        request: {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: lowerHeaders(req),
          body: Buffer.concat(chunks).toString('utf8'),
        },
      });
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      };
      if (answer.delayMs === undefined) reply();
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          reply();
        }, answer.delayMs);
        timers.add(timer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
