import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { buildToolCatalog, createToolServer, passwordInputs } from '@telaio/mcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMasker } from '../../cli/src/mask/create-masker.js';
import { createSecretHooks } from '../../cli/src/mask/create-secret-hooks.js';
import { isSecretName } from '../../cli/src/mask/is-secret-name.js';
import { connectClient, type Person } from './support/mcp-client.js';

const FILE = fileURLToPath(new URL('./fixtures/catalog.arazzo.yml', import.meta.url));
const TOKEN = 'tok_4f9c2e7a1b3d5f60';
const PASSWORD = 'correct horse battery staple';
let api: HttpServer;
let apiUrl: string;
const received: unknown[] = [];

beforeAll(async () => {
  api = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += String(c);
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      const ok = (JSON.parse(body) as { password?: string }).password === PASSWORD;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { token: TOKEN, count: 3, tags: ['a', 'b'] } : { error: 'bad password' }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

/** The package's server in-process, linked to an SDK client through the SDK's in-memory transport. */
async function connect(person: Person | undefined, reveal: string[] = []) {
  const masker = createMasker();
  const engine = createEngine({ transport: createHttpTransport({}), servers: { fixtureApi: apiUrl } });
  const document = await engine.load(FILE);
  const revealOutput = (_: string, name: string) => reveal.includes(name);
  const tools = buildToolCatalog({
    documents: [document],
    plugins: [passwordInputs],
    isSecretName,
    revealOutput,
  });
  const log: string[] = [];
  const server = createToolServer({
    engine,
    tools,
    masker: { value: masker.value, text: masker.text, add: masker.add, isSecretName },
    runHooks: () => createSecretHooks(masker),
    revealOutput,
    log: (line) => log.push(line),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const connected = await connectClient(clientSide, person);
  return { ...connected, log };
}

describe('a workflow tool called in-process (MCP tools/call, elicitation/create)', () => {
  it('asks the person for the format: password input when the step first reads it, and masks the token', async () => {
    const { client, asked, log } = await connect(async ({ field }) =>
      field === 'password' ? PASSWORD : undefined,
    );
    const result = (await client.callTool({
      name: 'sign-in',
      arguments: { username: 'ada' },
    })) as CallToolResult;
    expect(result.structuredContent).toEqual({
      workflowId: 'sign-in',
      status: 'success',
      outputs: { token: '[REDACTED]', count: 3, tags: ['a', 'b'], status: 200 },
      steps: [{ stepId: 'signIn', status: 'success', statusCode: 200, attempts: 1 }],
    });
    expect(asked[0]).toMatch(/needs password: a password\.\n\nThe account's password\./);
    expect(received.at(-1)).toEqual({ username: 'ada', password: PASSWORD });
    const everything = JSON.stringify(result) + log.join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(PASSWORD);
    await client.close();
  });

  it('a declined question fails the tool with the input named, and nothing is sent', async () => {
    const { client } = await connect(async () => undefined);
    const before = received.length;
    const result = (await client.callTool({
      name: 'sign-in',
      arguments: { username: 'ada' },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      status: 'failure',
      failedStep: 'signIn',
      error: { code: 'input-declined', message: "the person declined to give input 'password'" },
    });
    expect(received.length).toBe(before);
    await client.close();
  });

  it('an output revealed on purpose reaches the agent unmasked', async () => {
    const { client } = await connect(async () => PASSWORD, ['token']);
    const result = (await client.callTool({
      name: 'sign-in',
      arguments: { username: 'ada' },
    })) as CallToolResult;
    expect((result.structuredContent as { outputs: { token: string } }).outputs.token).toBe(TOKEN);
    await client.close();
  });

  it('as an MCP task (2025-11-25 tasks): created at once, input_required while the person answers, the result kept for tasks/result', async () => {
    const { client, log } = await connect(async () => PASSWORD);
    const seen: string[] = [];
    let result: CallToolResult | undefined;
    for await (const message of client.experimental.tasks.callToolStream(
      { name: 'sign-in', arguments: { username: 'ada' } },
      undefined,
      { task: { ttl: 60_000 } },
    )) {
      if (message.type === 'taskCreated') seen.push('created');
      if (message.type === 'taskStatus') seen.push(message.task.status);
      if (message.type === 'result') result = message.result as CallToolResult;
      if (message.type === 'error') throw message.error;
    }
    expect(seen[0]).toBe('created');
    expect(seen).toContain('input_required');
    expect(result?.structuredContent).toMatchObject({ status: 'success', outputs: { token: '[REDACTED]' } });
    expect(log.some((line) => /^task [0-9a-f]+ started for sign-in$/.test(line))).toBe(true);
    await client.close();
  });

  it('tasks/cancel aborts the run while it waits for the person: nothing is sent', async () => {
    let personAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => {
      personAsked = resolve;
    });
    // The person never answers: the agent cancels the task meanwhile.
    const { client, log } = await connect(() => {
      personAsked();
      return new Promise<undefined>(() => undefined);
    });
    const before = received.length;
    const created = (await client.request(
      {
        method: 'tools/call',
        params: { name: 'sign-in', arguments: { username: 'ada' }, task: { ttl: 60_000 } },
      },
      (
        await import('@modelcontextprotocol/sdk/types.js')
      ).CreateTaskResultSchema,
    )) as { task: { taskId: string } };
    const taskId = created.task.taskId;
    // The question travels through tasks/result; ask for it, then cancel once the person has it.
    void client.experimental.tasks.getTaskResult(taskId).catch(() => undefined);
    await asked;
    const cancelled = await client.experimental.tasks.cancelTask(taskId);
    expect(cancelled.status).toBe('cancelled');
    await expect.poll(() => log.join('\n')).toMatch(/sign-in: failure \(aborted/);
    expect((await client.experimental.tasks.getTask(taskId)).status).toBe('cancelled');
    expect(received.length).toBe(before);
    await client.close();
  });
});
