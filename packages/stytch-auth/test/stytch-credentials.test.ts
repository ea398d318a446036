import type { CredentialRequest, SecurityScheme, SourceDescription } from '@telaio/core';
import { TelaioError } from '@telaio/core';
import {
  basicAuthHeader,
  createStytchCredentials,
  STYTCH_LIVE_URL,
  STYTCH_TEST_URL,
} from '@telaio/stytch-auth';
import { describe, expect, it } from 'vitest';

const b2b: SourceDescription = {
  name: 'stytchB2bApi',
  url: '../openapi/stytch-b2b-openapi.yml',
  type: 'openapi',
};
const petstore: SourceDescription = {
  name: 'pets',
  url: 'https://petstore.example/openapi.yml',
  type: 'openapi',
};
const basic: SecurityScheme = { type: 'http', scheme: 'basic' };

function ask(source: SourceDescription, scheme: SecurityScheme = basic): CredentialRequest {
  return { source, schemeName: 'basicAuth', scheme, required: true };
}

describe('createStytchCredentials', () => {
  it('turns the project id and secret into HTTP Basic for a Stytch source', async () => {
    const creds = createStytchCredentials({
      projectId: 'project-test-123',
      secret: 'secret-test-abc=',
      env: {},
    });
    expect(await creds.credentialFor(ask(b2b))).toEqual({
      type: 'basic',
      username: 'project-test-123',
      password: 'secret-test-abc=',
    });
    expect(basicAuthHeader({ username: 'project-test-123', password: 'secret-test-abc=' })).toBe(
      `Basic ${Buffer.from('project-test-123:secret-test-abc=').toString('base64')}`,
    );
    expect(basicAuthHeader({ username: 'Aladdin', password: 'open sesame' })).toBe(
      'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
    );
  });

  it('falls back to STYTCH_PROJECT_ID / STYTCH_SECRET, options winning over env', async () => {
    const env = { STYTCH_PROJECT_ID: 'project-test-env', STYTCH_SECRET: 'secret-env' };
    expect(await createStytchCredentials({ env }).credentialFor(ask(b2b))).toEqual({
      type: 'basic',
      username: 'project-test-env',
      password: 'secret-env',
    });
    const mixed = createStytchCredentials({ env, secret: 'secret-option' });
    expect(await mixed.credentialFor(ask(b2b))).toMatchObject({
      username: 'project-test-env',
      password: 'secret-option',
    });
  });

  it('picks live only for project-live- ids, test otherwise, and baseUrl above both', () => {
    const live = createStytchCredentials({ projectId: 'project-live-1', secret: 's', env: {} });
    const test = createStytchCredentials({ projectId: 'project-test-1', secret: 's', env: {} });
    const sandbox = createStytchCredentials({
      projectId: 'project-live-1',
      secret: 's',
      env: {},
      baseUrl: 'http://127.0.0.1:4010/',
    });
    expect(live.serverFor?.(b2b)).toBe(STYTCH_LIVE_URL);
    expect(STYTCH_LIVE_URL).toBe('https://api.stytch.com');
    expect(test.serverFor?.(b2b)).toBe('https://test.stytch.com');
    expect(createStytchCredentials({ env: {} }).serverFor?.(b2b)).toBe(STYTCH_TEST_URL);
    expect(sandbox.serverFor?.(b2b)).toBe('http://127.0.0.1:4010');
  });

  it('leaves non-Stytch sources and non-basic schemes alone', async () => {
    const creds = createStytchCredentials({ projectId: 'project-live-1', secret: 's', env: {} });
    expect(await creds.credentialFor(ask(petstore))).toBeUndefined();
    expect(creds.serverFor?.(petstore)).toBeUndefined();
    expect(await creds.credentialFor(ask(b2b, { type: 'http', scheme: 'bearer' }))).toBeUndefined();
  });

  it('treats a source as Stytch when the sources predicate says so', async () => {
    const mine: SourceDescription = { name: 'auth', url: 'https://auth.internal/openapi.yml' };
    const creds = createStytchCredentials({
      projectId: 'p',
      secret: 's',
      env: {},
      sources: (s) => s.name === 'auth',
    });
    expect(await creds.credentialFor(ask(mine))).toMatchObject({ type: 'basic', username: 'p' });
    expect(await creds.credentialFor(ask(petstore))).toBeUndefined();
  });

  it('throws credentials-missing naming the env variables, only when a Stytch source asks', async () => {
    const creds = createStytchCredentials({ env: { STYTCH_PROJECT_ID: 'project-test-1' } });
    expect(await creds.credentialFor(ask(petstore))).toBeUndefined();
    let caught: unknown;
    try {
      await creds.credentialFor(ask(b2b));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TelaioError);
    expect((caught as TelaioError).code).toBe('credentials-missing');
    expect((caught as TelaioError).message).toContain('STYTCH_SECRET');
    expect((caught as TelaioError).message).toContain('stytchB2bApi');
  });

  it('reports the secret and the Basic header as secret values', () => {
    const creds = createStytchCredentials({ projectId: 'project-test-1', secret: 'shh', env: {} });
    const header = basicAuthHeader({ username: 'project-test-1', password: 'shh' });
    expect(creds.secretValues?.()).toEqual(expect.arrayContaining(['shh', header]));
    expect(creds.secretValues?.()).not.toContain('project-test-1');
    expect(createStytchCredentials({ env: {} }).secretValues?.()).toEqual([]);
  });
});
