/**
 * Entry point of the `telaio` command: dispatches to a subcommand, loading only the module that
 * command needs (cold start matters for pre-commit hooks and CI). Returns the process exit code.
 */

/** A subcommand: takes its own arguments, returns the exit code. */
export type Command = (argv: readonly string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  validate: {
    summary: 'check Arazzo documents and the sources they name',
    load: () => import('./validate/command.js'),
  },
  run: { summary: 'run one workflow of an Arazzo document', load: () => import('./run/command.js') },
  test: {
    summary: 'run every workflow of documents as tests, responses checked against their OpenAPI',
    load: () => import('./test/command.js'),
  },
  list: {
    summary: 'list the workflows of a document with their inputs and outputs',
    load: () => import('./list/command.js'),
  },
  sandbox: {
    summary: 'start the local Stytch-compatible sandbox',
    load: () => import('./sandbox/command.js'),
  },
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && topic in commands) return (await commands[topic]!.load()).command(['--help']);
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const entry = commands[name];
  if (entry === undefined) {
    process.stderr.write(`telaio: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return (await entry.load()).command(rest);
}

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)}${c.summary}`);
  return [
    'telaio: an Arazzo workflow engine',
    '',
    'Usage: telaio <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Examples:',
    '  telaio validate specs/arazzo/*.yml',
    '  telaio list specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
    '  telaio run flow.arazzo.yaml --input petId=42 --server petstore=http://localhost:8080',
    '  telaio run specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml --sandbox --input organization_id=... \\',
    "      --input member_id=... --input-from 'code=totp:$steps.createTotp.outputs.secret'",
    '',
    "Run 'telaio <command> --help' for a command's options and examples.",
    '',
  ].join('\n');
}
