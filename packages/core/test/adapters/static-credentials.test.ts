import {
  type CredentialProvider,
  type CredentialRequest,
  combineCredentials,
  createStaticCredentials,
  credentialFitsScheme,
  type SecurityScheme,
} from '@telaio/core';
import { describe, expect, it } from 'vitest';

const bearer: SecurityScheme = { type: 'http', scheme: 'bearer' };
const basic: SecurityScheme = { type: 'http', scheme: 'Basic' };
const queryKey: SecurityScheme = { type: 'apiKey', in: 'query', name: 'api_key' };
const headerKey: SecurityScheme = { type: 'apiKey', in: 'header', name: 'X-Key' };
const oauth: SecurityScheme = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token' } } };
const oauthCode: SecurityScheme = { type: 'oauth2', flows: { authorizationCode: {} } };

const ask = (source: string, schemeName: string, scheme: SecurityScheme): CredentialRequest => ({
  source: { name: source, url: `${source}.yml` },
  schemeName,
  scheme,
  required: true,
});

describe('credentialFitsScheme', () => {
  it('matches each credential type to the scheme types it can fill', () => {
    const b = { type: 'bearer', token: 't' } as const;
    const k = { type: 'apiKey', value: 'k' } as const;
    const u = { type: 'basic', username: 'u', password: 'p' } as const;
    const o = { type: 'oauth2-client-credentials', clientId: 'c', clientSecret: 's' } as const;
    expect([bearer, basic, queryKey, oauth].map((s) => credentialFitsScheme(b, s))).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect([bearer, basic, queryKey, headerKey].map((s) => credentialFitsScheme(k, s))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect([bearer, basic, queryKey].map((s) => credentialFitsScheme(u, s))).toEqual([false, true, false]);
    expect([oauth, oauthCode, bearer].map((s) => credentialFitsScheme(o, s))).toEqual([true, false, false]);
    expect(credentialFitsScheme({ ...o, tokenUrl: 'https://x/token' }, oauthCode)).toBe(true);
  });
});

describe('createStaticCredentials', () => {
  const provider = createStaticCredentials([
    { source: 'api', credential: { type: 'apiKey', value: 'generic-key' } },
    { source: 'api', scheme: 'headerKey', credential: { type: 'apiKey', value: 'header-key' } },
    { source: 'api', credential: { type: 'bearer', token: 'tok en/1' } },
    { source: 'other', credential: { type: 'basic', username: 'alice', password: 'pw-secret' } },
  ]);

  it('answers a named scheme first, then source-wide entries whose type fits', () => {
    expect(provider.credentialFor(ask('api', 'headerKey', headerKey))).toEqual({
      type: 'apiKey',
      value: 'header-key',
    });
    expect(provider.credentialFor(ask('api', 'queryKey', queryKey))).toEqual({
      type: 'apiKey',
      value: 'generic-key',
    });
    expect(provider.credentialFor(ask('api', 'bearerAuth', bearer))).toEqual({
      type: 'bearer',
      token: 'tok en/1',
    });
    expect(provider.credentialFor(ask('api', 'basicAuth', basic))).toBeUndefined();
    expect(provider.credentialFor(ask('other', 'basicAuth', basic))).toMatchObject({ username: 'alice' });
    expect(provider.credentialFor(ask('nobody', 'bearerAuth', bearer))).toBeUndefined();
  });

  it('lists every secret part, as given and as it travels, but not user names', () => {
    const secrets = provider.secretValues?.() ?? [];
    const blob = Buffer.from('alice:pw-secret').toString('base64');
    expect(secrets).toEqual(
      expect.arrayContaining(['generic-key', 'header-key', 'tok en/1', 'tok%20en%2F1', 'pw-secret', blob]),
    );
    expect(secrets).not.toContain('alice');
  });
});

describe('combineCredentials', () => {
  const fixed = (token: string, server?: string): CredentialProvider => ({
    credentialFor: async (r) => (r.source.name === 'a' ? { type: 'bearer', token } : undefined),
    ...(server === undefined ? {} : { serverFor: () => server }),
    secretValues: () => [token],
  });

  it('asks providers in order, skips undefined ones and unions secrets', async () => {
    const combined = combineCredentials(undefined, fixed('first'), fixed('second', 'http://s'));
    expect(await combined.credentialFor(ask('a', 'x', bearer))).toEqual({ type: 'bearer', token: 'first' });
    expect(await combined.credentialFor(ask('b', 'x', bearer))).toBeUndefined();
    expect(combined.serverFor?.({ name: 'a', url: '' })).toBe('http://s');
    expect(combined.secretValues?.()).toEqual(['first', 'second']);
  });

  it('lets an error of a later provider through only when an earlier one did not answer', async () => {
    const throwing: CredentialProvider = {
      credentialFor: () => {
        throw new Error('missing');
      },
    };
    const combined = combineCredentials(fixed('first'), throwing);
    expect(await combined.credentialFor(ask('a', 'x', bearer))).toMatchObject({ token: 'first' });
    await expect(combined.credentialFor(ask('b', 'x', bearer))).rejects.toThrow('missing');
  });
});
