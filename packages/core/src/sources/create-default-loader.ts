import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TelaioError } from '../errors.js';
import type { LoadedText, SourceLoader } from './types.js';

/**
 * The default SourceLoader: local files (absolute paths or `file:` URLs) through fs, `http(s):` URLs
 * through the global fetch. Failures reject with a TelaioError of code `source-unresolved` whose
 * message says why (file missing, HTTP status, network error).
 */
export function createDefaultLoader(): SourceLoader {
  return {
    async load(uri: string, options?: { signal?: AbortSignal }): Promise<LoadedText> {
      if (/^https?:/i.test(uri)) return fetchText(uri, options?.signal);
      const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
      try {
        return { uri, text: await readFile(path, 'utf8') };
      } catch (error) {
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

async function fetchText(uri: string, signal: AbortSignal | undefined): Promise<LoadedText> {
  let response: Response;
  try {
    response = await fetch(uri, { signal: signal ?? AbortSignal.timeout(30_000), redirect: 'follow' });
  } catch (error) {
    throw new TelaioError('source-unresolved', `cannot fetch ${uri}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!response.ok) throw new TelaioError('source-unresolved', `HTTP ${response.status} fetching ${uri}`);
  const contentType = response.headers.get('content-type') ?? undefined;
  const text = await response.text();
  return contentType === undefined
    ? { uri: response.url || uri, text }
    : { uri: response.url || uri, text, contentType };
}

/** The process-wide default loader (one instance, so the per-process source cache is shared). */
export const defaultLoader: SourceLoader = createDefaultLoader();
