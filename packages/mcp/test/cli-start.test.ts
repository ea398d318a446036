import { spawnSync } from 'node:child_process';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { connectClient, ROOT, STYTCH_DOCS, TELAIO } from './support/mcp-client.js';

const INVALID = 'packages/cli/test/fixtures/run/invalid.arazzo.yml';
const run = (args: readonly string[]) =>
  spawnSync(process.execPath, [TELAIO, 'mcp', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });

describe('telaio mcp start-up (CONTRACT.md telaio mcp: exit 2 when no document can be served)', () => {
  it.each([
    [[], /no FILE given/],
    [['--bogus', STYTCH_DOCS[0] ?? ''], /unknown option '--bogus'/],
    [['--http', 'x', STYTCH_DOCS[0] ?? ''], /--http must be an integer from 0 to 65535/],
    [
      [INVALID],
      /not served: .*invalid\.arazzo\.yml: the document is not valid[\s\S]*none of the 1 given document\(s\) can be served/,
    ],
    [
      [STYTCH_DOCS[0] ?? '', '--reveal-output', 'totp-enrollment.nope'],
      /workflow totp-enrollment has no output nope \(it has: totpRegistrationId, memberId, sessionToken\)/,
    ],
    [
      [STYTCH_DOCS[0] ?? '', '--server', 'nope=http://127.0.0.1:1'],
      /--server nope: no such source description/,
    ],
    [[STYTCH_DOCS[0] ?? '', '--input-from', 'code=totp:$steps.'], /--input-from code=totp:/],
  ])('exit 2 for %j', (args, message) => {
    const result = run(args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('--help names every option', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const flag of [
      '--http',
      '--server',
      '--auth',
      '--input-from',
      '--sandbox',
      '--reveal-secrets',
      '--reveal-output',
    ])
      expect(result.stdout).toContain(flag);
  });

  it('an invalid document among valid ones is reported on stderr and not served; the valid one is', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [TELAIO, 'mcp', INVALID, STYTCH_DOCS[1] ?? '', '--sandbox'],
      cwd: ROOT,
      stderr: 'pipe',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const { client } = await connectClient(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['recovery-codes-rotate']);
      expect(stderr).toMatch(/not served: .*invalid\.arazzo\.yml/);
      expect(stderr).toMatch(/serving 1 tool\(s\) over stdio: recovery-codes-rotate/);
    } finally {
      await client.close();
    }
  });
});
