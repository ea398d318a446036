import type { Credential, CredentialProvider, CredentialRequest, SourceDescription } from '@telaio/core';
import { TelaioError } from '@telaio/core';
import { basicAuthHeader } from './basic-auth-header.js';
import { chooseStytchServer } from './choose-stytch-server.js';
import { isStytchSource, type StytchSourcePredicate } from './is-stytch-source.js';

/** Options of {@link createStytchCredentials}. */
export interface StytchCredentialsOptions {
  /** Stytch project id (`project-test-…` or `project-live-…`); default: env `STYTCH_PROJECT_ID`. */
  readonly projectId?: string;
  /** Stytch project secret; default: env `STYTCH_SECRET`. */
  readonly secret?: string;
  /** Where to read the env variables from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Base URL for every Stytch source (a local sandbox); default: chosen from the project id. */
  readonly baseUrl?: string;
  /** Also treat these sources as Stytch's (besides those whose name or url mentions stytch). */
  readonly sources?: StytchSourcePredicate;
}

/**
 * A CredentialProvider for Stytch: HTTP Basic with the project id as user and the secret as
 * password for Stytch sources, the live or test API (or `baseUrl`) as their server, and the secret
 * reported for masking. Workflow files stay untouched. Missing credentials are only an error
 * (`credentials-missing`) when a Stytch source actually asks for them.
 */
export function createStytchCredentials(options: StytchCredentialsOptions = {}): CredentialProvider {
  const env = options.env ?? process.env;
  const projectId = nonEmpty(options.projectId) ?? nonEmpty(env.STYTCH_PROJECT_ID);
  const secret = nonEmpty(options.secret) ?? nonEmpty(env.STYTCH_SECRET);
  const isStytch = (source: SourceDescription): boolean =>
    isStytchSource(options.sources === undefined ? { source } : { source, predicate: options.sources });

  return {
    credentialFor(request: CredentialRequest): Credential | undefined {
      if (!isStytch(request.source)) return undefined;
      const { scheme } = request;
      if (scheme.type !== 'http' || scheme.scheme?.toLowerCase() !== 'basic') return undefined;
      if (projectId === undefined || secret === undefined) {
        throw missingCredentials({ source: request.source, projectId, secret });
      }
      return { type: 'basic', username: projectId, password: secret };
    },
    serverFor(source: SourceDescription): string | undefined {
      if (!isStytch(source)) return undefined;
      return chooseStytchServer(
        options.baseUrl === undefined ? { projectId } : { projectId, baseUrl: options.baseUrl },
      );
    },
    secretValues(): readonly string[] {
      if (secret === undefined) return [];
      if (projectId === undefined) return [secret];
      const header = basicAuthHeader({ username: projectId, password: secret });
      return [secret, header, header.slice('Basic '.length)];
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function missingCredentials(options: {
  source: SourceDescription;
  projectId?: string;
  secret?: string;
}): TelaioError {
  const missing = [
    ...(options.projectId === undefined ? ['STYTCH_PROJECT_ID'] : []),
    ...(options.secret === undefined ? ['STYTCH_SECRET'] : []),
  ];
  return new TelaioError(
    'credentials-missing',
    `source '${options.source.name}' is Stytch's and needs a project id and secret: set ${missing.join(' and ')} ` +
      'in the environment, or pass projectId and secret to createStytchCredentials',
    { details: { source: options.source.name, missing } },
  );
}
