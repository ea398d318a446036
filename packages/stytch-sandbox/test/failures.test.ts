import { type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, type Reply } from './client.js';

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const ENROLLED = 'member-test-00000000-0000-4000-8000-000000000002';
const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox(options);
  open.push(sandbox);
  return { sandbox, api: clientFor(sandbox) };
}

/** Asserts Stytch's error envelope with this status and type. */
function expectError(reply: Reply, status: number, errorType: string) {
  expect({ status: reply.status, type: reply.body.error_type }).toEqual({ status, type: errorType });
  expect(reply.body).toMatchObject({
    status_code: status,
    error_url: `https://stytch.com/docs/api/errors/${status}`,
  });
  expect(typeof reply.body.error_message).toBe('string');
  expect(reply.body.request_id).toMatch(/^request-id-test-[0-9a-f-]{36}$/);
}

describe('credentials', () => {
  it('answers 401 unauthorized_credentials for missing, wrong or malformed HTTP Basic', async () => {
    const { sandbox } = await start();
    const path = `/v1/b2b/organizations/${ORG}`;
    expectError(await clientFor(sandbox, null).get(path), 401, 'unauthorized_credentials');
    expectError(
      await clientFor(sandbox, `Basic ${Buffer.from(`${sandbox.projectId}:wrong`).toString('base64')}`).get(
        path,
      ),
      401,
      'unauthorized_credentials',
    );
    expectError(
      await clientFor(
        sandbox,
        `Basic ${Buffer.from(`project-test-other:${sandbox.secret}`).toString('base64')}`,
      ).get(path),
      401,
      'unauthorized_credentials',
    );
    expectError(
      await clientFor(sandbox, `Basic ${Buffer.from(sandbox.secret).toString('base64')}`).get(path),
      401,
      'unauthorized_credentials',
    );
    expectError(
      await clientFor(sandbox, `Bearer ${sandbox.secret}`).post('/v1/b2b/totp', {}),
      401,
      'unauthorized_credentials',
    );
    expect((await clientFor(sandbox).get(path)).status).toBe(200);
  });

  it('uses the projectId and secret given as options', async () => {
    const { sandbox, api } = await start({ projectId: 'project-test-fixed', secret: 'shh' });
    expect([sandbox.projectId, sandbox.secret]).toEqual(['project-test-fixed', 'shh']);
    expect(
      (
        await clientFor(sandbox, `Basic ${Buffer.from('project-test-fixed:shh').toString('base64')}`).get(
          `/v1/b2b/organizations/${ORG}`,
        )
      ).status,
    ).toBe(200);
    expect((await api.post('/v1/users', {})).body.user_id).toMatch(/^user-test-/);
  });

  it('shapes ids -live- for a live project id', async () => {
    const { api } = await start({ projectId: 'project-live-1234' });
    const user = await api.post('/v1/users', { email: 'live@example.com' });
    expect(user.body.user_id).toMatch(/^user-live-/);
    expect(user.body.request_id).toMatch(/^request-id-live-/);
  });
});

describe('routing and request bodies', () => {
  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const { api } = await start();
    expectError(await api.get('/v1/nothing/here'), 404, 'route_not_found');
    const wrong = await api.call('PUT', '/v1/b2b/totp');
    expectError(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('refuses malformed JSON, non-object JSON, non-JSON content and oversized bodies', async () => {
    const { sandbox, api } = await start({ bodyLimit: 1024 });
    expectError(await api.postRaw('/v1/users', '{"email": '), 400, 'invalid_json');
    expectError(await api.postRaw('/v1/users', '[1,2]'), 400, 'invalid_request_body');
    const text = await fetch(`${sandbox.url}/v1/users`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.projectId}:${sandbox.secret}`).toString('base64')}`,
        'content-type': 'text/plain',
      },
      body: 'email=a@b.c',
    });
    expect(text.status).toBe(415);
    expectError(
      await api.post('/v1/users', { email: 'a@b.co', untrusted_metadata: { blob: 'x'.repeat(2048) } }),
      413,
      'request_too_large',
    );
  });

  it('names the missing required field', async () => {
    const { api } = await start();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['/v1/totps', {}, 'user_id'],
      ['/v1/totps/authenticate', { user_id: 'user-test-00000000-0000-4000-8000-000000000009' }, 'totp_code'],
      ['/v1/b2b/totp', { organization_id: ORG }, 'member_id'],
      ['/v1/b2b/totp/authenticate', { organization_id: ORG, member_id: MEMBER }, 'code'],
      ['/v1/b2b/organizations', {}, 'organization_name'],
      [`/v1/b2b/organizations/${ORG}/members`, {}, 'email_address'],
      ['/v1/b2b/recovery_codes/rotate', { member_id: ENROLLED }, 'organization_id'],
      ['/v1/b2b/recovery_codes/recover', { organization_id: ORG, member_id: ENROLLED }, 'recovery_code'],
    ];
    for (const [path, body, field] of cases) {
      const reply = await api.post(path, body);
      expectError(reply, 400, 'missing_required_field');
      expect(reply.body.error_message).toContain(field);
    }
    expectError(await api.post('/v1/sessions/authenticate', {}), 400, 'missing_required_field');
  });

  it('puts a fresh request_id and the status_code on every response', async () => {
    const { api, sandbox } = await start();
    const replies = [
      await api.get(`/v1/b2b/organizations/${ORG}`),
      await api.post('/v1/users', { email: 'r@example.com' }),
      await api.get('/v1/nope'),
      await api.call('PUT', '/v1/users'),
      await clientFor(sandbox, null).get(`/v1/b2b/organizations/${ORG}`),
      await api.postRaw('/v1/users', '{'),
      await api.get(`/v1/b2b/organizations/${ORG}/member?member_id=member-test-nope`),
    ];
    const ids = replies.map((r) => r.body.request_id);
    for (const reply of replies) {
      expect(reply.body.request_id).toMatch(
        /^request-id-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(reply.body.status_code).toBe(reply.status);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('unknown records', () => {
  it('answers Stytch 404s and 400 invalid_user_id', async () => {
    const { api } = await start();
    const ghostOrg = 'organization-test-00000000-0000-4000-8000-00000000ffff';
    const ghostMember = 'member-test-00000000-0000-4000-8000-00000000ffff';
    expectError(await api.get(`/v1/b2b/organizations/${ghostOrg}`), 404, 'organization_not_found');
    expectError(
      await api.post('/v1/b2b/totp', { organization_id: ghostOrg, member_id: MEMBER }),
      404,
      'organization_not_found',
    );
    expectError(
      await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: ghostMember }),
      404,
      'member_not_found',
    );
    expectError(await api.get(`/v1/b2b/recovery_codes/${ORG}/${ghostMember}`), 404, 'member_not_found');
    expectError(
      await api.get(`/v1/b2b/organizations/${ORG}/member?member_id=${ghostMember}`),
      404,
      'member_not_found',
    );
    const other = (await api.post('/v1/b2b/organizations', { organization_name: 'Other' })).body.organization
      .organization_id;
    expectError(
      await api.post('/v1/b2b/totp', { organization_id: other, member_id: MEMBER }),
      404,
      'member_not_found',
    );
    expectError(
      await api.get('/v1/users/user-test-00000000-0000-4000-8000-00000000ffff'),
      404,
      'user_not_found',
    );
    expectError(
      await api.post('/v1/totps', { user_id: 'user-test-00000000-0000-4000-8000-00000000ffff' }),
      404,
      'user_not_found',
    );
    expectError(await api.get('/v1/users/not-a-user-id'), 400, 'invalid_user_id');
    expectError(
      await api.post('/v1/totps/authenticate', { user_id: 'bob', totp_code: '123456' }),
      400,
      'invalid_user_id',
    );
    expectError(await api.get(`/v1/b2b/recovery_codes/${ORG}/${MEMBER}`), 404, 'totp_not_found');
  });
});

describe('streamed bodies', () => {
  it('answers 413 to an oversized chunked body (no content-length) and keeps serving', async () => {
    const { sandbox, api } = await start({ bodyLimit: 1024 });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++)
          controller.enqueue(new TextEncoder().encode(`{"pad":"${'y'.repeat(500)}"}`));
        controller.close();
      },
    });
    const reply = await fetch(`${sandbox.url}/v1/users`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.projectId}:${sandbox.secret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(reply.status).toBe(413);
    expect(((await reply.json()) as { error_type: string }).error_type).toBe('request_too_large');
    expect((await api.post('/v1/users', { email: 'after@example.com' })).status).toBe(200);
  });
});
