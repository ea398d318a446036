import { TransportError } from '@telaio/core';
import type { ExchangeOptions } from '../client/exchange-types.js';
import { sendExchange } from '../client/send-exchange.js';
import { sendWithAbort } from '../send-with-abort.js';

/** How the token request is sent: the transport's agents, timeouts and limits. */
export type TokenExchangeSettings = Pick<
  ExchangeOptions,
  'agents' | 'connectTimeoutMs' | 'totalTimeoutMs' | 'maxHeaderBytes' | 'maxBodyBytes'
>;

/** What a token endpoint returned that the transport needs. */
export interface FetchedToken {
  readonly accessToken: string;
  /** `expires_in` in seconds, when the server gave one. */
  readonly expiresInSeconds?: number;
}

/** One client-credentials token request. */
export interface TokenRequest {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: readonly string[];
  readonly signal: AbortSignal;
}

function form(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/**
 * Asks an OAuth 2.0 token endpoint for a client-credentials token (RFC 6749 §4.4): a POST of
 * `grant_type=client_credentials[&scope=...]` with the client authenticated by HTTP Basic (§2.3.1).
 * Any failure (network, non-2xx, no `access_token`) rejects with TransportError `ERR_OAUTH_TOKEN`
 * whose message names the token URL and the server's `error`/`error_description`.
 */
export async function fetchClientCredentialsToken(options: {
  readonly settings: TokenExchangeSettings;
  readonly request: TokenRequest;
}): Promise<FetchedToken> {
  const { settings, request } = options;
  const basic = Buffer.from(`${form(request.clientId)}:${form(request.clientSecret)}`).toString('base64');
  const body = `grant_type=client_credentials${request.scopes.length > 0 ? `&scope=${form(request.scopes.join(' '))}` : ''}`;
  const fail = (reason: string, cause?: unknown): TransportError =>
    new TransportError(
      'ERR_OAUTH_TOKEN',
      `OAuth2 client-credentials token request to ${request.tokenUrl} failed: ${reason}`,
      { cause },
    );
  let response: { statusCode: number; body: Buffer };
  try {
    response = await sendWithAbort({
      signal: request.signal,
      pending: sendExchange({
        ...settings,
        url: request.tokenUrl,
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        followRedirects: false,
      }),
    });
  } catch (error) {
    throw fail((error as Error).message, error);
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    // handled below: no access_token
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    const detail = [parsed.error, parsed.error_description].filter((x) => typeof x === 'string').join(': ');
    throw fail(`HTTP ${response.statusCode}${detail === '' ? '' : ` (${detail})`}`);
  }
  if (typeof parsed.access_token !== 'string' || parsed.access_token === '')
    throw fail('the response has no access_token');
  const expires = Number(parsed.expires_in);
  return {
    accessToken: parsed.access_token,
    ...(Number.isFinite(expires) && expires > 0 ? { expiresInSeconds: expires } : {}),
  };
}
