/**
 * `telaio test` and `telaio mcp` read the flags they share with `telaio run` through run's own
 * reading (toRunOptions): the run flags they hand it are run's declarations at their defaults,
 * with the shared ones as given. A flag added to run can therefore not be missing there, and a
 * flag added to both commands must either be passed through or be named as meaning something else.
 */
import { describe, expect, it } from 'vitest';
import type { FlagSpec, FlagSpecs } from '../src/commands/command-spec.js';
import { parseCommandLine } from '../src/commands/parse-command-line.js';
import { mcpCommand } from '../src/mcp/command.js';
import { MCP_RUN_FLAGS, toMcpRunFlags } from '../src/mcp/handle-mcp.js';
import { runCommand } from '../src/run/command.js';
import { testCommand } from '../src/test/command.js';
import { TEST_RUN_FLAGS, toTestRunFlags } from '../src/test/to-test-options.js';

/** A value the flag accepts on the command line, and its parsed form (`[value, operand]` with an operand). */
function sample(flag: FlagSpec): [string, unknown] {
  if (flag.operand !== undefined) {
    const [text, value] = sample({ ...flag, operand: undefined });
    return [text, [value, 'x.out']];
  }
  if (flag.kind === 'boolean') return ['', true];
  if (flag.kind === 'choice') return [flag.choices!.at(-1)!, flag.choices!.at(-1)];
  if (flag.kind === 'integer') return [String((flag.min ?? 0) + 7), (flag.min ?? 0) + 7];
  if (flag.kind === 'duration') return ['3s', 3000];
  return ['a=b', flag.multiple === true ? ['a=b'] : 'a=b'];
}

const argv = (name: string, flag: FlagSpec): string[] => [
  ...(flag.kind === 'boolean' ? [`--${name}`] : [`--${name}`, sample(flag)[0]]),
  ...(flag.operand === undefined ? [] : ['x.out']),
];

const runDefaults = parseCommandLine(runCommand, ['f.yml'], {}).flags as Record<string, unknown>;

const cases = [
  {
    command: mcpCommand as { flags: FlagSpecs },
    shared: MCP_RUN_FLAGS as readonly string[],
    // Flags of both commands whose meaning differs in mcp (none today).
    differ: [] as string[],
    toRunFlags: (argv: string[]) => toMcpRunFlags(parseCommandLine(mcpCommand, ['f.yml', ...argv], {}).flags),
  },
  {
    command: testCommand as { flags: FlagSpecs },
    shared: TEST_RUN_FLAGS as readonly string[],
    differ: ['workflow', 'severity', 'format', 'output'],
    toRunFlags: (argv: string[]) =>
      toTestRunFlags(parseCommandLine(testCommand, ['f.yml', ...argv], {}).flags),
  },
];

describe.each(cases)('telaio $command.name hands run every run flag (CLI usage)', (c) => {
  it('every flag telaio run declares is there, a flag of run only at run’s own default', () => {
    const produced = c.toRunFlags([]) as Record<string, unknown>;
    expect(Object.keys(produced).sort()).toEqual(Object.keys(runCommand.flags).sort());
    for (const name of Object.keys(runCommand.flags))
      if (!c.shared.includes(name) && name !== 'format') expect(produced[name]).toEqual(runDefaults[name]);
    expect(produced.format).toBe('json');
  });

  it('a flag both commands declare is passed through as given, or named as meaning something else', () => {
    const both = Object.keys(c.command.flags).filter((name) => name in runCommand.flags);
    expect([...c.shared, ...c.differ].sort()).toEqual(both.sort());
    for (const name of c.shared) {
      const flag = c.command.flags[name]!;
      const produced = c.toRunFlags(argv(name, flag)) as Record<string, unknown>;
      expect(produced[name], `--${name}`).toEqual(sample(flag)[1]);
    }
  });
});
