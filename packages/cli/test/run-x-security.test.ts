import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';
import { inputs, writeProject } from './support/run.js';

// A document written for Redocly Respect, run unchanged: x-security on the workflow (an apiKey
// scheme by name) and on steps (http basic by name, an inline bearer scheme), values from inputs
// whose names do not look secret, and Respect's `sourceName.operationId` short form.
const OPENAPI = `openapi: 3.1.0
info: { title: Museum, version: 1.0.0 }
components:
  securitySchemes:
    MuseumPlaceholderAuth: { type: http, scheme: basic }
    ApiKeyAuth: { type: apiKey, in: header, name: X-Museum-Key }
security:
  - MuseumPlaceholderAuth: []
paths:
  /hours:
    get:
      operationId: getMuseumHours
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
  /events:
    get:
      operationId: listEvents
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
`;
const ARAZZO = `arazzo: 1.0.1
info: { title: Respect-style, version: 1.0.0 }
sourceDescriptions:
  - name: museum
    url: ./museum.yaml
    type: openapi
workflows:
  - workflowId: visit
    inputs:
      type: object
      properties:
        houseCode: { type: string }
        visitorWord: { type: string }
        pass: { type: string }
    x-security:
      - schemeName: ApiKeyAuth
        values:
          apiKey: $inputs.houseCode
    steps:
      - stepId: hours
        operationId: museum.getMuseumHours
        x-security:
          - schemeName: MuseumPlaceholderAuth
            values:
              username: todd@example.com
              password: $inputs.visitorWord
        successCriteria:
          - condition: $statusCode == 200
      - stepId: events
        operationId: $sourceDescriptions.museum.listEvents
        x-security:
          - scheme: { type: http, scheme: bearer }
            values:
              token: $inputs.pass
        successCriteria:
          - condition: $statusCode == 200
`;
const VALUES = { houseCode: 'hk-5521-orchid', visitorWord: 'pw-lantern-77', pass: 'tk-aurora-9931' };
const BASIC = Buffer.from(`todd@example.com:${VALUES.visitorWord}`).toString('base64');

describe('Redocly Respect documents run unchanged: x-security through the credential seam', () => {
  let server: Server;
  let url = '';
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/events' ? '[]' : '{"open":"9-17"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('the server sees the right Authorization and API key headers, in every format; no output shows them', async () => {
    const dir = await writeProject('telaio-x-security-', {
      'museum.yaml': OPENAPI,
      'visit.arazzo.yaml': ARAZZO,
    });
    const file = join(dir, 'visit.arazzo.yaml');
    const printed: string[] = [];
    for (const format of ['pretty', 'json', 'junit']) {
      seen.length = 0;
      const har = join(dir, `${format}.har`);
      const report = join(dir, `${format}.out`);
      const args = ['run', file, '-f', format, '--server', `museum=${url}`, ...inputs(VALUES)];
      const a = await telaio([...args, '--har', har, '--log-level', 'debug']);
      const b = await telaio([...args, '-o', report]);
      expect([a.code, b.code], `${format}: ${a.stderr}`).toEqual([0, 0]);
      printed.push(
        a.stdout,
        a.stderr,
        b.stdout,
        b.stderr,
        await readFile(har, 'utf8'),
        await readFile(report, 'utf8'),
      );
      const once = [
        ['/hours', `Basic ${BASIC}`, VALUES.houseCode],
        ['/events', `Bearer ${VALUES.pass}`, VALUES.houseCode],
      ];
      expect(seen.map((s) => [s.path, s.headers.authorization, s.headers['x-museum-key']])).toEqual([
        ...once,
        ...once,
      ]);
    }
    const text = printed.join('\n');
    for (const secret of [...Object.values(VALUES), BASIC])
      expect(text, `leaked ${secret}`).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
  });

  it("validate: Respect's short operationId form is a warning naming the portable form, not an error", async () => {
    const dir = await writeProject('telaio-x-security-', {
      'museum.yaml': OPENAPI,
      'visit.arazzo.yaml': ARAZZO,
    });
    const r = await telaio(['validate', '--no-cache', '-f', 'json', join(dir, 'visit.arazzo.yaml')]);
    expect(r.code).toBe(0);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'operation-id-short-form',
        severity: 'warning',
        pointer: '/workflows/0/steps/0/operationId',
        line: 21,
        message: expect.stringContaining("write '$sourceDescriptions.museum.getMuseumHours'"),
      }),
    ]);
  });

  it('with --reveal-secrets the same run shows them (the search above can fail)', async () => {
    const dir = await writeProject('telaio-x-security-', {
      'museum.yaml': OPENAPI,
      'visit.arazzo.yaml': ARAZZO,
    });
    const har = join(dir, 'reveal.har');
    const file = join(dir, 'visit.arazzo.yaml');
    const r = await telaio([
      'run',
      file,
      '--reveal-secrets',
      '--har',
      har,
      '--server',
      `museum=${url}`,
      ...inputs(VALUES),
    ]);
    expect(r.code).toBe(0);
    const text = await readFile(har, 'utf8');
    for (const secret of [VALUES.pass, VALUES.houseCode, BASIC]) expect(text).toContain(secret);
  });
});
