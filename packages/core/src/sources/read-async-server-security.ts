/**
 * The security of one AsyncAPI server, in the words the credential seam knows: 3.x lists Security
 * Scheme Objects (usually `$ref`s into `components/securitySchemes`), 2.x Security Requirement
 * Objects naming them. Each becomes a MessageSecurity whose `scheme` is the OpenAPI-shaped
 * SecurityScheme a CredentialProvider answers (see MessageSecurity.scheme).
 */
import type { MessageSecurity } from '../adapters/message-transport.js';
import type { SecurityScheme } from './types.js';

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};

/** Reads `server.security` of a 2.x or 3.x document; `shallow` resolves a local `$ref`. */
export function readAsyncServerSecurity(options: {
  readonly server: Obj;
  readonly root: Obj;
  readonly major: string;
  readonly shallow: (value: unknown) => unknown;
}): MessageSecurity[] {
  const { server, root, shallow } = options;
  const schemes = asObj(asObj(root.components).securitySchemes);
  const out: MessageSecurity[] = [];
  if (!Array.isArray(server.security)) return out;
  for (const entry of server.security) {
    if (options.major === '2') {
      for (const name of Object.keys(asObj(entry))) {
        const scheme = asObj(shallow(schemes[name]));
        const converted = toCredentialScheme(scheme);
        if (converted !== undefined)
          out.push({ schemeName: name, asyncapiType: String(scheme.type), scheme: converted });
      }
      continue;
    }
    const ref = asObj(entry).$ref;
    const name =
      typeof ref === 'string' ? decodeURIComponent(ref.split('/').pop() ?? '') : `security${out.length}`;
    const scheme = asObj(shallow(entry));
    const converted = toCredentialScheme(scheme);
    if (converted !== undefined)
      out.push({ schemeName: name, asyncapiType: String(scheme.type), scheme: converted });
  }
  return out;
}

/**
 * An AsyncAPI Security Scheme as an OpenAPI one: user/password kinds (userPassword, plain, SCRAM,
 * GSSAPI) → http basic; httpApiKey → apiKey with its `in`/`name`; apiKey (in the protocol's user or
 * password) → apiKey; http, oauth2, openIdConnect as written; X509 → mutualTLS. Encryption kinds
 * carry no credential: undefined.
 */
function toCredentialScheme(scheme: Obj): SecurityScheme | undefined {
  switch (scheme.type) {
    case 'userPassword':
    case 'plain':
    case 'scramSha256':
    case 'scramSha512':
    case 'gssapi':
      return { type: 'http', scheme: 'basic' };
    case 'httpApiKey': {
      const where = scheme.in === 'query' || scheme.in === 'cookie' ? scheme.in : 'header';
      return { type: 'apiKey', in: where, ...(typeof scheme.name === 'string' ? { name: scheme.name } : {}) };
    }
    case 'apiKey':
      return { type: 'apiKey' };
    case 'http':
      return {
        type: 'http',
        scheme: typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : 'bearer',
        ...(typeof scheme.bearerFormat === 'string' ? { bearerFormat: scheme.bearerFormat } : {}),
      };
    case 'oauth2':
      return {
        type: 'oauth2',
        ...(scheme.flows === undefined ? {} : { flows: scheme.flows as SecurityScheme['flows'] }),
      };
    case 'openIdConnect':
      return {
        type: 'openIdConnect',
        ...(typeof scheme.openIdConnectUrl === 'string' ? { openIdConnectUrl: scheme.openIdConnectUrl } : {}),
      };
    case 'X509':
      return { type: 'mutualTLS' };
    default:
      return undefined;
  }
}
