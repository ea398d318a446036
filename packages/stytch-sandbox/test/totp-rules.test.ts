import { generateTotpCode, type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, manualClock } from './client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const ENROLLED = 'member-test-00000000-0000-4000-8000-000000000002';
const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  const clock = manualClock();
  const sandbox = await startSandbox({ clock: clock.now, ...options });
  open.push(sandbox);
  const api = clientFor(sandbox);
  const b2bAuth = (code: string, extra: Record<string, unknown> = {}, member = ENROLLED) =>
    api.post('/v1/b2b/totp/authenticate', { organization_id: ORG, member_id: member, code, ...extra });
  return { sandbox, api, clock, b2bAuth };
}

describe('TOTP codes', () => {
  it('refuses a wrong code with otp_code_not_found (consumer and B2B)', async () => {
    const { api, sandbox, clock, b2bAuth } = await start();
    const good = generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret, time: clock.now() });
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const reply = await b2bAuth(wrong);
    expect([reply.status, reply.body.error_type]).toEqual([404, 'otp_code_not_found']);
    expect((await b2bAuth('12ab56')).body.error_type).toBe('otp_code_not_found');

    const user = (await api.post('/v1/users', { email: 'w@example.com' })).body;
    await api.post('/v1/totps', { user_id: user.user_id });
    const consumer = await api.post('/v1/totps/authenticate', { user_id: user.user_id, totp_code: '000000' });
    expect([consumer.status, consumer.body.error_type]).toEqual([404, 'otp_code_not_found']);
  });

  it('accepts the previous and next window, refuses two windows away', async () => {
    const { sandbox, clock, b2bAuth } = await start({ rateLimit: { attempts: 100, windowMs: 60_000 } });
    const secret = sandbox.seeds.enrolledMemberTotpSecret;
    const at = (offset: number) => generateTotpCode({ secret, time: clock.now() + offset * 30_000 });
    expect((await b2bAuth(at(-2))).body.error_type).toBe('otp_code_not_found');
    expect((await b2bAuth(at(2))).body.error_type).toBe('otp_code_not_found');
    expect((await b2bAuth(at(-1))).status).toBe(200);
    expect((await b2bAuth(at(1))).status).toBe(200);
    expect((await b2bAuth(at(0))).status).toBe(200);
  });

  it('refuses a replayed code with totp_code_already_authenticated, and takes the next one', async () => {
    const { api, sandbox, clock, b2bAuth } = await start();
    const code = generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret, time: clock.now() });
    expect((await b2bAuth(code)).status).toBe(200);
    const replay = await b2bAuth(code);
    expect([replay.status, replay.body.error_type]).toEqual([400, 'totp_code_already_authenticated']);
    clock.advance(30_000);
    expect(
      (await b2bAuth(generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret, time: clock.now() })))
        .status,
    ).toBe(200);

    const user = (await api.post('/v1/users', { email: 'rp@example.com' })).body;
    const totp = (await api.post('/v1/totps', { user_id: user.user_id })).body;
    const userCode = generateTotpCode({ secret: totp.secret, time: clock.now() });
    expect(
      (await api.post('/v1/totps/authenticate', { user_id: user.user_id, totp_code: userCode })).status,
    ).toBe(200);
    expect(
      (await api.post('/v1/totps/authenticate', { user_id: user.user_id, totp_code: userCode })).body
        .error_type,
    ).toBe('totp_code_already_authenticated');
  });

  it('lets exactly one of many concurrent requests with the same code succeed', async () => {
    const { sandbox, clock, b2bAuth } = await start({ rateLimit: { attempts: 100, windowMs: 60_000 } });
    const code = generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret, time: clock.now() });
    const replies = await Promise.all(Array.from({ length: 25 }, () => b2bAuth(code)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.body.error_type === 'totp_code_already_authenticated')).toHaveLength(24);
  });
});

describe('one active TOTP per member or user', () => {
  it('refuses a new registration once one is verified (active_totp_exists)', async () => {
    const { api, clock, b2bAuth } = await start();
    const again = await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: ENROLLED });
    expect([again.status, again.body.error_type]).toEqual([400, 'active_totp_exists']);

    const first = (await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER })).body;
    expect(
      (await b2bAuth(generateTotpCode({ secret: first.secret, time: clock.now() }), {}, MEMBER)).status,
    ).toBe(200);
    expect(
      (await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER })).body.error_type,
    ).toBe('active_totp_exists');

    const user = (await api.post('/v1/users', { email: 'one@example.com' })).body;
    const totp = (await api.post('/v1/totps', { user_id: user.user_id })).body;
    await api.post('/v1/totps/authenticate', {
      user_id: user.user_id,
      totp_code: generateTotpCode({ secret: totp.secret, time: clock.now() }),
    });
    expect((await api.post('/v1/totps', { user_id: user.user_id })).body.error_type).toBe(
      'active_totp_exists',
    );
  });

  it('replaces a registration not yet verified: the old secret stops working', async () => {
    const { api, clock, b2bAuth } = await start();
    const first = (await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER })).body;
    const second = (await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER })).body;
    expect(second.totp_registration_id).not.toBe(first.totp_registration_id);
    expect(second.secret).not.toBe(first.secret);
    expect(
      (await b2bAuth(generateTotpCode({ secret: first.secret, time: clock.now() }), {}, MEMBER)).body
        .error_type,
    ).toBe('otp_code_not_found');
    expect(
      (await b2bAuth(generateTotpCode({ secret: second.secret, time: clock.now() }), {}, MEMBER)).status,
    ).toBe(200);
  });

  it('lets an unverified registration expire after expiration_minutes', async () => {
    const { api, clock, b2bAuth } = await start();
    const reg = (
      await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER, expiration_minutes: 5 })
    ).body;
    clock.advance(5 * 60_000);
    const late = await b2bAuth(generateTotpCode({ secret: reg.secret, time: clock.now() }), {}, MEMBER);
    expect([late.status, late.body.error_type]).toEqual([404, 'totp_not_found']);
    expect(
      (await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER, expiration_minutes: 4 }))
        .body.error_type,
    ).toBe('invalid_expiration_minutes');
  });
});

describe('rate limit', () => {
  it('answers 429 too_many_requests past the attempts of a window, per member', async () => {
    const { sandbox, clock, b2bAuth, api } = await start({ rateLimit: { attempts: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await b2bAuth('000000')).status).not.toBe(429);
    const good = () =>
      generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret, time: clock.now() });
    const limited = await b2bAuth(good());
    expect([limited.status, limited.body.error_type]).toEqual([429, 'too_many_requests']);
    const recover = await api.post('/v1/b2b/recovery_codes/recover', {
      organization_id: ORG,
      member_id: ENROLLED,
      recovery_code: sandbox.seeds.enrolledMemberRecoveryCodes[0],
    });
    expect(recover.status).toBe(429);
    // Another member is not affected; the window passing lifts the limit.
    const other = (await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER })).body;
    expect(
      (await b2bAuth(generateTotpCode({ secret: other.secret, time: clock.now() }), {}, MEMBER)).status,
    ).toBe(200);
    clock.advance(60_001);
    expect((await b2bAuth(good())).status).toBe(200);
  });

  it('defaults to 10 attempts per minute', async () => {
    const { b2bAuth } = await start();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await b2bAuth('000000')).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
