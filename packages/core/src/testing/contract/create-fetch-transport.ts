/**
 * A small Transport over Node's fetch, for the host contract suite's loopback server: the simple
 * request rendering of the memory transport (buildSimpleRequest), JSON, text and binary bodies by
 * content type, Retry-After. Not a production transport (that is @telaio/http-adapter).
 */
import { type ReceivedResponse, type Transport, TransportError } from '../../adapters/transport.js';
import { buildSimpleRequest } from '../build-simple-request.js';
import { parseRetryAfter } from '../create-memory-transport.js';

/** Create the fetch transport. */
export function createFetchTransport(): Transport {
  return {
    async send(request, context): Promise<ReceivedResponse> {
      const sent = buildSimpleRequest({ request });
      const started = performance.now();
      let res: Response;
      let bytes: Uint8Array;
      try {
        res = await fetch(sent.url, {
          method: sent.method,
          headers: sent.headers,
          ...(sent.body === undefined ? {} : { body: sent.body }),
          signal: context.signal,
        });
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (error) {
        const code = context.signal.aborted ? 'ABORTED' : 'ECONNREFUSED';
        throw new TransportError(code, (error as Error).message, { cause: error, request: sent });
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const type = headers['content-type'] ?? '';
      const text = (): string => Buffer.from(bytes).toString('utf8');
      const body =
        bytes.length === 0
          ? undefined
          : /json/i.test(type)
            ? JSON.parse(text())
            : /^text\/|xml/i.test(type)
              ? text()
              : bytes;
      const retryAfterMs = parseRetryAfter({ value: headers['retry-after'] });
      return {
        statusCode: res.status,
        headers,
        body,
        request: sent,
        durationMs: performance.now() - started,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    },
  };
}
