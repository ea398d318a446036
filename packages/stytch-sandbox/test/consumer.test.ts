import { generateTotpCode, type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFor } from './client.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
let sandbox: Sandbox;
let api: ReturnType<typeof clientFor>;

beforeEach(async () => {
  sandbox = await startSandbox();
  api = clientFor(sandbox);
});
afterEach(() => sandbox.close());

describe('consumer users', () => {
  it('creates, gets and deletes a user in Stytch shapes', async () => {
    const created = await api.post('/v1/users', { email: 'Ada@Example.com', name: { first_name: 'Ada' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'active', status_code: 200, phone_id: '' });
    expect(created.body.user_id).toMatch(new RegExp(`^user-test-${UUID}$`));
    expect(created.body.email_id).toMatch(new RegExp(`^email-test-${UUID}$`));
    expect(created.body.request_id).toMatch(new RegExp(`^request-id-test-${UUID}$`));
    expect(created.body.user).toMatchObject({
      user_id: created.body.user_id,
      emails: [{ email: 'ada@example.com', verified: false }],
      totps: [],
      name: { first_name: 'Ada' },
    });

    const got = await api.get(`/v1/users/${created.body.user_id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      user_id: created.body.user_id,
      emails: created.body.user.emails,
      status: 'active',
      is_locked: false,
    });

    const deleted = await api.del(`/v1/users/${created.body.user_id}`);
    expect(deleted.body).toMatchObject({ user_id: created.body.user_id, status_code: 200 });
    expect((await api.get(`/v1/users/${created.body.user_id}`)).body.error_type).toBe('user_not_found');
  });

  it('refuses a second user with the same email', async () => {
    await api.post('/v1/users', { email: 'dup@example.com' });
    const again = await api.post('/v1/users', { email: 'dup@example.com' });
    expect([again.status, again.body.error_type]).toEqual([400, 'duplicate_email']);
  });
});

describe('consumer TOTP', () => {
  it('enrolls: create returns secret, QR PNG and 10 recovery codes; authenticate without duration gives no session', async () => {
    const user = (await api.post('/v1/users', { email: 'totp@example.com' })).body;
    const totp = await api.post('/v1/totps', { user_id: user.user_id });
    expect(totp.status).toBe(200);
    expect(totp.body.totp_id).toMatch(new RegExp(`^totp-test-${UUID}$`));
    expect(totp.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totp.body.qr_code).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(totp.body.qr_code.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(totp.body.recovery_codes).toHaveLength(10);
    for (const code of totp.body.recovery_codes)
      expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(totp.body).toMatchObject({
      user_id: user.user_id,
      user: { totps: [{ totp_id: totp.body.totp_id, verified: false }] },
    });

    const auth = await api.post('/v1/totps/authenticate', {
      user_id: user.user_id,
      totp_code: generateTotpCode({ secret: totp.body.secret }),
    });
    expect(auth.status).toBe(200);
    expect(auth.body).toMatchObject({
      user_id: user.user_id,
      totp_id: totp.body.totp_id,
      session_token: '',
      session_jwt: '',
    });
    expect(auth.body).not.toHaveProperty('session');
    expect(auth.body.user.totps).toEqual([{ totp_id: totp.body.totp_id, verified: true }]);
  });

  it('mints a session when session_duration_minutes is given, which sessions/authenticate accepts by token and JWT', async () => {
    const user = (await api.post('/v1/users', { email: 's@example.com' })).body;
    const totp = (await api.post('/v1/totps', { user_id: user.user_id })).body;
    const auth = await api.post('/v1/totps/authenticate', {
      user_id: user.user_id,
      totp_code: generateTotpCode({ secret: totp.secret }),
      session_duration_minutes: 30,
    });
    expect(auth.body.session_token).toHaveLength(44);
    expect(auth.body.session_jwt.split('.')).toHaveLength(3);
    expect(auth.body.session).toMatchObject({
      user_id: user.user_id,
      authentication_factors: [
        {
          type: 'totp',
          delivery_method: 'authenticator_app',
          authenticator_app_factor: { totp_id: totp.totp_id },
        },
      ],
    });
    expect(auth.body.session.session_id).toMatch(new RegExp(`^session-test-${UUID}$`));

    const byToken = await api.post('/v1/sessions/authenticate', { session_token: auth.body.session_token });
    expect(byToken.status).toBe(200);
    expect(byToken.body).toMatchObject({
      session: { session_id: auth.body.session.session_id },
      session_token: auth.body.session_token,
      user: { user_id: user.user_id },
    });
    const byJwt = await api.post('/v1/sessions/authenticate', { session_jwt: auth.body.session_jwt });
    expect(byJwt.body.session.session_id).toBe(auth.body.session.session_id);
    const claims = JSON.parse(Buffer.from(auth.body.session_jwt.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      sub: user.user_id,
      aud: [sandbox.projectId],
      'https://stytch.com/session': { id: auth.body.session.session_id },
    });
  });
});

describe('consumer recovery codes', () => {
  it('lists unused codes and recovers once per code, with a session only when asked', async () => {
    const user = (await api.post('/v1/users', { email: 'rc@example.com' })).body;
    const totp = (await api.post('/v1/totps', { user_id: user.user_id })).body;
    const early = await api.post('/v1/totps/recover', {
      user_id: user.user_id,
      recovery_code: totp.recovery_codes[0],
    });
    expect([early.status, early.body.error_type]).toEqual([404, 'totp_not_found']);
    await api.post('/v1/totps/authenticate', {
      user_id: user.user_id,
      totp_code: generateTotpCode({ secret: totp.secret }),
    });

    const listed = await api.post('/v1/totps/recovery_codes', { user_id: user.user_id });
    expect(listed.body).toMatchObject({
      user_id: user.user_id,
      totps: [{ totp_id: totp.totp_id, verified: true, recovery_codes: totp.recovery_codes }],
    });

    const plain = await api.post('/v1/totps/recover', {
      user_id: user.user_id,
      recovery_code: totp.recovery_codes[0],
    });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      totp_id: totp.totp_id,
      user_id: user.user_id,
      session_token: '',
      session_jwt: '',
    });
    expect(plain.body).not.toHaveProperty('session');
    const again = await api.post('/v1/totps/recover', {
      user_id: user.user_id,
      recovery_code: totp.recovery_codes[0],
    });
    expect([again.status, again.body.error_type]).toEqual([404, 'recovery_code_not_found']);

    const withSession = await api.post('/v1/totps/recover', {
      user_id: user.user_id,
      recovery_code: totp.recovery_codes[1],
      session_duration_minutes: 10,
    });
    expect(withSession.body.session.authentication_factors[0]).toMatchObject({
      type: 'recovery_codes',
      delivery_method: 'recovery_code',
    });
    expect(
      (await api.post('/v1/sessions/authenticate', { session_token: withSession.body.session_token })).status,
    ).toBe(200);
    expect(
      (await api.post('/v1/totps/recovery_codes', { user_id: user.user_id })).body.totps[0].recovery_codes,
    ).toHaveLength(8);
  });
});
