import type { Credential } from '@telaio/core';
import { UsageError } from '../shared/usage-error.js';

/** One `--auth SOURCE[.SCHEME]=KIND:VALUE`, its env: parts already read. */
export interface AuthEntry {
  readonly source: string;
  /** Absent: every scheme of the source whose type fits the credential. */
  readonly scheme?: string;
  /** `bearer`, `basic`, `apikey` or `oauth2`, as typed (for messages). */
  readonly kind: AuthKind;
  readonly credential: Credential;
}

/** The KINDs of `--auth`. */
export type AuthKind = 'bearer' | 'basic' | 'apikey' | 'oauth2';

const KINDS: readonly AuthKind[] = ['bearer', 'basic', 'apikey', 'oauth2'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORMS =
  'bearer:TOKEN, basic:USER:PASSWORD, apikey:VALUE or oauth2:CLIENT_ID:CLIENT_SECRET[:SCOPE,SCOPE]';

/**
 * Parses one `--auth` value. Any VALUE part may be `env:VAR` (read from `env`, which must set it).
 * Messages name the source, scheme, kind and variable but never echo a value: they may be secret.
 */
export function parseAuth(text: string, env: NodeJS.ProcessEnv = process.env): AuthEntry {
  const at = text.indexOf('=');
  const target = at < 0 ? '' : text.slice(0, at);
  const dot = target.indexOf('.');
  const source = dot < 0 ? target : target.slice(0, dot);
  const scheme = dot < 0 ? undefined : target.slice(dot + 1);
  if (source === '' || scheme === '')
    throw new UsageError(`--auth expects SOURCE[.SCHEME]=KIND:VALUE (KIND: ${FORMS})`);
  const label = `--auth ${target}`;
  const value = text.slice(at + 1);
  const colon = value.indexOf(':');
  const kind = (colon < 0 ? value : value.slice(0, colon)) as AuthKind;
  if (!KINDS.includes(kind)) throw new UsageError(`${label}: unknown KIND; use ${FORMS}`);
  const parts = colon < 0 ? [] : value.slice(colon + 1).split(':');
  /** Takes one VALUE part (`env:VAR` or a literal); with `rest`, a literal takes every part left. */
  const take = (what: string, rest: boolean): string => {
    if (parts[0] === 'env' && parts.length >= 2) {
      parts.shift();
      const name = parts.shift() ?? '';
      if (!ENV_NAME.test(name))
        throw new UsageError(`${label}: ${what}: 'env:${name}' is not a variable name`);
      const read = env[name];
      if (read === undefined || read === '')
        throw new UsageError(`${label}: ${what}: environment variable ${name} is not set`);
      return read;
    }
    const literal = rest ? parts.splice(0).join(':') : (parts.shift() ?? '');
    if (literal === '') throw new UsageError(`${label}: ${kind} needs ${what}`);
    return literal;
  };
  const noMore = (): void => {
    if (parts.length > 0) throw new UsageError(`${label}: too many ':' parts for ${kind}; use ${FORMS}`);
  };
  let credential: Credential;
  if (kind === 'bearer') {
    credential = { type: 'bearer', token: take('TOKEN', true) };
  } else if (kind === 'apikey') {
    credential = { type: 'apiKey', value: take('VALUE', true) };
  } else if (kind === 'basic') {
    const username = take('USER', false);
    credential = { type: 'basic', username, password: take('PASSWORD', true) };
  } else {
    const clientId = take('CLIENT_ID', false);
    const clientSecret = take('CLIENT_SECRET', false);
    const scopes =
      parts.length === 0
        ? []
        : parts
            .splice(0, 1)[0]
            ?.split(',')
            .filter((s) => s !== '');
    credential = {
      type: 'oauth2-client-credentials',
      clientId,
      clientSecret,
      ...(scopes === undefined || scopes.length === 0 ? {} : { scopes }),
    };
  }
  noMore();
  return { source, ...(scheme === undefined ? {} : { scheme }), kind, credential };
}
