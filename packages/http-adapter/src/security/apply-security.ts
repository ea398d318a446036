import type {
  Credential,
  CredentialProvider,
  PreparedRequest,
  SecurityScheme,
  SourceDescription,
} from '@telaio/core';
import { TransportError } from '@telaio/core';
import { percentEncode } from '../url/percent-encode.js';
import type { TokenCache } from './create-token-cache.js';

/** What security adds to a request, and what must be kept out of logs. */
export interface AppliedSecurity {
  /** Lower-case header name → value. */
  readonly headers: Record<string, string>;
  /** Encoded `name=value` query pairs. */
  readonly query: string[];
  /** Encoded `name=value` cookie pairs. */
  readonly cookies: string[];
  /** Every secret value put on the wire (passwords, tokens, keys, Basic blobs). */
  readonly secrets: string[];
  /** Names of schemes that were applied. */
  readonly applied: string[];
  /** Names of required schemes that got no credential (nothing was applied then). */
  readonly missing: string[];
}

/** Inputs of applySecurity. */
export interface ApplySecurityOptions {
  readonly request: PreparedRequest;
  readonly credentials: CredentialProvider | undefined;
  readonly tokens: TokenCache;
  /** The request's base URL, for relative OAuth2 token URLs. */
  readonly baseUrl: string;
  readonly signal: AbortSignal;
}

/**
 * Fills the operation's security from the CredentialProvider, then applies the request's own
 * `security` (a step's `x-security`: its schemes count as having credentials, and are applied last). With requirements, the first
 * alternative whose schemes all have credentials is applied (`required: true`); an empty
 * alternative (`{}`) means anonymous access is allowed. Without requirements (or only `{}`), every
 * declared scheme is offered with `required: false` and whatever the provider supplies is applied —
 * the Stytch OpenAPI files declare schemes but require none.
 */
export async function applySecurity(options: ApplySecurityOptions): Promise<AppliedSecurity> {
  const { request, credentials } = options;
  const result: AppliedSecurity = {
    headers: {},
    query: [],
    cookies: [],
    secrets: [],
    applied: [],
    missing: [],
  };
  const { operation } = request;
  const schemes = operation.securitySchemes;
  const explicit = request.security ?? [];
  if ((credentials === undefined || Object.keys(schemes).length === 0) && explicit.length === 0)
    return result;
  const source: SourceDescription = request.source ?? { name: operation.sourceName, url: '' };
  const asked = new Map<string, Credential | undefined>();
  // x-security of the step names its schemes itself: the provider is not asked for those
  for (const entry of explicit)
    if (entry.schemeName !== 'inline') asked.set(entry.schemeName, entry.credential);
  const ask = async (schemeName: string, required: boolean): Promise<Credential | undefined> => {
    if (!asked.has(schemeName) && credentials !== undefined) {
      const scheme = schemes[schemeName];
      asked.set(
        schemeName,
        scheme === undefined
          ? undefined
          : await credentials.credentialFor({ source, schemeName, scheme, required }),
      );
    }
    return asked.get(schemeName);
  };
  const alternatives = operation.security.filter((alt) => Object.keys(alt).length > 0);
  let chosen: Array<[string, readonly string[]]> = [];
  if (alternatives.length > 0) {
    let found = false;
    for (const alternative of alternatives) {
      const entries = Object.entries(alternative);
      let complete = true;
      for (const [name] of entries) if ((await ask(name, true)) === undefined) complete = false;
      if (complete) {
        chosen = entries;
        found = true;
        break;
      }
    }
    if (!found && operation.security.length === alternatives.length) {
      result.missing.push(
        ...Object.keys(alternatives[0] ?? {}).filter((name) => asked.get(name) === undefined),
      );
    }
  } else {
    for (const name of Object.keys(schemes))
      if ((await ask(name, false)) !== undefined) chosen.push([name, []]);
  }
  for (const [name, scopes] of chosen) {
    const credential = asked.get(name);
    const scheme = schemes[name];
    if (credential === undefined || scheme === undefined) continue;
    await applyOne({ ...options, result, scheme, credential, scopes });
    result.applied.push(name);
  }
  // Then the step's own (x-security), in order, over what the operation's security put
  for (const entry of explicit) {
    if (entry.schemeName !== 'inline' && result.applied.includes(entry.schemeName)) continue;
    await applyOne({ ...options, result, scheme: entry.scheme, credential: entry.credential, scopes: [] });
    result.applied.push(entry.schemeName);
  }
  return result;
}

async function applyOne(
  options: ApplySecurityOptions & {
    result: AppliedSecurity;
    scheme: SecurityScheme;
    credential: Credential;
    scopes: readonly string[];
  },
): Promise<void> {
  const { result, scheme, credential } = options;
  const put = (value: string): void => {
    if (scheme.type === 'apiKey') {
      const name = scheme.name ?? 'X-API-Key';
      if (scheme.in === 'query')
        result.query.push(`${percentEncode({ value: name })}=${percentEncode({ value })}`);
      else if (scheme.in === 'cookie') result.cookies.push(`${name}=${percentEncode({ value })}`);
      else result.headers[name.toLowerCase()] = value;
    } else if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
      result.headers.authorization = `Basic ${value}`;
    } else {
      result.headers.authorization = `Bearer ${value}`;
    }
  };
  switch (credential.type) {
    case 'basic': {
      const blob = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
      result.headers.authorization = `Basic ${blob}`;
      result.secrets.push(credential.password, blob);
      return;
    }
    case 'bearer':
    case 'apiKey': {
      const value = credential.type === 'bearer' ? credential.token : credential.value;
      put(value);
      result.secrets.push(value);
      return;
    }
    case 'oauth2-client-credentials': {
      const declared = scheme.flows?.clientCredentials?.tokenUrl;
      const tokenUrl = credential.tokenUrl ?? declared;
      const method = options.request.operation.method.toUpperCase();
      if (tokenUrl === undefined) {
        throw new TransportError(
          'ERR_OAUTH_TOKEN',
          `${method} ${options.request.operation.path}: the oauth2 scheme has no clientCredentials tokenUrl and the credential gives none`,
        );
      }
      result.secrets.push(credential.clientSecret);
      const token = await options.tokens.get({
        tokenUrl: new URL(tokenUrl, options.baseUrl).href,
        clientId: credential.clientId,
        clientSecret: credential.clientSecret,
        scopes: credential.scopes ?? options.scopes,
        signal: options.signal,
      });
      result.headers.authorization = `Bearer ${token}`;
      result.secrets.push(token);
      return;
    }
  }
}
