/**
 * The per-request options of one got call: method, headers, body, the header-size limit, and for
 * a request that follows redirects the hook that keeps its credentials with their origin.
 */
import type { EncodedBody } from './body/encode-body.js';
import { guardRedirect } from './limits/guard-redirect.js';
import type { AppliedSecurity } from './security/apply-security.js';

/** The limits and redirect policy of the transport. */
interface CallPolicy {
  readonly maxHeaderBytes: number | undefined;
  readonly allowInsecureRedirects: boolean;
}

/** got options for sending `method` to `url` with `headers` and `body`. */
export function buildGotOptions(options: {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: EncodedBody | undefined;
  readonly deps: CallPolicy;
  /** True when this request follows redirects. */
  readonly following: boolean;
  readonly url: string;
  readonly security: AppliedSecurity;
}) {
  const { method, headers, body, deps, following, url, security } = options;
  return {
    method: method as 'GET',
    responseType: 'buffer' as const,
    headers,
    ...(body === undefined ? {} : { body: body.payload }),
    ...(deps.maxHeaderBytes === undefined ? {} : { maxHeaderSize: deps.maxHeaderBytes }),
    ...(following
      ? {
          hooks: {
            beforeRedirect: [guardRedirect({ url, security, allowInsecure: deps.allowInsecureRedirects })],
          },
        }
      : {}),
  };
}
