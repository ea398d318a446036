/**
 * Turns a failed exchange into the TelaioError of the limit it hit, with a typed code that becomes
 * the step's error code: `response-too-large` (the body passed `maxResponseBytes` after
 * decompression), `response-headers-too-large` (the header section passed Node's `maxHeaderSize`).
 * Anything else (`redirect-insecure`, thrown by the redirect guard, is a TelaioError already) is
 * returned as it is.
 */
import { maxHeaderSize } from 'node:http';
import { TelaioError } from '@telaio/core';

/** The limits as configured on the transport. */
interface Limits {
  readonly maxResponseBytes: number;
  readonly maxHeaderBytes: number | undefined;
}

/** `error` as a limit's TelaioError, or `error` itself. */
export function toLimitError(options: {
  readonly error: unknown;
  readonly deps: Limits;
  readonly method: string;
  /** Already redacted. */
  readonly url: string;
}): unknown {
  const { error, deps, method, url } = options;
  const code = (error as { code?: unknown } | undefined)?.code;
  const received = (error as { received?: unknown } | undefined)?.received;
  if (code === 'ERR_BODY_TOO_LARGE' && typeof received === 'number')
    return new TelaioError(
      'response-too-large',
      `${method} ${url}: the response body passed ${formatBytes(deps.maxResponseBytes)} ` +
        `(${formatBytes(received)} received, counted after decompression); reading stopped there ` +
        '(raise the limit with --max-response-size)',
      { details: { limit: deps.maxResponseBytes, received } },
    );
  if (code === 'HPE_HEADER_OVERFLOW') {
    const limit = deps.maxHeaderBytes ?? maxHeaderSize;
    return new TelaioError(
      'response-headers-too-large',
      `${method} ${url}: the response headers passed ${formatBytes(limit)}; the response was refused`,
      { cause: error, details: { limit } },
    );
  }
  return error;
}

/** `52428800` → `50 MiB`, `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
