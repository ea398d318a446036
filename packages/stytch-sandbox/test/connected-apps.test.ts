/**
 * Connected Apps of a consumer user: the sandbox serves no OAuth authorization flow, so a user has
 * none; the list is empty, a revoke is Stytch's 404 connected_app_not_found, and both check the
 * user first.
 */
import { type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFor } from './client.js';

let sandbox: Sandbox;
let api: ReturnType<typeof clientFor>;
beforeEach(async () => {
  sandbox = await startSandbox();
  api = clientFor(sandbox);
});
afterEach(() => sandbox.close());

const UNKNOWN_USER = 'user-test-00000000-0000-4000-8000-00000000dead';

describe('connected apps', () => {
  it('lists no Connected Apps for an existing user', async () => {
    const user = (await api.post('/v1/users', { email: 'apps@example.com' })).body;
    const listed = await api.get(`/v1/users/${user.user_id}/connected_apps`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      connected_apps: [],
      request_id: expect.stringMatching(/^request-id-test-/),
      status_code: 200,
    });
  });

  it('answers a revoke with 404 connected_app_not_found in Stytch’s envelope', async () => {
    const user = (await api.post('/v1/users', { email: 'revoke@example.com' })).body;
    const revoked = await api.post(
      `/v1/users/${user.user_id}/connected_apps/connected-app-test-00000000-0000-4000-8000-000000000001/revoke`,
      {},
    );
    expect(revoked.status).toBe(404);
    expect(revoked.body).toMatchObject({
      status_code: 404,
      error_type: 'connected_app_not_found',
      request_id: expect.stringMatching(/^request-id-test-/),
    });
  });

  it('checks the user: unknown is 404 user_not_found, malformed is 400 invalid_user_id', async () => {
    expect((await api.get(`/v1/users/${UNKNOWN_USER}/connected_apps`)).body).toMatchObject({
      status_code: 404,
      error_type: 'user_not_found',
    });
    expect((await api.post(`/v1/users/${UNKNOWN_USER}/connected_apps/x/revoke`, {})).body).toMatchObject({
      status_code: 404,
      error_type: 'user_not_found',
    });
    expect((await api.get('/v1/users/not-a-user/connected_apps')).body.error_type).toBe('invalid_user_id');
  });

  it('requires Basic credentials and only GET on the list', async () => {
    const user = (await api.post('/v1/users', { email: 'auth@example.com' })).body;
    const anonymous = clientFor(sandbox, null);
    expect((await anonymous.get(`/v1/users/${user.user_id}/connected_apps`)).status).toBe(401);
    expect((await api.post(`/v1/users/${user.user_id}/connected_apps`, {})).status).toBe(405);
  });
});
