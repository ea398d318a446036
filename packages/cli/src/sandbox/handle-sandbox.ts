import type { CommandHandler } from '../commands/command-spec.js';
import { UsageError } from '../shared/usage-error.js';
import type { SandboxFlags } from './command.js';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * `telaio sandbox`: starts the sandbox, prints where it is and what it holds, logs one line per
 * request (unless --quiet), and serves until SIGINT, SIGTERM or SIGHUP (then exit 0). A sandbox that
 * cannot start exits 1.
 */
export const handleSandbox: CommandHandler<SandboxFlags> = async ({ flags }) => {
  if (flags['project-id'] === '')
    throw new UsageError('--project-id must not be empty', undefined, { showUsage: true });
  if (flags.secret === '') throw new UsageError('--secret must not be empty', undefined, { showUsage: true });
  const { startSandbox } = await import('@telaio/stytch-sandbox');
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port: flags.port,
      ...(flags['project-id'] === undefined ? {} : { projectId: flags['project-id'] }),
      ...(flags.secret === undefined ? {} : { secret: flags.secret }),
      ...(flags.quiet
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
    const stop = (name: NodeJS.Signals): void => {
      for (const s of STOP_SIGNALS) process.off(s, stop);
      resolve(name);
    };
    for (const s of STOP_SIGNALS) process.on(s, stop);
  });
  await sandbox.close();
  process.stdout.write(`Stytch sandbox stopped (${signal}).\n`);
  return 0;
};
