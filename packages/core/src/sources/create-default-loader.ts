import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NOT_TEXT } from '../document/load-arazzo-text.js';
import { TelaioError } from '../errors.js';
import { describeFetchFailure } from './describe-fetch-failure.js';
import { redactUrl, redactUrlsIn } from './redact-url.js';
import type { LoadedText, SourceLoader } from './types.js';

/** Options of createDefaultLoader. */
export interface DefaultLoaderOptions {
  /** Largest source accepted, in bytes (default 50 MB): a bigger one is not read to its end. */
  readonly maxBytes?: number;
}

/** The default cap on the size of one source: 50 MB. */
export const DEFAULT_MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/**
 * The default SourceLoader: local files (absolute paths or `file:` URLs) through fs, `http(s):` URLs
 * through the global fetch. Failures reject with a TelaioError of code `source-unresolved` whose
 * message says why (file missing, HTTP status, network error, larger than `maxBytes`, not UTF-8); URLs in
 * messages have their userinfo and query string masked (redactUrl), as messages reach reports.
 * Local files are read synchronously: through the thread pool a read was open, fstat, a read per
 * 512 KB and close, each a round trip the main thread mostly sat idle for (a cold `telaio validate`
 * of the 24 Stytch workflows waited ~10 ms), and parsing the text blocks the event loop far longer
 * than reading it does.
 */
export function createDefaultLoader(options: DefaultLoaderOptions = {}): SourceLoader {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  return {
    async load(uri: string, options?: { signal?: AbortSignal }): Promise<LoadedText> {
      if (/^https?:/i.test(uri)) return fetchText(uri, maxBytes, options?.signal);
      const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
      try {
        const stats = statSync(path);
        // A device (/dev/zero), a FIFO or a socket has no end, or no writer: never read one.
        if (!stats.isFile() && !stats.isDirectory())
          throw new TelaioError(
            'source-unresolved',
            `not a regular file (a device, FIFO or socket): ${path}`,
          );
        if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
        return { uri, text: decodeText(readFileSync(path), path) };
      } catch (error) {
        if (error instanceof TelaioError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT'
            ? 'file not found'
            : code === 'EISDIR'
              ? 'is a directory'
              : `cannot read file (${code ?? error})`;
        throw new TelaioError('source-unresolved', `${why}: ${path}`, { cause: error });
      }
    },
  };
}

async function fetchText(
  uri: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<LoadedText> {
  const shown = redactUrl(uri);
  let response: Response;
  try {
    response = await fetch(uri, { signal: signal ?? AbortSignal.timeout(30_000), redirect: 'follow' });
  } catch (error) {
    throw new TelaioError('source-unresolved', `cannot fetch ${shown}: ${describeFetchFailure(error)}`, {
      cause: error,
    });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new TelaioError('source-unresolved', `HTTP ${response.status} fetching ${shown}`);
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const text = await readCapped(response, shown, maxBytes);
  return contentType === undefined
    ? { uri: response.url || uri, text }
    : { uri: response.url || uri, text, contentType };
}

/** The body as UTF-8 text, failing (and cancelling the stream) once it exceeds `maxBytes`. */
async function readCapped(response: Response, shown: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(shown, maxBytes);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(shown, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof TelaioError) throw error;
    const why = redactUrlsIn((error as Error).message);
    throw new TelaioError('source-unresolved', `cannot read ${shown}: ${why}`, { cause: error });
  }
  return decodeText(Buffer.concat(chunks), shown);
}

/**
 * UTF-8 bytes as text; bytes that are not valid UTF-8 (a binary file) reject with a TelaioError
 * `source-unresolved` whose details.notText is true, instead of becoming U+FFFD soup.
 */
export function decodeText(bytes: Uint8Array, shown: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new TelaioError('source-unresolved', `${NOT_TEXT}: ${shown}`, {
      cause: error,
      details: { notText: true },
    });
  }
}

function tooLarge(shown: string, maxBytes: number): TelaioError {
  return new TelaioError('source-unresolved', `larger than ${sizeInWords(maxBytes)}: ${shown}`);
}

/** `50 MB`, `1.5 MB`, `64 KB`, `100 bytes`. */
function sizeInWords(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The process-wide default loader (one instance, so the per-process source cache is shared). */
export const defaultLoader: SourceLoader = createDefaultLoader();
