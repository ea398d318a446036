import type { CommandInfo, FlagSpec, FlagSpecs } from './command-spec.js';

const COLUMN = 31;

/** `telaio NAME [options] FILE...`: the usage line, from the spec's positionals. */
export function usageLine(spec: CommandInfo): string {
  const { name, min, max } = spec.positionals;
  const one = max === 1 ? name : `${name}...`;
  const positional = max === 0 ? '' : min === 0 ? ` [${one}]` : ` ${one}`;
  return `Usage: telaio ${spec.name} [options]${positional}`;
}

/** The left column of one flag: `-f, --format stylish|json`, `    --report html FILE`. */
export function flagSynopsis(name: string, flag: FlagSpec): string {
  const short = flag.short === undefined ? '    ' : `-${flag.short}, `;
  const value =
    flag.kind === 'boolean'
      ? ''
      : ` ${flag.kind === 'choice' ? (flag.choices ?? []).join('|') : (flag.placeholder ?? 'VALUE')}`;
  const operand = flag.operand === undefined ? '' : ` ${flag.operand}`;
  return `${short}--${name}${value}${operand}`;
}

/** The help text of one flag: its own lines, then its default and environment variable. */
function flagHelp(flag: FlagSpec): string[] {
  const lines = flag.help.split('\n');
  const notes: string[] = [];
  if (typeof flag.default === 'string') notes.push(`default ${flag.default}`);
  if (flag.multiple === true) notes.push('repeatable');
  if (flag.env !== undefined) notes.push(`env ${flag.env}${flag.multiple === true ? ', a comma list' : ''}`);
  if (notes.length > 0) lines.push(`[${notes.join('; ')}]`);
  return lines;
}

/** The Options section: every declared flag, then -h/--help. */
function optionLines(flags: FlagSpecs): string[] {
  const out: string[] = [];
  const entries: [string, string[]][] = Object.entries(flags).map(([name, flag]) => [
    flagSynopsis(name, flag),
    flagHelp(flag),
  ]);
  entries.push(['-h, --help', ['show this help']]);
  for (const [synopsis, help] of entries) {
    const left = `  ${synopsis}`;
    const [first, ...rest] = help;
    if (left.length < COLUMN - 1) out.push(`${left.padEnd(COLUMN)}${first ?? ''}`);
    else out.push(left, `${' '.repeat(COLUMN)}${first ?? ''}`);
    for (const line of rest) out.push(`${' '.repeat(COLUMN)}${line}`);
  }
  return out;
}

/** The whole `telaio NAME --help` text, from the spec alone. */
export function formatCommandHelp(spec: CommandInfo): string {
  const sections = (spec.sections ?? []).flatMap((s) => ['', `${s.title}:`, ...indent(s.text)]);
  return [
    usageLine(spec),
    '',
    spec.description.trimEnd(),
    '',
    'Options:',
    ...optionLines(spec.flags),
    ...sections,
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

function indent(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`));
}
