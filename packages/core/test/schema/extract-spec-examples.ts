/**
 * Test helper: the YAML and JSON examples of an Arazzo specification text (the Markdown as
 * published), each with the line it starts on and the headings it stands under.
 */

/** One fenced example of the specification. */
export interface SpecExample {
  readonly language: 'yaml' | 'json';
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** Nearest `####` heading above it (the object it illustrates), without the hashes. */
  readonly section: string;
  /** Nearest heading of any level above it. */
  readonly heading: string;
}

/** Every ```yaml and ```json block of `markdown`, in order. */
export function extractSpecExamples(markdown: string): SpecExample[] {
  const out: SpecExample[] = [];
  const lines = markdown.split('\n');
  let section = '';
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const title = /^(#{1,6})\s+(.*)$/.exec(line);
    if (title !== null) {
      heading = title[2]!.trim();
      if (title[1]!.length <= 4) section = heading;
      continue;
    }
    const fence = /^```(yaml|json)\s*$/.exec(line.trim());
    if (fence === null) {
      if (line.trim().startsWith('```')) i = closing(lines, i);
      continue;
    }
    const end = closing(lines, i);
    out.push({
      language: fence[1] as 'yaml' | 'json',
      text: lines.slice(i + 1, end).join('\n'),
      line: i + 1,
      section,
      heading,
    });
    i = end;
  }
  return out;
}

function closing(lines: readonly string[], open: number): number {
  for (let j = open + 1; j < lines.length; j++) if ((lines[j] ?? '').trim() === '```') return j;
  return lines.length;
}
