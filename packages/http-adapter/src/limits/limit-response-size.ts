/**
 * Bounds a response body while it streams: got counts the body after decompression
 * (`downloadProgress.transferred`), so a gzip bomb is stopped as soon as its inflated bytes pass the
 * limit, and a 1 GiB body never reaches memory. The call is cancelled there, and
 * `exceeded()` tells the caller to report `response-too-large` instead of a cancellation.
 */

/** The part of got's cancelable promise this needs. */
interface ProgressSource {
  on(event: 'downloadProgress', listener: (progress: { transferred: number }) => void): unknown;
  cancel(reason?: string): void;
}

/** What limitResponseSize found: the byte count that passed the limit, if any. */
export interface ResponseSizeGuard {
  /** Bytes received (decompressed) when the limit was passed; undefined while within it. */
  exceeded(): number | undefined;
}

/** The default body limit: 50 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Watch `pending`'s body and cancel it once more than `maxBytes` decompressed bytes arrived. */
export function limitResponseSize(options: {
  readonly pending: ProgressSource;
  readonly maxBytes: number;
}): ResponseSizeGuard {
  const { pending, maxBytes } = options;
  let exceeded: number | undefined;
  pending.on('downloadProgress', ({ transferred }) => {
    if (exceeded === undefined && transferred > maxBytes) {
      exceeded = transferred;
      pending.cancel('response-too-large');
    }
  });
  return { exceeded: () => exceeded };
}
