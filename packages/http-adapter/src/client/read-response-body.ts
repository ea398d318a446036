/**
 * Reads a response body to its end, decompressed as its Content-Encoding says (gzip, x-gzip,
 * deflate with or without its zlib wrapper, br), and bounded: the bytes are counted after
 * decompression as they stream, so a gzip bomb stops inflating at the limit and a 1 GiB body never
 * reaches memory. node:zlib loads only when a response comes compressed.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createClientError } from './create-client-error.js';

/**
 * The decompressor of each Content-Encoding read here, made from the body's first bytes; any other
 * encoding is left as it came. deflate: RFC 9110 says zlib-wrapped, some servers send raw deflate (no
 * zlib header: the low nibble of a zlib stream's first byte is 8, its compression method).
 */
const DECOMPRESSORS: ReadonlyMap<string, (first: Buffer) => Transform> = new Map<
  string,
  (first: Buffer) => Transform
>([
  ['br', () => process.getBuiltinModule('node:zlib').createBrotliDecompress()],
  ['gzip', () => process.getBuiltinModule('node:zlib').createUnzip()],
  ['x-gzip', () => process.getBuiltinModule('node:zlib').createUnzip()],
  [
    'deflate',
    (first: Buffer) => {
      const zlib = process.getBuiltinModule('node:zlib');
      return (first[0] ?? 0) % 16 === 8 ? zlib.createInflate() : zlib.createInflateRaw();
    },
  ],
]);

/**
 * The body of `response` (for `method`), decompressed, at most `maxBytes` bytes: past that it rejects
 * with ERR_BODY_TOO_LARGE (`received` = bytes counted so far) and destroys the response.
 */
export function readResponseBody(options: {
  readonly response: IncomingMessage;
  readonly method: string;
  readonly maxBytes: number;
}): Promise<Buffer> {
  const { response, method, maxBytes } = options;
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const status = response.statusCode ?? 0;
  const decompressor =
    method === 'HEAD' || status === 204 || status === 304 ? undefined : DECOMPRESSORS.get(encoding);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    let decoder: Transform | undefined;
    const fail = (error: Error): void => {
      if (done) return;
      done = true;
      decoder?.destroy();
      response.destroy();
      reject(error);
    };
    const take = (chunk: Buffer): void => {
      if (done) return;
      received += chunk.length;
      if (received > maxBytes) {
        fail(
          createClientError('ERR_BODY_TOO_LARGE', `the response body passed ${maxBytes} bytes`, { received }),
        );
        return;
      }
      chunks.push(chunk);
    };
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received));
    };
    const readFrom = (stream: Readable): void => {
      stream.on('data', take);
      stream.once('end', finish);
    };
    response.on('error', fail);
    if (decompressor === undefined) {
      readFrom(response);
      return;
    }
    // the decompressor is chosen on the first bytes; an empty compressed body is an empty body
    const onFirst = (first: Buffer): void => {
      response.off('end', finish);
      response.pause();
      const made = decompressor(first);
      decoder = made;
      made.on('error', fail);
      readFrom(made);
      made.write(first);
      response.pipe(made);
      response.resume();
    };
    response.once('data', onFirst);
    response.once('end', finish);
  });
}
