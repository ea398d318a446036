import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/commands/parse-command-line.js';
import { runCommand } from '../src/run/command.js';
import { parseAuth } from '../src/run/parse-auth.js';
import { toRunOptions } from '../src/run/to-run-options.js';

/** `telaio run ARGS` parsed as the command does, `--auth` env: parts read from `env`. */
function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const { flags, positionals } = parseCommandLine(runCommand, argv, env);
  return toRunOptions(flags, positionals, env);
}

const env = { TOKEN: 'tok:en', PASS: 'pa:ss', SECRET: 'sec', USER: 'bob', EMPTY: '' };

describe('parseAuth', () => {
  it('parses every KIND, literal or env:, with or without a scheme', () => {
    expect(parseAuth('api=bearer:abc:def', env)).toEqual({
      source: 'api',
      kind: 'bearer',
      credential: { type: 'bearer', token: 'abc:def' },
    });
    expect(parseAuth('api.bearerAuth=bearer:env:TOKEN', env)).toMatchObject({
      scheme: 'bearerAuth',
      credential: { type: 'bearer', token: 'tok:en' },
    });
    expect(parseAuth('api.key.v2=apikey:k=1', env)).toMatchObject({
      scheme: 'key.v2',
      credential: { type: 'apiKey', value: 'k=1' },
    });
    expect(parseAuth('api=basic:alice:p:w', env).credential).toEqual({
      type: 'basic',
      username: 'alice',
      password: 'p:w',
    });
    expect(parseAuth('api=basic:env:USER:env:PASS', env).credential).toEqual({
      type: 'basic',
      username: 'bob',
      password: 'pa:ss',
    });
    expect(parseAuth('api=oauth2:id:env:SECRET:read,write', env).credential).toEqual({
      type: 'oauth2-client-credentials',
      clientId: 'id',
      clientSecret: 'sec',
      scopes: ['read', 'write'],
    });
    expect(parseAuth('api=oauth2:id:s', env).credential).toEqual({
      type: 'oauth2-client-credentials',
      clientId: 'id',
      clientSecret: 's',
    });
  });

  it.each([
    ['api', /expects SOURCE\[\.SCHEME\]=KIND:VALUE/],
    ['=bearer:x', /expects SOURCE/],
    ['api.=bearer:x', /expects SOURCE/],
    ['api=jwt:x', /--auth api: unknown KIND/],
    ['api=bearer', /bearer needs TOKEN/],
    ['api=bearer:', /bearer needs TOKEN/],
    ['api=basic:alice', /basic needs PASSWORD/],
    ['api=oauth2:id', /oauth2 needs CLIENT_SECRET/],
    ['api=oauth2:id:s:read:more', /too many ':' parts for oauth2/],
    ['api=bearer:env:NOPE', /TOKEN: environment variable NOPE is not set/],
    ['api=bearer:env:EMPTY', /environment variable EMPTY is not set/],
    ['api=basic:u:env:1BAD', /'env:1BAD' is not a variable name/],
  ])('rejects %j', (text, message) => {
    expect(() => parseAuth(text, env)).toThrow(message);
  });

  it('never echoes a value in its messages', () => {
    expect(() => parseAuth('api=basic:alice-s3cret', env)).toThrow(/^(?!.*s3cret)/);
    expect(() => parseAuth('api:bearer:s3cret', env)).toThrow(/^(?!.*s3cret)/);
  });
});

describe('parseRunArgs --auth', () => {
  it('collects repeated --auth flags in order, reading env: from the given env', () => {
    const run = parseRunArgs(['f.yml', '--auth', 'a=bearer:env:TOKEN', '--auth', 'b.k=apikey:v'], env);
    expect(run.auth.map((a) => [a.source, a.scheme, a.kind])).toEqual([
      ['a', undefined, 'bearer'],
      ['b', 'k', 'apikey'],
    ]);
    expect(parseRunArgs(['f.yml']).auth).toEqual([]);
  });
});
