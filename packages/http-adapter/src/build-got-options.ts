/**
 * The per-request options of one got call: method, headers, body, the header-size limit, and for
 * a request that follows redirects with credentials in a header or the query, those credentials in
 * its got `context`, for the redirect guard to drop when a redirect leaves the origin.
 */
import type { EncodedBody } from './body/encode-body.js';
import { APPLIED_SECURITY } from './limits/create-redirect-guard.js';
import type { AppliedSecurity } from './security/apply-security.js';

/** The limits of the transport. */
interface CallPolicy {
  readonly maxHeaderBytes: number | undefined;
}

/** got options for sending `method` with `headers` and `body`. */
export function buildGotOptions(options: {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: EncodedBody | undefined;
  readonly deps: CallPolicy;
  /** True when this request follows redirects. */
  readonly following: boolean;
  readonly security: AppliedSecurity;
}) {
  const { method, headers, body, deps, following, security } = options;
  // got merges every key given per request through its setters: GET (got's default method) and
  // responseType (the instance's 'buffer') are left out.
  return {
    ...(method === 'GET' ? {} : { method: method as 'GET' }),
    headers,
    ...(body === undefined ? {} : { body: body.payload }),
    ...(deps.maxHeaderBytes === undefined ? {} : { maxHeaderSize: deps.maxHeaderBytes }),
    // the redirect guard (one hook on the following instance) drops these credentials off-origin
    ...(following && (security.query.length > 0 || Object.keys(security.headers).length > 0)
      ? { context: { [APPLIED_SECURITY]: security } }
      : {}),
  };
}
