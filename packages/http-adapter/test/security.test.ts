import type { Credential, CredentialProvider, CredentialRequest, SecurityScheme } from '@telaio/core';
import { TransportError } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, makeRequest } from './helpers.js';

const transport = createHttpTransport();
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  transport.close();
  nock.enableNetConnect();
});

/** A provider that answers from a map and remembers what it was asked. */
function provider(
  credentials: Record<string, Credential>,
): CredentialProvider & { asked: CredentialRequest[] } {
  const asked: CredentialRequest[] = [];
  return {
    asked,
    credentialFor(request) {
      asked.push(request);
      return credentials[request.schemeName];
    },
  };
}

const SCHEMES: Record<string, SecurityScheme> = {
  basicAuth: { type: 'http', scheme: 'basic' },
  bearerAuth: { type: 'http', scheme: 'bearer' },
  headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
  oauth: {
    type: 'oauth2',
    flows: { clientCredentials: { tokenUrl: 'http://auth.test/token', scopes: { read: 'r' } } },
  },
};

async function capture(security: Array<Record<string, string[]>>, credentials: CredentialProvider) {
  let seen = { uri: '', headers: {} as Record<string, unknown> };
  nock('http://api.test')
    .get(() => true)
    .reply(function (uri) {
      seen = { uri, headers: this.req.headers };
      return [200, {}];
    });
  await transport.send(
    makeRequest({ operation: { security, securitySchemes: SCHEMES } }),
    makeContext(credentials),
  );
  return seen;
}

describe('security schemes', () => {
  it('http basic', async () => {
    const { headers } = await capture(
      [{ basicAuth: [] }],
      provider({ basicAuth: { type: 'basic', username: 'u', password: 'p@ss' } }),
    );
    expect(headers.authorization).toBe(`Basic ${Buffer.from('u:p@ss').toString('base64')}`);
  });
  it('http bearer', async () => {
    const { headers } = await capture(
      [{ bearerAuth: [] }],
      provider({ bearerAuth: { type: 'bearer', token: 'tok' } }),
    );
    expect(headers.authorization).toBe('Bearer tok');
  });
  it('apiKey in header, query and cookie (all of one alternative)', async () => {
    const { uri, headers } = await capture(
      [{ headerKey: [], queryKey: [], cookieKey: [] }],
      provider({
        headerKey: { type: 'apiKey', value: 'h1' },
        queryKey: { type: 'apiKey', value: 'q 1' },
        cookieKey: { type: 'apiKey', value: 'c1' },
      }),
    );
    expect(headers['x-api-key']).toBe('h1');
    expect(uri).toBe('/things?api_key=q%201');
    expect(headers.cookie).toBe('sid=c1');
  });
  it('picks the first alternative whose credentials are all available', async () => {
    const credentials = provider({ bearerAuth: { type: 'bearer', token: 'tok' } });
    const { headers } = await capture([{ basicAuth: [] }, { bearerAuth: [] }], credentials);
    expect(headers.authorization).toBe('Bearer tok');
    expect(credentials.asked.map((a) => [a.schemeName, a.required])).toEqual([
      ['basicAuth', true],
      ['bearerAuth', true],
    ]);
    expect(credentials.asked[0]?.source).toEqual({ name: 'api', url: '' });
  });
  it('applies declared-but-not-required schemes with required: false (the Stytch case)', async () => {
    const credentials = provider({
      basicAuth: { type: 'basic', username: 'project-test-1', password: 'secret-test-1' },
    });
    const { headers } = await capture([], credentials);
    expect(headers.authorization).toBe(
      `Basic ${Buffer.from('project-test-1:secret-test-1').toString('base64')}`,
    );
    expect(credentials.asked.every((a) => a.required === false)).toBe(true);
    expect(credentials.asked.map((a) => a.schemeName)).toEqual(Object.keys(SCHEMES));
  });
  it('sends without credentials when none are available', async () => {
    const { headers } = await capture([{ basicAuth: [] }], provider({}));
    expect(headers.authorization).toBeUndefined();
  });
});

describe('oauth2 client credentials', () => {
  it('fetches the token once with Basic client auth and scopes, then reuses it', async () => {
    let tokenCalls = 0;
    nock('http://auth.test')
      .post('/token')
      .times(5)
      .reply(function (_uri, body) {
        tokenCalls += 1;
        expect(this.req.headers.authorization).toBe(`Basic ${Buffer.from('cid:csecret').toString('base64')}`);
        expect(new URLSearchParams(String(body)).get('grant_type')).toBe('client_credentials');
        expect(new URLSearchParams(String(body)).get('scope')).toBe('read');
        return [200, { access_token: 'AT-1', token_type: 'Bearer', expires_in: 3600 }];
      });
    const seen: unknown[] = [];
    nock('http://api.test')
      .get('/things')
      .times(3)
      .reply(function () {
        seen.push(this.req.headers.authorization);
        return [200, {}];
      });
    const credentials = provider({
      oauth: { type: 'oauth2-client-credentials', clientId: 'cid', clientSecret: 'csecret' },
    });
    const request = makeRequest({ operation: { security: [{ oauth: ['read'] }], securitySchemes: SCHEMES } });
    await Promise.all([
      transport.send(request, makeContext(credentials)),
      transport.send(request, makeContext(credentials)),
    ]);
    await transport.send(request, makeContext(credentials));
    expect(seen).toEqual(['Bearer AT-1', 'Bearer AT-1', 'Bearer AT-1']);
    expect(tokenCalls).toBe(1);
  });
  it('a failed token fetch is a TransportError with the reason', async () => {
    nock('http://auth.test')
      .post('/bad')
      .reply(401, { error: 'invalid_client', error_description: 'bad secret' });
    const credentials = provider({
      oauth: {
        type: 'oauth2-client-credentials',
        clientId: 'x',
        clientSecret: 'y',
        tokenUrl: 'http://auth.test/bad',
      },
    });
    const request = makeRequest({ operation: { security: [{ oauth: [] }], securitySchemes: SCHEMES } });
    const error = await transport.send(request, makeContext(credentials)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('ERR_OAUTH_TOKEN');
    expect((error as TransportError).message).toMatch(
      /http:\/\/auth\.test\/bad.*HTTP 401 \(invalid_client: bad secret\)/,
    );
  });
});
