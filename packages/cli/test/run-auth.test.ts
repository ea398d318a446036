import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { AUTH, startAuthFixtureServer } from './fixtures/run/auth-fixture-server.js';
import { fixture, telaio } from './fixtures/run/fixture-server.js';
import { useServer, useTempDir } from './support/run.js';

const FILE = fixture('auth.arazzo.yml');
const server = useServer(startAuthFixtureServer);
const tmp = useTempDir('telaio-auth-');
const blob = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
/** Every credential form that must never be printed without --reveal-secrets. */
const SECRET_VALUES = [
  AUTH.token,
  AUTH.queryKey,
  encodeURIComponent(AUTH.queryKey),
  AUTH.headerKey,
  AUTH.password,
  blob(AUTH.user, AUTH.password),
  AUTH.clientSecret,
  blob(AUTH.clientId, AUTH.clientSecret),
  AUTH.accessToken,
];
/** Every scheme filled: query and header keys by one source-wide apikey plus a scheme-specific one. */
const AUTH_ARGS = [
  '--auth',
  'api=bearer:env:T_TOKEN',
  '--auth',
  `api=apikey:${AUTH.queryKey}`,
  '--auth',
  'api.headerKey=apikey:env:T_HEADER_KEY',
  '--auth',
  `api=basic:${AUTH.user}:env:T_PASSWORD`,
  '--auth',
  `api.clientAuth=oauth2:${AUTH.clientId}:${AUTH.clientSecret}:read`,
];
const ENV = { T_TOKEN: AUTH.token, T_HEADER_KEY: AUTH.headerKey, T_PASSWORD: AUTH.password };

beforeEach(() => {
  server.received.length = 0;
});

const run = (args: string[], env: Record<string, string> = ENV) =>
  telaio(['run', FILE, '--server', `api=${server.url}`, ...args], { env });

describe('telaio run --auth', () => {
  it('puts each KIND on the wire as its scheme requires, env: parts read from the environment', async () => {
    const r = await run([...AUTH_ARGS, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps.map((s: { statusCode: number }) => s.statusCode)).toEqual([
      200, 200, 200, 200, 200,
    ]);
    const at = (path: string) => server.received.find((q) => q.url.split('?')[0] === path);
    expect(at('/bearer')?.headers.authorization).toBe(`Bearer ${AUTH.token}`);
    expect(new URL(at('/query')?.url ?? '', server.url).searchParams.get('api_key')).toBe(AUTH.queryKey);
    expect(at('/header')?.headers['x-api-key']).toBe(AUTH.headerKey);
    expect(at('/header')?.url).toBe('/header');
    expect(at('/basic')?.headers.authorization).toBe(`Basic ${blob(AUTH.user, AUTH.password)}`);
    expect(at('/oauth/token')?.headers.authorization).toBe(`Basic ${blob(AUTH.clientId, AUTH.clientSecret)}`);
    expect(at('/oauth/token')?.body).toBe('grant_type=client_credentials&scope=read');
    expect(at('/oauth')?.headers.authorization).toBe(`Bearer ${AUTH.accessToken}`);
  });

  it('applies a source-wide entry only to schemes of its type', async () => {
    const r = await run(['--auth', 'api=bearer:env:T_TOKEN', '--format', 'json']);
    expect(r.code).toBe(1);
    const bearer = server.received.find((q) => q.url === '/bearer');
    expect(bearer?.headers.authorization).toBe(`Bearer ${AUTH.token}`);
    // clientAuth is oauth2: a ready bearer token fits it too; apiKey and basic schemes get nothing.
    for (const q of server.received.filter((q) => q.url !== '/bearer' && q.url !== '/oauth'))
      expect([q.url, q.headers.authorization, q.headers['x-api-key']]).toEqual([q.url, undefined, undefined]);
  });

  it('hides every credential in pretty, json, junit, HAR and log output', async () => {
    const texts: string[] = [];
    for (const format of ['pretty', 'json', 'junit']) {
      const out = tmp(`report.${format}`);
      const har = tmp(`run-${format}.har`);
      const r = await run([
        ...AUTH_ARGS,
        '--format',
        format,
        '-o',
        out,
        '--har',
        har,
        '--log-level',
        'trace',
      ]);
      expect(r.code).toBe(0);
      texts.push(r.stdout, r.stderr, await readFile(out, 'utf8'), await readFile(har, 'utf8'));
    }
    const dry = await run([...AUTH_ARGS, '--dry-run']);
    expect(dry.code).toBe(0);
    texts.push(dry.stdout, dry.stderr);
    const all = texts.join('\n');
    expect(all).toContain('[REDACTED]');
    for (const secret of SECRET_VALUES) expect(all, secret).not.toContain(secret);
    const revealed = await run([...AUTH_ARGS, '--dry-run', '--reveal-secrets']);
    expect(revealed.stdout).toContain(AUTH.token);
  });

  it.each([
    [['--auth', 'nope=bearer:x1234'], /--auth nope: no such source description; the document has: api/],
    [
      ['--auth', 'api.nope=bearer:x1234'],
      /source 'api' has no security scheme 'nope'; it has: bearerAuth \(http bearer\)/,
    ],
    [
      ['--auth', 'api.queryKey=basic:u:p1234'],
      /--auth api.queryKey: basic does not fit scheme queryKey \(apiKey in query\)/,
    ],
    [['--auth', 'api.bearerAuth=oauth2:c:s1234'], /oauth2 does not fit scheme bearerAuth/],
    [
      ['--auth', 'api=bearer:env:TELAIO_UNSET_VAR'],
      /--auth api: TOKEN: environment variable TELAIO_UNSET_VAR is not set/,
    ],
    [['--auth', 'api=token:x1234'], /--auth api: unknown KIND; use bearer:TOKEN/],
    [['--auth', 'api'], /--auth expects SOURCE\[\.SCHEME\]=KIND:VALUE/],
    [['--auth', 'api=basic:only-user'], /--auth api: basic needs PASSWORD/],
  ])('exits 2 and sends nothing for %j', async (args, message) => {
    const r = await run([...args, '--input', 'x=1']);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/x1234|p1234|s1234/);
    expect(r.code).toBe(2);
    expect(server.received).toEqual([]);
  });
});
