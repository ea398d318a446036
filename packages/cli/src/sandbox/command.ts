/**
 * `telaio sandbox`: starts the local Stytch-compatible sandbox on 127.0.0.1, prints its base URL,
 * project id and secret and the seeded records, logs one line per request, and serves until
 * SIGINT or SIGTERM (then exit 0). Bad usage exits 2; a sandbox that cannot start exits 1.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../main.js';

const HELP = `Usage: telaio sandbox [--port N] [--project-id ID] [--secret SECRET] [--quiet]

Starts a local Stytch-compatible server (users, organizations, members, TOTP, recovery codes,
sessions) on 127.0.0.1, with real TOTP codes and a fresh in-memory state, and serves until Ctrl-C.

Options:
  --port N             port to listen on (default: a free one)
  --project-id ID      project id for HTTP Basic (default: project-test-<uuid>)
  --secret SECRET      project secret for HTTP Basic (default: random)
  --quiet              do not log requests
  -h, --help           show this help

Example:
  telaio sandbox --port 4010 --project-id project-test-local --secret secret-test-local
  curl -u project-test-local:secret-test-local http://127.0.0.1:4010/v1/b2b/recovery_codes/\\
organization-test-00000000-0000-4000-8000-000000000001/member-test-00000000-0000-4000-8000-000000000002
`;

/** node:util parseArgs with this command's options; throws on unknown options or positionals. */
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      port: { type: 'string' },
      'project-id': { type: 'string' },
      secret: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** Parses the arguments, or returns the usage error to print. */
function parse(
  argv: readonly string[],
): { port: number; projectId?: string; secret?: string; quiet: boolean; help: boolean } | string {
  let values: ReturnType<typeof parseOptions>['values'];
  try {
    ({ values } = parseOptions(argv));
  } catch (error) {
    return (error as Error).message;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
    return `--port must be an integer from 0 to 65535, got '${values.port}'`;
  if (values['project-id'] === '') return '--project-id must not be empty';
  if (values.secret === '') return '--secret must not be empty';
  return {
    port,
    quiet: values.quiet === true,
    help: values.help === true,
    ...(values['project-id'] === undefined ? {} : { projectId: values['project-id'] }),
    ...(values.secret === undefined ? {} : { secret: values.secret }),
  };
}

/** `telaio sandbox`. */
export const command: Command = async (argv) => {
  const options = parse(argv);
  if (typeof options === 'string') {
    process.stderr.write(`telaio sandbox: ${options}\n\n${HELP}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const { startSandbox } = await import('@telaio/stytch-sandbox');
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port: options.port,
      ...(options.projectId === undefined ? {} : { projectId: options.projectId }),
      ...(options.secret === undefined ? {} : { secret: options.secret }),
      ...(options.quiet
        ? {}
        : {
            logger: {
              info: (line: string) => process.stdout.write(`${line}\n`),
              error: (line: string) => process.stderr.write(`${line}\n`),
            },
          }),
    });
  } catch (error) {
    process.stderr.write(`telaio sandbox: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  const s = sandbox.seeds;
  process.stdout.write(
    [
      `Stytch sandbox listening on ${sandbox.url}`,
      `  project id   ${sandbox.projectId}`,
      `  secret       ${sandbox.secret}`,
      'Seeded records:',
      `  organization                  ${s.organizationId}`,
      `  member, no MFA                ${s.memberId}`,
      `  member, TOTP enrolled         ${s.enrolledMemberId}`,
      `    TOTP secret                 ${s.enrolledMemberTotpSecret}`,
      `    recovery codes              ${s.enrolledMemberRecoveryCodes.join(' ')}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(name);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  process.stdout.write(`Stytch sandbox stopped (${signal}).\n`);
  return 0;
};
