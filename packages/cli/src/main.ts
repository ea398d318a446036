/**
 * Entry point of the `telaio` command: top-level help and version, else dispatch to the command
 * the registry names. Each command is parsed, helped and reported from its own declaration
 * (commands/registry.ts); its handler, and the libraries it needs, load only when it runs.
 */

import { executeCommand } from './commands/execute-command.js';
import { COMMANDS } from './commands/registry.js';
import { suggestCommand } from './commands/suggest-flag.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const spec = topic === undefined ? undefined : COMMANDS[topic];
    if (spec !== undefined) return executeCommand(spec, ['--help']);
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const spec = COMMANDS[name];
  if (spec === undefined) {
    const hint = suggestCommand(name, Object.keys(COMMANDS));
    process.stderr.write(
      `telaio: unknown command '${name}'${hint === undefined ? '' : ` (did you mean '${hint}'?)`}\n` +
        "Run 'telaio --help' for the commands.\n",
    );
    return 2;
  }
  return executeCommand(spec, rest);
}

/** `telaio --help`: the commands from the registry, and examples. */
function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.name.padEnd(10)}${c.summary}`);
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
