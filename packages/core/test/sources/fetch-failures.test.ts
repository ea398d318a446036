/**
 * A source that cannot be fetched names the cause (refused, DNS, timeout, a URL with credentials)
 * and its URL without credentials, instead of a bare "fetch failed" (Arazzo §4.6.3 Source
 * Description url: "A URL to a source description to be used by a workflow").
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeFetchFailure } from '../../src/sources/describe-fetch-failure.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The source-unresolved message of a document whose only source is `url`. */
async function messageFor(url: string): Promise<string> {
  const text = `arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions: [{ name: a, url: '${url}', type: openapi }]
workflows: [{ workflowId: w, steps: [{ stepId: s, operationId: op }] }]
`;
  const resolved = await resolveDocument('mem:/flow.arazzo.yaml', { text, cache: false });
  return resolved.diagnostics.find((d) => d.code === 'source-unresolved')?.message ?? '';
}

describe('fetch failures of sources name their cause', () => {
  it('connection refused, with the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api.yaml`;
    expect(await messageFor(url)).toContain(`cannot fetch ${url}: connection refused`);
  });

  it('a URL with user:password@ is refused without showing the password', async () => {
    const message = await messageFor(`http://ada:s3cret@127.0.0.1:${await closedPort()}/api.yaml`);
    expect(message).toContain('credentials are never sent in a URL');
    expect(message).not.toContain('s3cret');
  });

  it('DNS, TLS and timeouts by their codes, through the cause chain', () => {
    const wrap = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
    expect(describeFetchFailure(wrap({ code: 'ENOTFOUND' }))).toBe('DNS: no such host');
    expect(describeFetchFailure(wrap({ code: 'EAI_AGAIN' }))).toBe('DNS: lookup failed (temporary)');
    expect(describeFetchFailure(wrap({ code: 'UND_ERR_CONNECT_TIMEOUT' }))).toBe('timed out connecting');
    expect(describeFetchFailure(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe('timed out');
    expect(
      describeFetchFailure(wrap({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' })),
    ).toBe('TLS: DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)');
    expect(describeFetchFailure(wrap({ message: 'bad port' }))).toBe('bad port');
  });
});
