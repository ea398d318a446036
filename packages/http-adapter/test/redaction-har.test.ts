import { Writable } from 'node:stream';
import type { CredentialProvider, SecurityScheme } from '@telaio/core';
import { createHttpTransport, createRedactor } from '@telaio/http-adapter';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, makeRequest } from './helpers.js';

const PASSWORD = 'pw-SECRET-1111';
const QUERY_KEY = 'qk-SECRET-2222';
const BODY_SECRET = 'body-SECRET-3333';
const TOTP = 'JBSWY3DPEHPK3PXP';
const SESSION = 'session-SECRET-4444';
const ALL = [
  PASSWORD,
  QUERY_KEY,
  BODY_SECRET,
  TOTP,
  SESSION,
  Buffer.from(`user:${PASSWORD}`).toString('base64'),
];

const SCHEMES: Record<string, SecurityScheme> = {
  basic: { type: 'http', scheme: 'basic' },
  key: { type: 'apiKey', in: 'query', name: 'key' },
};
const credentials: CredentialProvider = {
  credentialFor: ({ schemeName }) =>
    schemeName === 'basic'
      ? { type: 'basic', username: 'user', password: PASSWORD }
      : { type: 'apiKey', value: QUERY_KEY },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function exchange(options: { revealSecrets?: boolean } = {}) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const transport = createHttpTransport({
    logger: pino({ level: 'debug' }, stream),
    captureHar: true,
    secretValues: () => [TOTP],
    ...options,
  });
  nock('http://api.test')
    .post('/things')
    .query(true)
    .reply(
      200,
      { session_token: SESSION, recovery_codes: ['rc-1', 'rc-2'], note: `scan ${TOTP}`, member_id: 'm-1' },
      { 'Set-Cookie': `sid=${SESSION}`, 'Content-Type': 'application/json' },
    );
  const request = makeRequest({
    operation: { method: 'post', security: [{ basic: [], key: [] }], securitySchemes: SCHEMES },
    parameters: [{ name: 'Cookie', in: 'header', value: 'other=1' }],
    body: { value: { client_secret: BODY_SECRET, name: 'visible-name', nested: { totp: TOTP } } },
  });
  const response = await transport.send(request, makeContext(credentials));
  transport.close();
  return { lines, har: transport.har(), response };
}

describe('redaction', () => {
  it('never puts a secret in pino output or HAR', async () => {
    const { lines, har, response } = await exchange();
    expect(response.statusCode).toBe(200);
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('');
    const harText = JSON.stringify(har);
    for (const secret of ALL) {
      expect(log).not.toContain(secret);
      expect(harText).not.toContain(secret);
    }
    expect(log).toContain('visible-name');
    expect(log).toContain('"status":200');
    expect(log).toMatch(/"durationMs":\d+/);
    expect(harText).toContain('m-1');
    expect(harText).toContain('[REDACTED]');
  });

  it('reveals secrets only when asked', async () => {
    const { har } = await exchange({ revealSecrets: true });
    const harText = JSON.stringify(har);
    expect(harText).toContain(QUERY_KEY);
    expect(harText).toContain(SESSION);
  });

  it('createRedactor masks secret-looking names and given values', () => {
    const r = createRedactor({ secretValues: () => ['hunter22'] });
    expect(
      r.value({
        intermediate_session_token: 'a',
        session_jwt: 'b',
        qrCode: 'c',
        password: 'd',
        ok: 'x hunter22',
      }),
    ).toEqual({
      intermediate_session_token: '[REDACTED]',
      session_jwt: '[REDACTED]',
      qrCode: '[REDACTED]',
      password: '[REDACTED]',
      ok: 'x [REDACTED]',
    });
    expect(r.headers({ Authorization: 'Bearer x', 'x-trace': 'ok' })).toEqual({
      Authorization: '[REDACTED]',
      'x-trace': 'ok',
    });
    expect(r.url('http://h/p?access_token=abc&x=1')).toBe('http://h/p?access_token=[REDACTED]&x=1');
    expect(r.body('a=1&client_secret=zz', 'application/x-www-form-urlencoded')).toBe(
      'a=1&client_secret=[REDACTED]',
    );
  });
});

describe('HAR 1.2', () => {
  it('has the HAR shape', async () => {
    const { har } = await exchange();
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('telaio');
    expect(har.log.entries).toHaveLength(1);
    const [entry] = har.log.entries;
    if (entry === undefined) throw new Error('no entry');
    expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
    expect(entry.time).toBeGreaterThanOrEqual(0);
    expect(entry.request).toMatchObject({ method: 'POST', httpVersion: 'HTTP/1.1', headersSize: -1 });
    expect(entry.request.url).toBe('http://api.test/things?key=[REDACTED]');
    expect(entry.request.queryString).toEqual([{ name: 'key', value: '[REDACTED]' }]);
    expect(entry.request.cookies).toEqual([{ name: 'other', value: '[REDACTED]' }]);
    expect(entry.request.headers).toContainEqual({ name: 'authorization', value: '[REDACTED]' });
    expect(entry.request.postData?.mimeType).toBe('application/json');
    expect(JSON.parse(entry.request.postData?.text ?? '')).toEqual({
      client_secret: '[REDACTED]',
      name: 'visible-name',
      nested: { totp: '[REDACTED]' },
    });
    expect(entry.request.bodySize).toBeGreaterThan(0);
    expect(entry.response).toMatchObject({ status: 200, statusText: 'OK', redirectURL: '' });
    expect(entry.response.headers).toContainEqual({ name: 'Set-Cookie', value: '[REDACTED]' });
    expect(entry.response.content.mimeType).toBe('application/json');
    expect(entry.response.content.size).toBeGreaterThan(0);
    expect(JSON.parse(entry.response.content.text ?? '')).toMatchObject({
      session_token: '[REDACTED]',
      recovery_codes: '[REDACTED]',
      member_id: 'm-1',
    });
    for (const key of ['send', 'wait', 'receive'] as const)
      expect(entry.timings[key]).toBeGreaterThanOrEqual(0);
  });
});

describe('HAR cookies', () => {
  async function cookieHar(revealSecrets: boolean) {
    const transport = createHttpTransport({ captureHar: true, revealSecrets });
    nock('http://api.test')
      .get('/things')
      .reply(200, 'ok', {
        'Set-Cookie': ['sid=SET-VALUE-1; Path=/; HttpOnly', 'theme=dark'],
        'Content-Type': 'text/plain',
      });
    const request = makeRequest({ parameters: [{ name: 'sess', in: 'cookie', value: 'S' }] });
    await transport.send(request, makeContext());
    transport.close();
    const entry = transport.har().log.entries[0];
    if (entry === undefined) throw new Error('no entry');
    return entry;
  }

  it('masks request and response cookie values, and lists the cookies a response sets', async () => {
    const entry = await cookieHar(false);
    expect(entry.request.headers).toContainEqual({ name: 'cookie', value: '[REDACTED]' });
    expect(entry.request.cookies).toEqual([{ name: 'sess', value: '[REDACTED]' }]);
    expect(entry.response.cookies).toEqual([
      { name: 'sid', value: '[REDACTED]' },
      { name: 'theme', value: '[REDACTED]' },
    ]);
    expect(JSON.stringify(entry)).not.toContain('SET-VALUE-1');
  });

  it('shows cookie values with revealSecrets', async () => {
    const entry = await cookieHar(true);
    expect(entry.request.cookies).toEqual([{ name: 'sess', value: 'S' }]);
    expect(entry.response.cookies).toEqual([
      { name: 'sid', value: 'SET-VALUE-1' },
      { name: 'theme', value: 'dark' },
    ]);
  });
});

describe('secret-looking names (one rule set for logs, HAR, reports and the CLI)', () => {
  const rules = createRedactor();
  it('masks prefixed and camelCase forms of secret names', () => {
    for (const name of [
      'currentRecoveryCodes',
      'new_recovery_codes',
      'qrCode',
      'backup_codes',
      'sessionToken',
      'session_jwt',
      'clientSecret',
    ]) {
      expect(rules.isSecretName(name), name).toBe(true);
    }
  });
  it('leaves ids and ordinary names alone', () => {
    for (const name of [
      'member_id',
      'totpRegistrationId',
      'recovery_email',
      'status_code',
      'organization_id',
    ]) {
      expect(rules.isSecretName(name), name).toBe(false);
    }
  });
});
