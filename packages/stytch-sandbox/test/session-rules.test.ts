import { generateTotpCode, type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, manualClock } from './client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const ENROLLED = 'member-test-00000000-0000-4000-8000-000000000002';
const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start() {
  const clock = manualClock();
  const sandbox = await startSandbox({ clock: clock.now, rateLimit: { attempts: 100, windowMs: 60_000 } });
  open.push(sandbox);
  const api = clientFor(sandbox);
  const code = () => generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret, time: clock.now() });
  const login = (extra: Record<string, unknown> = {}) =>
    api.post('/v1/b2b/totp/authenticate', {
      organization_id: ORG,
      member_id: ENROLLED,
      code: code(),
      ...extra,
    });
  return { sandbox, api, clock, login };
}

describe('sessions', () => {
  it('accepts the token and JWT until the session expires, then answers session_not_found', async () => {
    const { api, clock, login } = await start();
    const auth = (await login({ session_duration_minutes: 5 })).body;
    clock.advance(5 * 60_000 - 1);
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_token: auth.session_token })).status,
    ).toBe(200);
    expect((await api.post('/v1/b2b/sessions/authenticate', { session_jwt: auth.session_jwt })).status).toBe(
      200,
    );
    clock.advance(1);
    const expired = await api.post('/v1/b2b/sessions/authenticate', { session_token: auth.session_token });
    expect([expired.status, expired.body.error_type]).toEqual([404, 'session_not_found']);
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_jwt: auth.session_jwt })).body.error_type,
    ).toBe('session_not_found');
  });

  it('extends a session with session_duration_minutes on sessions/authenticate', async () => {
    const { api, clock, login } = await start();
    const auth = (await login({ session_duration_minutes: 5 })).body;
    clock.advance(4 * 60_000);
    expect(
      (
        await api.post('/v1/b2b/sessions/authenticate', {
          session_token: auth.session_token,
          session_duration_minutes: 10,
        })
      ).status,
    ).toBe(200);
    clock.advance(9 * 60_000);
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_token: auth.session_token })).status,
    ).toBe(200);
  });

  it('refuses unknown tokens, forged JWTs and a session of the other product', async () => {
    const { api, login } = await start();
    const auth = (await login()).body;
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_token: 'x'.repeat(44) })).body.error_type,
    ).toBe('session_not_found');
    const [h, p] = auth.session_jwt.split('.');
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_jwt: `${h}.${p}.${'A'.repeat(43)}` })).body
        .error_type,
    ).toBe('session_not_found');
    expect(
      (await api.post('/v1/sessions/authenticate', { session_token: auth.session_token })).body.error_type,
    ).toBe('session_not_found');
  });

  it('adds the factor to the session passed with an authenticate call', async () => {
    const { sandbox, api, clock, login } = await start();
    const recovered = (
      await api.post('/v1/b2b/recovery_codes/recover', {
        organization_id: ORG,
        member_id: ENROLLED,
        recovery_code: sandbox.seeds.enrolledMemberRecoveryCodes[0],
      })
    ).body;
    clock.advance(30_000);
    const auth = (await login({ session_token: recovered.session_token })).body;
    expect(auth.session_token).toBe(recovered.session_token);
    expect(auth.member_session.authentication_factors.map((f: { type: string }) => f.type).sort()).toEqual([
      'recovery_codes',
      'totp',
    ]);
  });

  it.each([4, 527041, 10.5, '60'])(
    'refuses session_duration_minutes %s with invalid_session_duration_minutes',
    async (minutes) => {
      const { login } = await start();
      const reply = await login({ session_duration_minutes: minutes });
      expect([reply.status, reply.body.error_type]).toEqual([400, 'invalid_session_duration_minutes']);
    },
  );

  it.each([5, 527040])('accepts session_duration_minutes %i', async (minutes) => {
    const { login } = await start();
    const s = (await login({ session_duration_minutes: minutes })).body.member_session;
    expect(Date.parse(s.expires_at) - Date.parse(s.started_at)).toBe(minutes * 60_000);
  });

  it('checks the duration on consumer authenticate and sessions authenticate too', async () => {
    const { api } = await start();
    const user = (await api.post('/v1/users', { email: 'd@example.com' })).body;
    const reply = await api.post('/v1/totps/authenticate', {
      user_id: user.user_id,
      totp_code: '123456',
      session_duration_minutes: 1,
    });
    expect(reply.body.error_type).toBe('invalid_session_duration_minutes');
    expect(
      (await api.post('/v1/sessions/authenticate', { session_token: 'abc', session_duration_minutes: 0 }))
        .body.error_type,
    ).toBe('invalid_session_duration_minutes');
  });
});

describe('recovery codes', () => {
  it('are single-use', async () => {
    const { sandbox, api } = await start();
    const body = {
      organization_id: ORG,
      member_id: ENROLLED,
      recovery_code: sandbox.seeds.enrolledMemberRecoveryCodes[3],
    };
    expect((await api.post('/v1/b2b/recovery_codes/recover', body)).body.recovery_codes_remaining).toBe(9);
    const again = await api.post('/v1/b2b/recovery_codes/recover', body);
    expect([again.status, again.body.error_type]).toEqual([404, 'recovery_code_not_found']);
    const remaining = (await api.get(`/v1/b2b/recovery_codes/${ORG}/${ENROLLED}`)).body.recovery_codes;
    expect(remaining).toHaveLength(9);
    expect(remaining).not.toContain(body.recovery_code);
  });

  it('stop working once rotated', async () => {
    const { sandbox, api } = await start();
    const old = sandbox.seeds.enrolledMemberRecoveryCodes;
    const fresh = (
      await api.post('/v1/b2b/recovery_codes/rotate', { organization_id: ORG, member_id: ENROLLED })
    ).body.recovery_codes;
    for (const code of [old[0], old[9]]) {
      const reply = await api.post('/v1/b2b/recovery_codes/recover', {
        organization_id: ORG,
        member_id: ENROLLED,
        recovery_code: code,
      });
      expect(reply.body.error_type).toBe('recovery_code_not_found');
    }
    expect(
      (
        await api.post('/v1/b2b/recovery_codes/recover', {
          organization_id: ORG,
          member_id: ENROLLED,
          recovery_code: fresh[0],
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a TOTP code passed as a recovery code', async () => {
    const { api } = await start();
    const reply = await api.post('/v1/b2b/recovery_codes/recover', {
      organization_id: ORG,
      member_id: ENROLLED,
      recovery_code: '123456',
    });
    expect([reply.status, reply.body.error_type]).toEqual([400, 'totp_code_used_as_recovery_code']);
  });
});
