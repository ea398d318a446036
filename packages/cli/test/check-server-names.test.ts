import { describe, expect, it } from 'vitest';
import { checkServerNames } from '../src/shared/check-server-names.js';
import { UsageError } from '../src/shared/usage-error.js';

const doc = (...names: string[]) => ({ sourceDescriptions: names.map((name) => ({ name })) });

describe('checkServerNames: --server NAME must name a source description (run, submit, test, mcp)', () => {
  it('accepts names of sources of any of the documents', () => {
    expect(() =>
      checkServerNames({
        servers: { api: 'http://127.0.0.1:1', events: 'mqtt://127.0.0.1:1' },
        documents: [doc('api'), doc('events')],
        holders: 'the documents have',
      }),
    ).not.toThrow();
  });

  it('refuses an unknown name with a usage error listing each source once', () => {
    let error: unknown;
    try {
      checkServerNames({
        servers: { nosuch: 'http://127.0.0.1:1' },
        documents: [doc('api', 'auth'), doc('api')],
        holders: 'the served documents have',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      '--server nosuch: no such source description; the served documents have: api, auth',
    );
  });
});
