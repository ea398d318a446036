import { credentialFitsScheme, type ResolvedSource, type SecurityScheme } from '@telaio/core';
import { UsageError } from '../shared/usage-error.js';
import type { AuthEntry } from './parse-auth.js';

/** Security schemes by source description name (empty for a source that declares none). */
export type SourceSchemes = ReadonlyMap<string, Readonly<Record<string, SecurityScheme>>>;

/** The security schemes of each OpenAPI source (and each AsyncAPI source's servers), as the engine resolved them when it loaded the document. */
export function readSourceSchemes(sources: readonly ResolvedSource[]): SourceSchemes {
  const schemes = new Map<string, Record<string, SecurityScheme>>();
  for (const source of sources) {
    const found: Record<string, SecurityScheme> = {};
    if (source.kind === 'openapi')
      for (const operation of source.operations) Object.assign(found, operation.securitySchemes);
    // AsyncAPI: the schemes of its servers, in the credential seam's words (broker logins).
    if (source.kind === 'asyncapi')
      for (const server of source.servers)
        for (const security of server.security ?? []) found[security.schemeName] = security.scheme;
    schemes.set(source.description.name, found);
  }
  return schemes;
}

/**
 * Checks every `--auth` against the document's sources before anything is sent: the source must
 * exist, a named scheme must exist and take that KIND, and a source-wide entry must fit at least one
 * scheme. Throws UsageError (exit 2) naming what is wrong, never the credential's value.
 */
export async function checkAuthTargets(options: {
  readonly entries: readonly AuthEntry[];
  readonly schemes: SourceSchemes;
}): Promise<void> {
  for (const entry of options.entries) {
    const label = `--auth ${entry.source}${entry.scheme === undefined ? '' : `.${entry.scheme}`}`;
    const schemes = options.schemes.get(entry.source);
    if (schemes === undefined) {
      throw new UsageError(
        `${label}: no such source description; the document has: ${[...options.schemes.keys()].join(', ')}`,
      );
    }
    const names = Object.keys(schemes);
    const known =
      names.length === 0
        ? 'it declares none'
        : `it has: ${names.map((n) => describe(n, schemes[n])).join(', ')}`;
    if (entry.scheme !== undefined) {
      const scheme = schemes[entry.scheme];
      if (scheme === undefined)
        throw new UsageError(
          `${label}: source '${entry.source}' has no security scheme '${entry.scheme}'; ${known}`,
        );
      if (!credentialFitsScheme(entry.credential, scheme))
        throw new UsageError(`${label}: ${entry.kind} does not fit scheme ${describe(entry.scheme, scheme)}`);
    } else if (!names.some((name) => fits(entry, schemes[name], credentialFitsScheme))) {
      throw new UsageError(`${label}: no security scheme of '${entry.source}' takes ${entry.kind}; ${known}`);
    }
  }
}

function fits(
  entry: AuthEntry,
  scheme: SecurityScheme | undefined,
  test: (credential: AuthEntry['credential'], scheme: SecurityScheme) => boolean,
): boolean {
  return scheme !== undefined && test(entry.credential, scheme);
}

/** `name (http bearer)`, `name (apiKey in query)`, `name (oauth2)`. */
function describe(name: string, scheme: SecurityScheme | undefined): string {
  if (scheme === undefined) return name;
  const detail =
    scheme.type === 'http'
      ? `http ${scheme.scheme ?? ''}`.trim()
      : scheme.type === 'apiKey'
        ? `apiKey in ${scheme.in ?? 'header'}`
        : scheme.type;
  return `${name} (${detail})`;
}
