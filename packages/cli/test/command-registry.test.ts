/**
 * The command registry is the one source of every command's parser, help and usage errors: for
 * each command, the help lists exactly the flags the parser takes, every flag parses (and reads its
 * environment variable), bad usage has one shape everywhere, and the registry stays light (no
 * command's heavy modules at start) with no import cycle in the CLI's sources.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagSpec } from '../src/commands/command-spec.js';
import { formatCommandHelp, usageLine } from '../src/commands/format-command-help.js';
import { parseCommandLine } from '../src/commands/parse-command-line.js';
import { COMMANDS } from '../src/commands/registry.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const src = path.join(repoRoot, 'packages/cli/src');

function telaio(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A value the flag accepts, and its parsed form. */
function sample(flag: FlagSpec): [string, unknown] {
  if (flag.kind === 'choice')
    return [flag.choices![flag.choices!.length - 1]!, flag.choices![flag.choices!.length - 1]];
  if (flag.kind === 'integer') return [String((flag.min ?? 0) + 1), (flag.min ?? 0) + 1];
  if (flag.kind === 'duration') return ['2s', 2000];
  return ['a=b', flag.multiple === true ? ['a=b'] : 'a=b'];
}

/** The positionals a command needs to parse. */
const positionalsFor = (name: string) =>
  Array.from({ length: COMMANDS[name]!.positionals.min }, () => 'f.yml');

/** Every `--flag` named in the Options section of a help text. */
function helpFlags(help: string): string[] {
  const options = help.split('\nOptions:\n')[1]!.split('\n\n')[0]!;
  return [...options.matchAll(/^ {2}(?:-\w, )?\s*--([a-z-]+)/gm)].map((m) => m[1]!);
}

describe.each(Object.keys(COMMANDS))('telaio %s: help and parser agree (CLI usage)', (name) => {
  const spec = COMMANDS[name]!;
  const help = formatCommandHelp(spec);

  it('the help lists exactly the flags the parser takes, with their short forms and env variables', () => {
    expect(helpFlags(help).sort()).toEqual([...Object.keys(spec.flags), 'help'].sort());
    for (const [flag, declared] of Object.entries(spec.flags)) {
      if (declared.short !== undefined) expect(help).toContain(`-${declared.short}, --${flag}`);
      if (declared.env !== undefined) expect(help).toContain(`env ${declared.env}`);
    }
    expect(help.startsWith(`${usageLine(spec)}\n`)).toBe(true);
  });

  it('every flag the help lists parses, long and short, and from its environment variable', () => {
    for (const [flag, declared] of Object.entries(spec.flags)) {
      const [one, single] = sample(declared);
      // A flag with an operand (`--report html FILE`) takes two values and parses to the pair.
      const operand = declared.operand === undefined ? [] : ['x.out'];
      const value = declared.operand === undefined ? single : [single, 'x.out'];
      const text = [one, ...operand].join(' ');
      const args = declared.kind === 'boolean' ? [`--${flag}`] : [`--${flag}`, one, ...operand];
      expect(parseCommandLine(spec, [...args, ...positionalsFor(name)], {}).flags).toHaveProperty(
        [flag],
        declared.kind === 'boolean' ? true : value,
      );
      if (declared.short !== undefined) {
        const short =
          declared.kind === 'boolean' ? [`-${declared.short}`] : [`-${declared.short}`, one, ...operand];
        expect(parseCommandLine(spec, [...short, ...positionalsFor(name)], {}).flags).toHaveProperty([flag]);
      }
      if (declared.env !== undefined) {
        const env = { [declared.env]: declared.kind === 'boolean' ? '1' : text };
        expect(parseCommandLine(spec, positionalsFor(name), env).flags).toHaveProperty(
          [flag],
          declared.kind === 'boolean' ? true : value,
        );
      }
    }
  });

  it('--help prints the help derived from the registry (exit 0)', () => {
    const r = telaio([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(help);
  });

  it('bad usage has one shape: message, usage line, pointer to --help, exit 2', () => {
    const r = telaio([name, '--frobnicate', ...positionalsFor(name)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `telaio ${name}: unknown option '--frobnicate'\n${usageLine(spec)}\nRun 'telaio ${name} --help' for the options and examples.\n`,
    );
  });
});

/** Static (runtime) imports of each source file of the CLI, resolved to source paths. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(src, file), 'utf8');
    const targets = [...text.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)].map((m) => m[1]!);
    graph.set(
      file,
      targets.map((t) => (t.startsWith('.') ? path.join(path.dirname(file), t).replace(/\.js$/, '.ts') : t)),
    );
  }
  return graph;
}

describe('the CLI sources (CLI structure)', () => {
  const graph = importGraph();

  it('have no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('load only the registry and the command declarations at start: no library, no handler', () => {
    const reached = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    walk('main.ts');
    const outside = [...reached].filter((f) => !graph.has(f) && !f.startsWith('node:'));
    expect(outside).toEqual([]);
    expect([...reached].filter((f) => /handle-|execute-run|validate-files/.test(f))).toEqual([]);
    expect(graph.get('main.ts')).toContain('commands/registry.ts');
  });
});

describe('telaio test --help (response checks)', () => {
  it("lists every response check core has, with its Respect name and core's own summary", async () => {
    const { RESPONSE_CHECK_CODES, RESPONSE_CHECKS } = await import('@telaio/core');
    const help = formatCommandHelp(COMMANDS.test!);
    for (const code of RESPONSE_CHECK_CODES) {
      const check = RESPONSE_CHECKS[code];
      expect(help).toMatch(
        new RegExp(`\\n {2}${code} +${check.respectName} +${check.summary.replace(/[()]/g, '\\$&')}\\n`),
      );
    }
  });
});
