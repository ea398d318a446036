/**
 * Issue 14 point 2 (documents): loading an Arazzo document or its sources is bounded. A YAML alias
 * bomb in an input default, a payload or an OpenAPI source, nesting too deep, a device, a FIFO, a
 * socket or an endless remote source each end `validate` (and `run`) with an error diagnostic.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTelaio } from './support/cli.js';
import { type Loopback, startLoopback } from './support/loopback.js';

/** Nine levels of ten aliases: 10^9 strings once expanded, 600 bytes of YAML. */
const LAUGHS = [
  'x-lol:',
  '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((n, i) => `  ${n}: &${n} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
];

const OPENAPI = [
  'openapi: 3.1.0',
  "info: {title: t, version: '1'}",
  "servers: [{url: 'http://127.0.0.1:9'}]",
  'paths:',
  '  /thing:',
  '    get:',
  '      operationId: getThing',
  "      responses: {'200': {description: ok}}",
];

const arazzo = (sourceUrl: string, extra: readonly string[], step: readonly string[] = []) => [
  'arazzo: 1.0.1',
  "info: {title: t, version: '1'}",
  `sourceDescriptions: [{name: api, url: '${sourceUrl}', type: openapi}]`,
  ...extra,
  'workflows:',
  '  - workflowId: w',
  ...step,
  '    steps:',
  '      - stepId: s',
  '        operationId: getThing',
];

async function project(files: Record<string, readonly string[]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'telaio-hostile-load-'));
  for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join('\n'));
  return dir;
}

const diagnostics = (stdout: string) =>
  JSON.parse(stdout).diagnostics as { code: string; message: string; line: number }[];

describe('hostile: bounded document loading (issue 14 point 2)', () => {
  it('validate refuses an alias bomb in an input default at the anchor line; run does not start', async () => {
    const dir = await project({
      'api.yaml': OPENAPI,
      'flow.arazzo.yaml': arazzo('./api.yaml', LAUGHS, [
        '    inputs: {type: object, properties: {bomb: {type: array, default: *i}}}',
      ]),
    });
    const validate = await runTelaio(['validate', join(dir, 'flow.arazzo.yaml'), '--format', 'json']);
    expect(validate.hung).toBe(false);
    expect(validate.code).toBe(1);
    expect(diagnostics(validate.stdout)[0]).toMatchObject({ code: 'yaml-syntax', line: 9 });
    expect(diagnostics(validate.stdout)[0]?.message).toContain('alias');
    const run = await runTelaio(['run', join(dir, 'flow.arazzo.yaml'), '--dry-run']);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(2);
  });

  it('validate refuses an alias bomb in a request payload', async () => {
    const dir = await project({
      'api.yaml': OPENAPI,
      'flow.arazzo.yaml': [
        ...arazzo('./api.yaml', LAUGHS),
        '        requestBody: {contentType: application/json, payload: *i}',
      ],
    });
    const validate = await runTelaio(['validate', join(dir, 'flow.arazzo.yaml'), '--format', 'json']);
    expect(validate.hung).toBe(false);
    expect(diagnostics(validate.stdout)[0]).toMatchObject({ code: 'yaml-syntax' });
  });

  it('validate reports an alias bomb in the OpenAPI source as source-unresolved', async () => {
    const dir = await project({
      'api.yaml': [...OPENAPI, ...LAUGHS],
      'flow.arazzo.yaml': arazzo('./api.yaml', []),
    });
    const validate = await runTelaio([
      'validate',
      join(dir, 'flow.arazzo.yaml'),
      '--format',
      'json',
      '--no-cache',
    ]);
    expect(validate.hung).toBe(false);
    const [first] = diagnostics(validate.stdout);
    expect(first?.code).toBe('source-unresolved');
    expect(first?.message).toContain('alias');
  });

  it('validate refuses nesting 300 levels deep, at the node', async () => {
    const deep = `x-deep: ${'['.repeat(300)}${']'.repeat(300)}`;
    const dir = await project({ 'api.yaml': OPENAPI, 'flow.arazzo.yaml': arazzo('./api.yaml', [deep]) });
    const validate = await runTelaio(['validate', join(dir, 'flow.arazzo.yaml'), '--format', 'json']);
    expect(validate.hung).toBe(false);
    expect(validate.code).toBe(1);
    expect(diagnostics(validate.stdout)[0]?.message).toContain('nesting deeper than');
  });

  describe('sources that are not regular files', () => {
    let socketDir = '';
    const socketServer = createNetServer(() => undefined);
    beforeAll(async () => {
      socketDir = await mkdtemp(join(tmpdir(), 'telaio-hostile-sock-'));
      execFileSync('mkfifo', [join(socketDir, 'fifo.yaml')]);
      await new Promise<void>((resolve) => socketServer.listen(join(socketDir, 'socket.yaml'), resolve));
    });
    afterAll(() => new Promise<void>((resolve) => socketServer.close(() => resolve())));

    for (const name of ['/dev/zero', 'fifo.yaml', 'socket.yaml']) {
      it(`validate refuses ${name} at once`, async () => {
        const file = name.startsWith('/') ? name : join(socketDir, name);
        const validate = await runTelaio(['validate', file, '--format', 'json']);
        expect(validate.hung).toBe(false);
        expect(validate.code).toBe(1);
        expect(diagnostics(validate.stdout)[0]?.message).toContain('not a regular file');
      });
    }
    it('validate refuses a source that is a device', async () => {
      const dir = await project({ 'flow.arazzo.yaml': arazzo('/dev/zero', []) });
      const validate = await runTelaio(['validate', join(dir, 'flow.arazzo.yaml'), '--format', 'json']);
      expect(validate.hung).toBe(false);
      expect(diagnostics(validate.stdout)[0]).toMatchObject({ code: 'source-unresolved' });
    });
  });

  describe('remote sources', () => {
    let server: Loopback;
    beforeAll(async () => {
      server = await startLoopback((_req, res) => {
        // An endless source: chunks until the client stops reading (1 GiB at most).
        res.writeHead(200, { 'content-type': 'application/yaml' });
        const chunk = Buffer.from(`# ${'x'.repeat(1022)}\n`);
        let sent = 0;
        const pump = () => {
          while (!res.destroyed && sent < 1024 ** 3) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      });
    });
    afterAll(() => server.close());

    it('validate stops reading an endless remote source at the size limit', async () => {
      const dir = await project({ 'flow.arazzo.yaml': arazzo(`${server.url}/openapi.yaml`, []) });
      const validate = await runTelaio([
        'validate',
        join(dir, 'flow.arazzo.yaml'),
        '--format',
        'json',
        '--no-cache',
      ]);
      expect(validate.hung).toBe(false);
      const [first] = diagnostics(validate.stdout);
      expect(first).toMatchObject({ code: 'source-unresolved' });
      expect(first?.message).toContain('larger than');
    });
  });
});
