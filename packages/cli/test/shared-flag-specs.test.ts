/**
 * Flags several commands declare (`--severity`, `--strict`, `--server`, `--auth`, `--timeout`...)
 * come from one declaration, shared/flag-specs.ts: every command that declares a flag of one of
 * those names keeps its kind, placeholder, repeatability, choices, default and environment
 * variable (its help may be worded for the command; test's variables are TELAIO_<FLAG>).
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/registry.js';
import { SHARED_FLAGS, UNSHARED_FLAGS } from '../src/shared/flag-specs.js';

const uses = Object.values(COMMANDS).flatMap((command) =>
  Object.entries(command.flags)
    .filter(([name]) => name in SHARED_FLAGS && !UNSHARED_FLAGS.includes(`${command.name} --${name}`))
    .map(([name, spec]) => ({ command: command.name, name, spec })),
);

describe('shared flag specs (CLI usage)', () => {
  it.each(uses)('telaio $command --$name is the shared declaration', ({ command, name, spec }) => {
    const {
      help: _help,
      env,
      ...fields
    } = SHARED_FLAGS[name as keyof typeof SHARED_FLAGS] as {
      help?: string;
      env?: string;
    };
    expect(spec).toMatchObject(fields);
    const tests = `TELAIO_${name.toUpperCase().replace(/-/g, '_')}`;
    if (env !== undefined) expect(spec.env).toBe(command === 'test' ? tests : env);
  });

  it('run and validate share --severity and --strict; run and mcp --server, --auth, --timeout', () => {
    expect(COMMANDS.run!.flags.severity).toBe(COMMANDS.validate!.flags.severity);
    expect(COMMANDS.validate!.flags.strict).toMatchObject(SHARED_FLAGS.strict);
    expect(COMMANDS.run!.flags.server).toBe(COMMANDS.mcp!.flags.server);
    expect(COMMANDS.run!.flags.timeout).toBe(COMMANDS.mcp!.flags.timeout);
    expect(uses.length).toBeGreaterThan(25);
  });
});
