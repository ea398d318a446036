import type { SecurityScheme } from '../sources/types.js';
import type { Credential } from './credentials.js';

/** The values each kind of scheme needs, in Redocly Respect's `x-security` words. */
const NEEDS = {
  basic: ['username', 'password'],
  bearer: ['token'],
  apiKey: ['apiKey'],
  accessToken: ['accessToken'],
} as const;

/**
 * The credential that `x-security` values give for `scheme` (Redocly Respect's format): http basic
 * takes `username` and `password`; http bearer `token`; apiKey `apiKey` (older Respect wrote
 * `value`); oauth2 and openIdConnect an `accessToken`, sent as a bearer token. Numbers and booleans
 * count as their text. Undefined values are missing; a problem in words when one is, or when the
 * scheme is one telaio cannot fill from values (http digest, another http scheme).
 */
export function credentialFromValues(options: {
  readonly scheme: SecurityScheme;
  readonly values: Readonly<Record<string, unknown>>;
}): { readonly credential: Credential } | { readonly problem: string } {
  const { scheme, values } = options;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
  };
  const need = (names: readonly string[]): string | undefined => {
    const missing = names.filter((name) => text(name) === undefined);
    return missing.length === 0
      ? undefined
      : `needs ${missing.map((m) => `'${m}'`).join(' and ')} in its values`;
  };
  const http = scheme.type === 'http' ? (scheme.scheme ?? '').toLowerCase() : undefined;
  if (http === 'basic') {
    const problem = need(NEEDS.basic);
    if (problem !== undefined) return { problem: `http basic ${problem}` };
    return { credential: { type: 'basic', username: text('username')!, password: text('password')! } };
  }
  if (http === 'bearer') {
    const problem = need(NEEDS.bearer);
    return problem === undefined
      ? { credential: { type: 'bearer', token: text('token')! } }
      : { problem: `http bearer ${problem}` };
  }
  if (http !== undefined)
    return { problem: `http '${scheme.scheme}' cannot be filled from x-security values` };
  if (scheme.type === 'apiKey') {
    const value = text('apiKey') ?? text('value');
    return value === undefined
      ? { problem: `apiKey ${need(NEEDS.apiKey)}` }
      : { credential: { type: 'apiKey', value } };
  }
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
    const problem = need(NEEDS.accessToken);
    return problem === undefined
      ? { credential: { type: 'bearer', token: text('accessToken')! } }
      : { problem: `${scheme.type} ${problem}` };
  }
  return { problem: `a '${String(scheme.type)}' scheme cannot be filled from x-security values` };
}
