/**
 * Issue 11 pt 2: the patterns people write that the spec allows or leaves open, one small document
 * each in ./lenient. Each validates with exactly the findings listed (errors and warning rules), and
 * each that can run does, through the real http-adapter against a node:http server on 127.0.0.1.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createEngine, lintDocument, resolveDocument, TelaioError } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = path.join(import.meta.dirname, 'lenient');
const file = (name: string): string => path.join(dir, `${name}.arazzo.yaml`);

/** Each document: the rules it must report (errors, then warnings, in document order). */
const CORPUS: Record<string, { errors: string[]; warnings: string[] }> = {
  'undeclared-parameter': { errors: [], warnings: ['parameter-undeclared', 'parameter-undeclared'] },
  'ids-with-spaces': {
    errors: [],
    warnings: [
      'id-not-portable',
      'id-not-portable',
      'id-not-portable',
      'expression-name-not-portable',
      'parameter-undeclared',
      'expression-name-not-portable',
      'expression-name-not-portable',
      'expression-name-not-portable',
    ],
  },
  'input-name-with-dollar': { errors: [], warnings: [] },
  'undeclared-input': { errors: [], warnings: ['input-undeclared'] },
  'undeclared-input-forbidden': { errors: ['input-forbidden'], warnings: [] },
  'input-member': { errors: [], warnings: ['input-member'] },
  'workflow-step-reads': { errors: [], warnings: ['workflow-step-reads', 'workflow-step-reads'] },
  'dollar-literal': { errors: [], warnings: ['expression-literal'] },
};

describe('§4.6 lenient patterns (issue 11 pt 2): each document validates with exactly its findings', () => {
  for (const [name, expected] of Object.entries(CORPUS)) {
    it(name, async () => {
      const diagnostics = lintDocument(await resolveDocument(file(name), { cache: false }));
      const rules = (severity: string) =>
        diagnostics.filter((d) => d.severity === severity).map((d) => d.rule);
      expect({ errors: rules('error'), warnings: rules('warning') }, JSON.stringify(diagnostics)).toEqual(
        expected,
      );
    });
  }
  it('the messages suggest the portable spelling', async () => {
    const messages = lintDocument(await resolveDocument(file('ids-with-spaces'), { cache: false })).map(
      (d) => d.message,
    );
    expect(messages).toContain(
      "stepId 'list items' is outside [A-Za-z0-9_-]+ (the spec says it SHOULD conform); 'list_items' is portable",
    );
    expect(messages.some((m) => m.includes("write '$steps.get_item.outputs.name'"))).toBe(true);
    const member = lintDocument(await resolveDocument(file('input-member'), { cache: false }));
    expect(member[0]?.message).toContain("'$inputs.secret#/value' is the portable form");
  });
});

interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

describe('§4.6 lenient patterns run through the http-adapter against 127.0.0.1', () => {
  let server: Server;
  let base = '';
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        seen.push({ method: req.method ?? '', url, headers: req.headers, body });
        const send = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (req.method === 'GET' && url.pathname === '/items') return send(200, { items: [{ id: 'i1' }] });
        if (req.method === 'GET' && url.pathname === '/items/i1') return send(200, { name: 'Lamp' });
        if (req.method === 'POST' && url.pathname === '/items') return send(201, { id: 'n7' });
        return send(404, {});
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const run = async (name: string, inputs: Record<string, unknown> = {}, workflowId?: string) => {
    const transport = createHttpTransport();
    try {
      const engine = createEngine({ transport, cache: false, servers: { shop: base } });
      const document = await engine.load(file(name));
      seen.length = 0;
      return await engine.run({ document, inputs, ...(workflowId === undefined ? {} : { workflowId }) });
    } finally {
      transport.close();
    }
  };

  it('an undeclared parameter is sent as written (header and query)', async () => {
    const result = await run('undeclared-parameter');
    expect(result.status).toBe('success');
    expect(seen[0]?.headers['x-api-key']).toBe('key-123');
    expect(seen[0]?.url.searchParams.get('page')).toBe('2');
  });

  it('ids with spaces: expressions naming them resolve, in values, conditions and templates', async () => {
    const result = await run('ids-with-spaces');
    expect(result.error).toBeUndefined();
    expect(result.outputs).toEqual({ name: 'Lamp' });
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(['GET /items', 'GET /items/i1']);
    expect(seen[1]?.headers['x-trace']).toBe('after i1');
  });

  it('$inputs.$orderby reads the declared input $orderby', async () => {
    const result = await run('input-name-with-dollar', { $orderby: 'name' });
    expect(result.status).toBe('success');
    expect(seen[0]?.url.searchParams.get('$orderby')).toBe('name');
  });

  it('an input the schema does not declare but allows is taken from the run', async () => {
    const result = await run('undeclared-input', { page: 3 });
    expect(result.status).toBe('success');
    expect(seen[0]?.url.searchParams.get('limit')).toBe('3');
  });

  it('an input the schema forbids refuses the document at load', async () => {
    const error = await run('undeclared-input-forbidden').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelaioError);
    expect((error as TelaioError).code).toBe('document-invalid');
  });

  it('$inputs.secret.value reads the member of the declared object input', async () => {
    const result = await run('input-member', { secret: { value: 's-1' } });
    expect(result.status).toBe('success');
    expect(seen[0]?.url.searchParams.get('limit')).toBe('s-1');
  });

  it("a workflow step's $statusCode and $outputs.x are the called workflow's last status and outputs", async () => {
    const result = await run('workflow-step-reads', {}, 'outer');
    expect(result.error).toBeUndefined();
    expect(result.outputs).toEqual({ id: 'n7' });
  });

  it('a $ string that is no expression is sent as the literal string', async () => {
    const result = await run('dollar-literal');
    expect(result.status).toBe('success');
    expect(JSON.parse(seen[0]?.body ?? 'null')).toEqual({ code: '$SAVE10', price: '$5', note: '$ off' });
  });
});
