import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executeCommand } from '../src/commands/execute-command.js';
import { sandboxCommand } from '../src/sandbox/command.js';

/** `telaio sandbox ARGV`, in process. */
const command = (argv: string[]) => executeCommand(sandboxCommand, argv);

const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** Captures what the command writes to stdout and stderr. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('telaio sandbox', () => {
  it('prints help with an example and exits 0', async () => {
    const io = capture();
    expect(await command(['--help'])).toBe(0);
    expect(io.out()).toMatch(/Usage: telaio sandbox/);
    expect(io.out()).toMatch(/Examples:\n {2}telaio sandbox --port/);
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--bogus']], [['extra']], [['--secret', '']]])(
    'exits 2 on bad usage %j',
    async (argv) => {
      const io = capture();
      expect(await command(argv)).toBe(2);
      expect(io.err()).toMatch(/^telaio sandbox: /);
    },
  );

  it('serves with the given credentials, prints the seeds, and stops with exit 0 on SIGINT', async () => {
    const io = capture();
    const running = command(['--port', '0', '--project-id', 'project-test-cli', '--secret', 'cli-secret']);
    await vi.waitFor(() => expect(io.out()).toMatch(/Press Ctrl-C/), { timeout: 5000 });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
    expect(io.out()).toContain('project-test-cli');
    expect(io.out()).toContain('cli-secret');
    expect(io.out()).toContain(ORG);
    expect(io.out()).toContain('member-test-00000000-0000-4000-8000-000000000002');
    expect(io.out()).toMatch(/recovery codes\s+([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4} ?){10}/);
    const reply = await fetch(`${url}/v1/b2b/organizations/${ORG}`, {
      headers: { authorization: basic('project-test-cli', 'cli-secret') },
    });
    expect(reply.status).toBe(200);
    await vi.waitFor(() => expect(io.out()).toMatch(/GET \/v1\/b2b\/organizations\/\S+ 200/));
    process.emit('SIGINT');
    expect(await running).toBe(0);
    await expect(fetch(`${url}/v1/b2b/organizations/${ORG}`)).rejects.toThrow();
  });

  it('runs as the built binary and exits 0 on SIGTERM', async () => {
    const bin = fileURLToPath(new URL('../bin/telaio.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'sandbox', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await vi.waitFor(() => expect(out).toMatch(/Press Ctrl-C/), { timeout: 10_000 });
    const id = /project id\s+(project-test-\S+)/.exec(out)![1]!;
    const secret = /secret\s+(\S+)/.exec(out)![1]!;
    const url = /listening on (\S+)/.exec(out)![1]!;
    expect(
      (await fetch(`${url}/v1/b2b/organizations/${ORG}`, { headers: { authorization: basic(id, secret) } }))
        .status,
    ).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
