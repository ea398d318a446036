import type { SourceDescription } from '../model/arazzo.js';
import type { SecurityScheme } from '../sources/types.js';

/** Credentials for one security scheme. */
export type Credential =
  | { readonly type: 'basic'; readonly username: string; readonly password: string }
  | { readonly type: 'bearer'; readonly token: string }
  | { readonly type: 'apiKey'; readonly value: string }
  | {
      readonly type: 'oauth2-client-credentials';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly scopes?: readonly string[];
      /** Overrides the scheme's tokenUrl. */
      readonly tokenUrl?: string;
    };

/** Which credential is asked for. */
export interface CredentialRequest {
  /** The sourceDescription whose operation is being sent. */
  readonly source: SourceDescription;
  /** Name of the security scheme in the source's components. */
  readonly schemeName: string;
  /** The scheme itself (type, `in`/`name` for apiKey, flows for oauth2). */
  readonly scheme: SecurityScheme;
  /** True when the operation requires this scheme; false when the source declares it but requires none. */
  readonly required: boolean;
}

/** Supplies credentials (and optionally server URLs) per source; adapters apply them. */
export interface CredentialProvider {
  /** The credential for one scheme of one source, or undefined when this provider has none. */
  credentialFor(request: CredentialRequest): Credential | undefined | Promise<Credential | undefined>;
  /** Base URL to use for a source, or undefined to keep the OpenAPI servers. */
  serverFor?(source: SourceDescription): string | undefined;
  /** Values this provider knows to be secret, to be masked in every output. */
  secretValues?(): readonly string[];
}

/**
 * A security scheme a step applies itself, with its credential (Redocly Respect's `x-security` on a
 * step or workflow): the transport applies it after, and over, the operation's own security.
 */
export interface RequestSecurity {
  /** The scheme's name in the source, or `inline` for a scheme written in the document. */
  readonly schemeName: string;
  readonly scheme: SecurityScheme;
  readonly credential: Credential;
  /** Every secret part of the credential, as given and as sent (see credentialSecrets): mask them all. */
  readonly secrets: readonly string[];
}
