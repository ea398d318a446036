import type { SentRequest } from '@telaio/core';
import type { ExchangeResponse } from '../client/exchange-types.js';
import type { HarRecorder } from './create-har-recorder.js';

/**
 * Hands one exchange (the request as sent, and the response or the failure) to the HAR recorder,
 * with the secrets and secret names the recorder must mask when it renders.
 */
export function recordExchange(options: {
  recorder: HarRecorder;
  request: SentRequest;
  bodySize: number;
  startedAt: number;
  durationMs: number;
  response?: ExchangeResponse;
  error?: { code: string; message: string };
  secrets: string[];
  secretNames: readonly string[];
}): void {
  const { recorder, request, response } = options;
  const mimeType = request.headers['content-type'] ?? 'application/octet-stream';
  recorder.record({
    startedAt: options.startedAt,
    durationMs: options.durationMs,
    method: request.method,
    url: request.url,
    requestHeaders: request.headers,
    ...(request.body === undefined && request.headers['content-type'] === undefined
      ? {}
      : { requestBody: { mimeType, text: request.body, size: options.bodySize } }),
    ...(response === undefined
      ? {}
      : {
          response: {
            status: response.statusCode,
            statusText: response.statusMessage,
            httpVersion: response.httpVersion,
            rawHeaders: response.rawHeaders,
            mimeType: response.headers['content-type'] ?? '',
            bytes: response.body,
          },
          phases: response.phases,
          ...(response.ip === undefined ? {} : { remoteAddress: response.ip }),
        }),
    ...(options.error === undefined ? {} : { error: options.error }),
    secrets: options.secrets,
    secretNames: options.secretNames,
  });
}
