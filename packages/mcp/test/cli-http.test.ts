import { type ChildProcess, spawn } from 'node:child_process';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { generateTotpCode, type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, MEMBER, ORG, ROOT, TELAIO } from './support/mcp-client.js';

const DOC = 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml';
let sandbox: Sandbox;
let child: ChildProcess;
let url: string;
let stderr = '';

/** The TOTP secret the sandbox holds for the member: what the person's authenticator app was given. */
const authenticatorSecret = (): string | undefined =>
  [...sandbox.state.totps.values()].filter((t) => t.subjectId === MEMBER).at(-1)?.secret;

beforeAll(async () => {
  sandbox = await startSandbox({});
  // Credentials from the environment, as a user's MCP client configuration passes them.
  child = spawn(
    process.execPath,
    [TELAIO, 'mcp', DOC, '--http', '0', '--server', `stytchB2bApi=${sandbox.url}`],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NO_COLOR: '1',
        STYTCH_PROJECT_ID: sandbox.projectId,
        STYTCH_SECRET: sandbox.secret,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
      const found = /on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`telaio mcp exited ${code}: ${stderr}`)));
  });
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await sandbox?.close();
});

describe('telaio mcp --http (Streamable HTTP on 127.0.0.1), driven by the MCP SDK client', () => {
  it('cancellation from the client aborts the run while it waits for the person: nothing more is sent', async () => {
    const abort = new AbortController();
    const answered = new Promise<undefined>((resolve) =>
      abort.signal.addEventListener('abort', () => resolve(undefined)),
    );
    const { client } = await connectClient(new StreamableHTTPClientTransport(new URL(url)), async () => {
      abort.abort(new Error('the agent gave up'));
      return answered;
    });
    try {
      const sessionsBefore = sandbox.state.sessions.size;
      const call = client.callTool(
        { name: 'totp-enrollment', arguments: { organization_id: ORG, member_id: MEMBER } },
        undefined,
        { signal: abort.signal },
      );
      await expect(call).rejects.toThrow(/the agent gave up|abort/i);
      await expect
        .poll(() => stderr, { timeout: 10_000 })
        .toMatch(/totp-enrollment: failure \(aborted at authenticateTotp\)/);
      expect(sandbox.state.sessions.size).toBe(sessionsBefore);
    } finally {
      await client.close();
    }
  });

  it('lists the workflow as a tool and runs it: the person reads the code from their authenticator (elicitation), progress per step, secrets masked', async () => {
    const { client, asked } = await connectClient(
      new StreamableHTTPClientTransport(new URL(url)),
      async () => {
        const secret = authenticatorSecret();
        return secret === undefined ? undefined : generateTotpCode({ secret });
      },
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['totp-enrollment']);
      const progress: number[] = [];
      const result = (await client.callTool(
        { name: 'totp-enrollment', arguments: { organization_id: ORG, member_id: MEMBER } },
        undefined,
        { onprogress: (p) => progress.push(p.progress) },
      )) as CallToolResult;
      expect(result.structuredContent).toMatchObject({
        status: 'success',
        outputs: { memberId: MEMBER, sessionToken: '[REDACTED]' },
      });
      // The final one may be dropped by the SDK client (typescript-sdk#2580, see cli-stdio.test.ts).
      expect(progress.length).toBeGreaterThanOrEqual(3);
      expect(progress).toEqual([1, 2, 3, 4].slice(0, progress.length));
      expect(asked).toHaveLength(1);
      const session = [...sandbox.state.sessions.values()].find((s) => s.subjectId === MEMBER);
      expect(session).toBeDefined();
      const secret = authenticatorSecret() ?? 'none';
      for (const text of [JSON.stringify(result), stderr]) {
        expect(text).not.toContain(session?.token);
        expect(text).not.toContain(secret);
        expect(text).not.toContain(sandbox.secret);
      }
    } finally {
      await client.close();
    }
  });
});
