import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../lint/diagnostic.js';
import type { ArazzoDocument } from '../model/arazzo.js';
import type { PositionMap, SourcePosition } from '../model/positions.js';
import type { ArazzoFile } from '../sources/types.js';
import { parseYamlFast } from '../yaml/parse-yaml-fast.js';
import { buildPositionMap, createLazyPositionMap } from './build-position-map.js';
import { deepFreeze } from './deep-freeze.js';
import { type ExpansionProblem, findExpansionProblem } from './find-expansion-problem.js';
import { requireJsYaml } from './require-js-yaml.js';
import { requireYaml } from './require-yaml.js';

/** What loading an Arazzo text gives: the file when it parsed, and the syntax diagnostics. */
export interface LoadArazzoTextResult {
  readonly file?: ArazzoFile;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parse an Arazzo document written in YAML or JSON, keeping the position of every node.
 * Fast path: the fast YAML reader (yaml/parse-yaml-fast.ts, js-yaml's exact value for block-style
 * YAML; no aliases, so no expansion check) or else js-yaml (core schema) gives the value, and `yaml`
 * builds positions only when a position is asked for; when js-yaml refuses the text, `yaml` parses it and its errors are reported. Never throws: text that does not parse (including duplicate keys) yields `yaml-syntax` diagnostics
 * at the error position and no file. The parsed value is deep-frozen. A leading byte order mark is
 * dropped before parsing (positions and `file.text` are those of the text without it). Text with a
 * NUL byte is not a text file: one `yaml-syntax` diagnostic at 1:1. A value whose YAML aliases
 * expand past 100 000 values, or that nests deeper than 256 levels, is refused (`yaml-syntax`
 * at that node) before anything walks it: see find-expansion-problem.ts.
 */
export function loadArazzoText(options: { uri: string; text: string }): LoadArazzoTextResult {
  const { uri } = options;
  const raw = typeof options.text === 'string' ? options.text : String(options.text);
  // A byte order mark is not content: left in, `yaml` counts it as a column on line 1.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\u0000')) return { diagnostics: [notText(uri)] };
  const fast = parseYamlFast(text, { schema: 'core', json: false });
  if (fast.ok) {
    const document = deepFreeze(fast.value) as ArazzoDocument;
    return { file: { uri, text, document, positions: createLazyPositionMap(text) }, diagnostics: [] };
  }
  try {
    const { CORE_SCHEMA, load } = requireJsYaml();
    const value = (load(text, { schema: CORE_SCHEMA, filename: uri }) as unknown) ?? null;
    const positions = createLazyPositionMap(text);
    const problem = findExpansionProblem(value);
    if (problem !== undefined) return { diagnostics: [limitDiagnostic(uri, problem, positions)] };
    const document = deepFreeze(value) as ArazzoDocument;
    return { file: { uri, text, document, positions }, diagnostics: [] };
  } catch {
    // Fall through: `yaml` gives the positioned errors (or accepts what js-yaml did not).
  }
  const { LineCounter, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const { line, col } = lineCounter.linePos(clamped);
    return { line, column: col, offset: clamped };
  };
  const syntax = (message: string, start: number, end: number): Diagnostic => ({
    file: uri,
    code: 'yaml-syntax',
    severity: 'error',
    message,
    range: { start: at(start), end: at(Math.max(start, end)) },
    pointer: '',
  });
  try {
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    if (doc.errors.length > 0) {
      return {
        diagnostics: doc.errors.map((error: YAMLError) =>
          syntax(cleanMessage(error), error.pos[0], error.pos[1]),
        ),
      };
    }
    const value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    const positions = buildPositionMap({ root: doc.contents, lineCounter, textLength: text.length });
    const problem = findExpansionProblem(value);
    if (problem !== undefined) return { diagnostics: [limitDiagnostic(uri, problem, positions)] };
    const file: ArazzoFile = { uri, text, document: deepFreeze(value) as ArazzoDocument, positions };
    return { file, diagnostics: [] };
  } catch (error) {
    // yaml throws on pathological input (alias explosions, odd keys); report it, never crash.
    if (isTooDeep(error)) return { diagnostics: [syntax(TOO_DEEP, 0, 0)] };
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [syntax(`cannot parse: ${message}`, 0, 0)] };
  }
}

/** The `yaml-syntax` diagnostic of a bound the parsed value passes (alias expansion, depth), at its node. */
function limitDiagnostic(uri: string, problem: ExpansionProblem, positions: PositionMap): Diagnostic {
  return {
    file: uri,
    code: 'yaml-syntax',
    severity: 'error',
    message: problem.message,
    range: positions.rangeOf(problem.pointer),
    pointer: problem.pointer,
  };
}

/** The message of a file that is not text (invalid UTF-8 or a NUL byte). */
export const NOT_TEXT = 'not a text file (invalid UTF-8 / NUL byte)';

/** The `yaml-syntax` diagnostic, at 1:1, of a file that is not text. */
export function notText(uri: string): Diagnostic {
  const at = { line: 1, column: 1, offset: 0 };
  return {
    file: uri,
    code: 'yaml-syntax',
    severity: 'error',
    message: NOT_TEXT,
    range: { start: at, end: at },
    pointer: '',
  };
}

const TOO_DEEP = 'nesting too deep';

/** A stack overflow (thrown, or caught by `yaml` and reported as a parse error): nesting too deep. */
function isTooDeep(error: unknown): boolean {
  return (
    error instanceof RangeError ||
    (error instanceof Error && /Maximum call stack size exceeded|too much recursion/.test(error.message))
  );
}

/** The parser's message without its trailing code excerpt. */
function cleanMessage(error: YAMLError): string {
  if (isTooDeep(error)) return TOO_DEEP;
  const first = error.message.split('\n')[0] ?? error.message;
  const text = first.replace(/ at line \d+, column \d+:?$/, '');
  return error.code === 'DUPLICATE_KEY' ? `duplicate key: ${text}` : text;
}
