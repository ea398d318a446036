/**
 * `telaio test` over mutual TLS (issue 15 pt 3): a loopback HTTPS server that requires a client
 * certificate signed by a CA made in this test with openssl; `--client-cert`, `--client-key`,
 * `--ca-cert` per source, `--insecure` with its warning, and the key never in any output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';
import { EXAMPLES } from './fixtures/test-command/servers.js';
import { useTempDir } from './support/run.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.log('telaio test mTLS tests skipped: no openssl on PATH to make the test certificates');
    return false;
  }
})();
const path = useTempDir('telaio-mtls-');
const clients: string[] = [];
let server: Server | undefined;
let url = '';

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: path(), stdio: 'ignore' });
}

/** A key and a certificate signed by the test CA (`ca.pem`), with `extension` (a SAN, a usage). */
function issue(name: string, subject: string, extension: string): void {
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    subject,
  );
  writeFileSync(path(`${name}.ext`), `${extension}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
  );
}

beforeAll(async () => {
  if (!hasOpenssl) return;
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=telaio test CA',
  );
  issue('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1');
  issue('client', '/CN=telaio-client', 'extendedKeyUsage=clientAuth');
  server = createServer(
    {
      key: readFileSync(path('server.key')),
      cert: readFileSync(path('server.pem')),
      ca: readFileSync(path('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      clients.push(String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? ''));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ available: 3 }));
    },
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const file = join(EXAMPLES, 'store.arazzo.yaml');
const keyBody = () => readFileSync(path('client.key'), 'utf8').split('\n')[1] ?? 'unreadable';

describe.runIf(hasOpenssl)('telaio test over mutual TLS', () => {
  it('passes with the client certificate and key for the source, trusting the test CA', async () => {
    const run = await telaio([
      'test',
      file,
      '--server',
      `store=${url}`,
      '--format',
      'json',
      '--log-level',
      'debug',
      '--ca-cert',
      `store=${path('ca.pem')}`,
      '--client-cert',
      `store=${path('client.pem')}`,
      '--client-key',
      `store=${path('client.key')}`,
    ]);
    expect(run.code).toBe(0);
    expect(clients).toContain('telaio-client');
    expect(`${run.stdout}${run.stderr}`).not.toContain(keyBody());
    expect(`${run.stdout}${run.stderr}`).not.toContain('PRIVATE KEY');
  });

  it('fails (exit 1, no response) when the server asks for a certificate and none is given', async () => {
    const seen = clients.length;
    const run = await telaio([
      'test',
      file,
      '--server',
      `store=${url}`,
      '--format',
      'json',
      '--ca-cert',
      path('ca.pem'),
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { workflows: { error?: { code: string } }[] }[] };
    expect(report.files[0]?.workflows[0]?.error?.code).toBe('transport-error');
    expect(clients.length).toBe(seen);
  });

  it('fails when the server certificate is not trusted, and --insecure accepts it with a warning', async () => {
    const cert = ['--client-cert', path('client.pem'), '--client-key', path('client.key')];
    const strict = await telaio(['test', file, '--server', `store=${url}`, ...cert]);
    expect(strict.code).toBe(1);
    const insecure = await telaio(['test', file, '--server', `store=${url}`, ...cert], {
      env: { TELAIO_INSECURE: '1' },
    });
    expect(insecure.code).toBe(0);
    expect(insecure.stderr).toContain('--insecure: TLS certificates are not verified');
  });

  it('a key without its certificate is bad usage (exit 2)', async () => {
    const run = await telaio([
      'test',
      file,
      '--server',
      `store=${url}`,
      '--client-key',
      `store=${path('client.key')}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--client-key for store needs --client-cert for store');
  });
});
