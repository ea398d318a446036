/**
 * Issue 14 point 6: small things that mislead. A JSON body under a wrong Content-Type is read as
 * JSON (with a warning), `__proto__`, `constructor` and `prototype` keys stay data everywhere
 * (responses, outputs, payloads, the masked report) without polluting any prototype, and Arazzo
 * documents that name each other are reported by validate, naming them, and never run in a loop.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runTelaio } from './support/cli.js';
import { type Loopback, startLoopback } from './support/loopback.js';
import { writeHostileProject } from './support/project.js';

const HOSTILE_JSON =
  '{"__proto__": {"polluted": "yes"}, "constructor": "c", "prototype": "p", "token": "t0k"}';

describe('hostile: misleading bodies and keys (issue 14 point 6)', () => {
  let server: Loopback;
  const bodies: string[] = [];
  beforeAll(async () => {
    server = await startLoopback((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        bodies.push(body);
        const type = req.url?.startsWith('/bin/')
          ? 'application/octet-stream'
          : req.url?.startsWith('/text/')
            ? 'text/plain'
            : 'application/json';
        res.writeHead(200, { 'content-type': type });
        res.end(HOSTILE_JSON);
      });
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  for (const [type, prefix] of [
    ['application/octet-stream', 'bin'],
    ['text/plain', 'text'],
  ] as const) {
    it(`§Runtime Expressions: $response.body#/token reads a JSON body served as ${type}, with a warning`, async () => {
      const file = await writeHostileProject({
        serverUrl: `${server.url}/${prefix}`,
        step: {
          successCriteria: [{ condition: '$response.body#/token == "t0k"' }],
          outputs: { token: '$response.body#/token' },
        },
      });
      const run = await runTelaio(['run', file, '--reveal-secrets']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stderr).toContain(`the body is JSON but its Content-Type is '${type}': read as JSON`);
    });
  }

  it('keeps __proto__, constructor and prototype keys of a response as data in outputs and the masked report', async () => {
    const file = await writeHostileProject({
      serverUrl: `${server.url}/api`,
      step: {
        outputs: {
          whole: '$response.body',
          proto: '$response.body#/__proto__',
          ctor: '$response.body#/constructor',
        },
      },
    });
    const run = await runTelaio(['run', file, '--format', 'json']);
    expect(run.code).toBe(0);
    const { outputs } = JSON.parse(run.stdout).steps[0];
    expect(Object.hasOwn(outputs.whole, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(outputs.whole, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(outputs.whole.constructor).toBe('c');
    expect(outputs.whole.prototype).toBe('p');
    expect(outputs.whole.token).toBe('[REDACTED]');
    expect(outputs.proto).toEqual({ polluted: 'yes' });
    expect(outputs.ctor).toBe('c');
  });

  it('§Payload Replacement Object: __proto__ keys of a payload are sent as data; a target through __proto__ pollutes nothing', async () => {
    bodies.length = 0;
    const file = await writeHostileProject({
      serverUrl: `${server.url}/api`,
      inputs: { type: 'object', properties: { word: { type: 'string', default: 'w' } } },
      step: {
        requestBody: {
          contentType: 'application/json',
          payload: JSON.parse('{"__proto__": {"kept": "$inputs.word"}, "plain": {"a": 1}}'),
          replacements: [
            { target: '/plain/__proto__/polluted', value: 'yes' },
            { target: '/plain/constructor', value: 'c' },
          ],
        },
      },
    });
    const transport = createHttpTransport();
    const engine = createEngine({ transport, cache: false });
    const result = await engine.run({ document: await engine.load(file) });
    transport.close();
    expect(result.status).toBe('success');
    const sent = JSON.parse(bodies[0] as string);
    expect(Object.hasOwn(sent, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(sent, '__proto__')?.value).toEqual({ kept: 'w' });
    expect(sent.plain).toEqual({ a: 1, constructor: 'c' });
  });
});

describe('hostile: Arazzo documents that name each other (issue 14 point 6, §Source Description Object)', () => {
  const write = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telaio-hostile-cycle-'));
    const doc = (name: string, other: string) =>
      [
        'arazzo: 1.0.1',
        `info: {title: ${name}, version: '1'}`,
        `sourceDescriptions: [{name: ${other}, url: ./${other}.arazzo.yaml, type: arazzo}]`,
        'workflows:',
        `  - workflowId: w${name}`,
        '    steps:',
        `      - stepId: call${other}`,
        `        workflowId: $sourceDescriptions.${other}.w${other}`,
      ].join('\n');
    await writeFile(join(dir, 'a.arazzo.yaml'), doc('a', 'b'));
    await writeFile(join(dir, 'b.arazzo.yaml'), doc('b', 'a'));
    return join(dir, 'a.arazzo.yaml');
  };

  it('validate names both documents; run refuses the document instead of looping', async () => {
    const file = await write();
    const validate = await runTelaio(['validate', file, '--format', 'json']);
    expect(validate.code).toBe(1);
    const found = JSON.parse(validate.stdout).diagnostics as { code: string; message: string }[];
    const cycle = found.find((d) => d.code === 'source-cycle');
    expect(cycle?.message).toContain('a.arazzo.yaml → b.arazzo.yaml → a.arazzo.yaml');
    const calls = found.find((d) => d.code === 'dependency-cycle');
    expect(calls?.message).toContain("'wa' (a.arazzo.yaml) → 'wb' (b.arazzo.yaml) → 'wa' (a.arazzo.yaml)");
    const run = await runTelaio(['run', file, '--format', 'json']);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBeLessThan(10_000);
  });
});
