import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { createToolServer } from './create-tool-server.js';
import type { WorkflowToolsOptions } from './types.js';

/** A running Streamable HTTP endpoint. */
export interface HttpEndpoint {
  /** `http://127.0.0.1:PORT/mcp`. */
  readonly url: string;
  readonly port: number;
  /** Closes every session and stops listening. */
  close(): Promise<void>;
}

const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Serves the workflow tools over Streamable HTTP on 127.0.0.1 only, at `/mcp`: one MCP session
 * (its own server and transport) per `initialize`, found again by its `Mcp-Session-Id`; Host
 * headers other than 127.0.0.1/localhost on this port are refused (DNS rebinding). Port 0 picks
 * a free port.
 */
export async function serveHttp(
  options: WorkflowToolsOptions & { readonly port: number },
): Promise<HttpEndpoint> {
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: Server }>();
  let allowedHosts: string[] = [];
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.(`http: ${(error as Error).message ?? String(error)}`);
      if (!res.headersSent) reply(res, 500, ErrorCodeInternal, 'internal error');
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/mcp') return reply(res, 404, -32000, 'not found: the MCP endpoint is /mcp');
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    if (known !== undefined) return known.transport.handleRequest(req, res);
    if (req.method !== 'POST') return reply(res, 400, -32000, 'no valid session id');
    const body = await readJson(req);
    if (body === undefined || !isInitializeRequest(body))
      return reply(res, 400, -32000, typeof id === 'string' ? 'unknown session id' : 'no valid session id');
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableDnsRebindingProtection: true,
      allowedHosts,
      onsessioninitialized: (sessionId) => void sessions.set(sessionId, { transport, server }),
    });
    const server = createToolServer(options);
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    async close() {
      await Promise.allSettled([...sessions.values()].map((s) => s.server.close()));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const ErrorCodeInternal = -32603;

function reply(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/** The request body parsed as JSON (undefined when it is not JSON or is too large). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
