/**
 * Entry point of the `telaio` command: dispatches to a subcommand, loading only what it needs.
 * Returns the process exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    default:
      process.stderr.write(`telaio: unknown command ${JSON.stringify(command ?? '')}\n`);
      return 2;
  }
}
