import { generateTotpCode, type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFor } from './client.js';

let sandbox: Sandbox;
let api: ReturnType<typeof clientFor>;
beforeEach(async () => {
  sandbox = await startSandbox();
  api = clientFor(sandbox);
});
afterEach(() => sandbox.close());

/** Creates a user enrolled in TOTP with a live session. */
async function userWithSession(email: string) {
  const user = (await api.post('/v1/users', { email })).body;
  const totp = (await api.post('/v1/totps', { user_id: user.user_id })).body;
  const auth = (
    await api.post('/v1/totps/authenticate', {
      user_id: user.user_id,
      totp_code: generateTotpCode({ secret: totp.secret }),
      session_duration_minutes: 60,
    })
  ).body;
  return { user, auth };
}

describe('sessions list and revoke', () => {
  it('lists a user’s live sessions and revokes one by token', async () => {
    const { user, auth } = await userWithSession('list@example.com');
    const listed = await api.get(`/v1/sessions?user_id=${user.user_id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toHaveLength(1);
    expect(listed.body.sessions[0]).toMatchObject({
      session_id: auth.session.session_id,
      user_id: user.user_id,
    });

    const revoked = await api.post('/v1/sessions/revoke', { session_token: auth.session_token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.request_id).toMatch(/^request-id-test-/);
    expect((await api.get(`/v1/sessions?user_id=${user.user_id}`)).body.sessions).toEqual([]);
    expect(
      (await api.post('/v1/sessions/authenticate', { session_token: auth.session_token })).body.error_type,
    ).toBe('session_not_found');
    expect(
      (await api.post('/v1/sessions/revoke', { session_token: auth.session_token })).body.error_type,
    ).toBe('session_not_found');
  });

  it('revokes by session_id and by session_jwt', async () => {
    const a = await userWithSession('a@example.com');
    const b = await userWithSession('b@example.com');
    expect((await api.post('/v1/sessions/revoke', { session_id: a.auth.session.session_id })).status).toBe(
      200,
    );
    expect((await api.post('/v1/sessions/revoke', { session_jwt: b.auth.session_jwt })).status).toBe(200);
    expect(sandbox.state.sessions.size).toBe(0);
    expect((await api.post('/v1/sessions/revoke', {})).body.error_type).toBe('missing_required_field');
  });
});

describe('users search', () => {
  it('finds by email (the workflow’s query), pages with a cursor, and reports no match', async () => {
    for (const email of ['s1@example.com', 's2@example.com', 's3@other.test'])
      await api.post('/v1/users', { email });
    const query = (values: string[], name = 'email_address') => ({
      operator: 'AND',
      operands: [{ filter_name: name, filter_value: values }],
    });
    const found = await api.post('/v1/users/search', { limit: 1, query: query(['s2@example.com']) });
    expect(found.status).toBe(200);
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0].emails[0].email).toBe('s2@example.com');
    expect(found.body.results_metadata).toEqual({ total: 1, next_cursor: null });

    const page1 = await api.post('/v1/users/search', {
      limit: 2,
      query: query(['example.com'], 'email_address_fuzzy'),
    });
    expect(page1.body.results_metadata.total).toBe(2);
    const all = await api.post('/v1/users/search', { limit: 2 });
    expect(all.body.results_metadata.total).toBe(3);
    const page2 = await api.post('/v1/users/search', {
      limit: 2,
      cursor: all.body.results_metadata.next_cursor,
    });
    expect(page2.body.results.map((u: { emails: { email: string }[] }) => u.emails[0]!.email)).toEqual([
      's3@other.test',
    ]);

    expect(
      (await api.post('/v1/users/search', { query: query(['nobody@example.com']) })).body.results,
    ).toEqual([]);
    expect((await api.post('/v1/users/search', { query: query(['x'], 'phone_number') })).status).toBe(400);
  });
});
