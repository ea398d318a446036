import type { Credential, CredentialProvider, CredentialRequest } from './credentials.js';

/**
 * One CredentialProvider over several, asked in order: the first that answers a credential (or a
 * server) wins; secret values are the union of all. Undefined providers are skipped, so optional
 * ones can be passed as they are.
 */
export function combineCredentials(
  ...providers: readonly (CredentialProvider | undefined)[]
): CredentialProvider {
  const list = providers.filter((p): p is CredentialProvider => p !== undefined);
  return {
    async credentialFor(request: CredentialRequest): Promise<Credential | undefined> {
      for (const provider of list) {
        const credential = await provider.credentialFor(request);
        if (credential !== undefined) return credential;
      }
      return undefined;
    },
    serverFor(source) {
      for (const provider of list) {
        const server = provider.serverFor?.(source);
        if (server !== undefined) return server;
      }
      return undefined;
    },
    secretValues(): readonly string[] {
      return [...new Set(list.flatMap((provider) => provider.secretValues?.() ?? []))];
    },
  };
}
