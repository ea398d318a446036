import type { SecurityScheme } from '../sources/types.js';
import type { Credential, CredentialProvider, CredentialRequest } from './credentials.js';

/** One credential given as data: for every fitting scheme of `source`, or for the scheme named `scheme` only. */
export interface StaticCredentialEntry {
  /** Name of the sourceDescription. */
  readonly source: string;
  /** Name of one security scheme of that source; absent: every scheme whose type fits the credential. */
  readonly scheme?: string;
  /** The credential to hand out (basic, bearer, apiKey or oauth2 client credentials). */
  readonly credential: Credential;
}

/**
 * True when `credential` can fill `scheme`: basic → http basic; bearer → http bearer, oauth2 or
 * openIdConnect (a token obtained elsewhere); apiKey → apiKey; oauth2 client credentials → an oauth2
 * scheme with a clientCredentials flow (or a credential that names its own tokenUrl).
 */
export function credentialFitsScheme(credential: Credential, scheme: SecurityScheme): boolean {
  const http = scheme.type === 'http' ? (scheme.scheme ?? '').toLowerCase() : undefined;
  switch (credential.type) {
    case 'basic':
      return http === 'basic';
    case 'bearer':
      return http === 'bearer' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect';
    case 'apiKey':
      return scheme.type === 'apiKey';
    case 'oauth2-client-credentials':
      return (
        scheme.type === 'oauth2' &&
        (scheme.flows?.clientCredentials !== undefined || credential.tokenUrl !== undefined)
      );
  }
}

/** Every secret part of a credential, as given and as it travels (Basic blob, percent-encoded). */
export function credentialSecrets(credential: Credential): string[] {
  const parts: string[] = [];
  switch (credential.type) {
    case 'basic':
      parts.push(
        credential.password,
        Buffer.from(`${credential.username}:${credential.password}`).toString('base64'),
      );
      break;
    case 'bearer':
      parts.push(credential.token);
      break;
    case 'apiKey':
      parts.push(credential.value);
      break;
    case 'oauth2-client-credentials':
      parts.push(credential.clientSecret);
      break;
  }
  const encoded = parts.map((part) => encodeURIComponent(part)).filter((part) => !parts.includes(part));
  return [...parts, ...encoded].filter((part) => part !== '');
}

/**
 * A CredentialProvider over plain data (e.g. `--auth` flags): for a request, an entry naming that
 * source and that scheme wins over one naming only the source; an entry without a scheme answers
 * only schemes its credential fits (see {@link credentialFitsScheme}). `secretValues()` lists every
 * secret part so callers can mask them.
 */
export function createStaticCredentials(entries: readonly StaticCredentialEntry[]): CredentialProvider {
  const list = [...entries];
  return {
    credentialFor(request: CredentialRequest): Credential | undefined {
      const forSource = list.filter((entry) => entry.source === request.source.name);
      const named = forSource.find((entry) => entry.scheme === request.schemeName);
      if (named !== undefined) return named.credential;
      return forSource.find(
        (entry) => entry.scheme === undefined && credentialFitsScheme(entry.credential, request.scheme),
      )?.credential;
    },
    secretValues(): readonly string[] {
      return [...new Set(list.flatMap((entry) => credentialSecrets(entry.credential)))];
    },
  };
}
