import { FastYamlGiveUp, giveUp } from './give-up.js';
import type { LazyContext } from './lazy-region.js';
import { buildRegion, readBlockMapping, readBlockSequence, readKeyAt } from './read-block-node.js';
import { readFlowCollection } from './read-flow-collection.js';
import type { ScanState, SpanTable } from './scan-state.js';
import { finishLine, skipBlankLines } from './skip-blank-lines.js';

/** How js-yaml would be called on the text: its schema, and `json` (duplicate keys: last wins). */
export interface FastYamlOptions {
  /** `default`: js-yaml's DEFAULT_SCHEMA (timestamps as Date, merge keys); `core`: CORE_SCHEMA. */
  readonly schema: 'default' | 'core';
  /** js-yaml's `json` option: duplicate keys allowed, the last one wins. */
  readonly json: boolean;
  /** Record each node's offsets by JSON Pointer (positions mode). */
  readonly spans?: SpanTable;
  /**
   * Check the whole text first, then build only the top of the value: large values of mapping
   * entries (collections, and scalars on the key's line) are built when first read (lazy-region.ts).
   * The result and every give-up are the same as without; not with `spans`.
   */
  readonly lazy?: boolean;
  /** With `lazy`: values whose text is at least this long are deferred (default 256; tests use 1). */
  readonly lazyMinLength?: number;
}

/** What the fast reader gives: the value, or why it gave up (then js-yaml must parse the text). */
export type FastYamlResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * Characters the fast reader leaves to js-yaml: tabs, carriage returns, control and C1 characters,
 * NEL, line/paragraph separators, byte order marks and non-characters. Surrogates are checked apart.
 */
const UNUSUAL = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_CR = /\r(?!\n)/;
const CRLF = /\r\n/g;

/**
 * Parse YAML text as js-yaml 4's `load(text, options)` would, for the block-style YAML that
 * generators and people write: block mappings and sequences, plain, quoted and block scalars,
 * comments, one-line flow collections, `---`/`...` markers, LF or CR LF line breaks. Returns exactly js-yaml's value (key
 * order, number types, Dates), or gives up (`ok: false`) on anything else: anchors, aliases, tags,
 * directives, `?` keys, tabs, multi-line flow collections, odd indentation, merge keys, and anything
 * js-yaml would reject. Nesting deeper than MAX_FAST_DEPTH gives up too, so a value it returns has
 * no shared nodes and is far within findExpansionProblem's bounds.
 */
export function parseYamlFast(text: string, options: FastYamlOptions): FastYamlResult {
  let src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.length === 0) return { ok: false, reason: 'empty text' };
  if (src.includes('\r')) {
    // js-yaml reads CR LF as one line break everywhere (never as content): the same value as LF.
    // Offsets would move, so positions mode leaves such text to `yaml`.
    if (options.spans !== undefined || LONE_CR.test(src)) return { ok: false, reason: 'carriage return' };
    src = src.replace(CRLF, '\n');
  }
  if (UNUSUAL.test(src)) return { ok: false, reason: 'unusual character' };
  if (SURROGATE.test(src) && LONE_SURROGATE.test(src)) return { ok: false, reason: 'lone surrogate' };
  if (src.charCodeAt(src.length - 1) !== 0x0a) src += '\n';
  const json = options.json;
  const extended = options.schema === 'default';
  const lazy: LazyContext | undefined =
    options.lazy === true && options.spans === undefined
      ? {
          src,
          json,
          extended,
          minLength: options.lazyMinLength ?? 256,
          regions: new Map(),
          build: buildRegion,
        }
      : undefined;
  const state = (build: boolean): ScanState => ({
    src,
    end: src.length,
    pos: 0,
    lineStart: 0,
    indent: 0,
    marker: 0,
    depth: 0,
    json,
    extended,
    spans: options.spans,
    build,
    lazy,
  });
  try {
    // A lazy parse reads the whole text once without building anything (every give-up happens
    // there), then builds the value with the large regions it recorded deferred.
    if (lazy !== undefined) readDocument(state(false));
    return { ok: true, value: readDocument(state(true)) };
  } catch (error) {
    if (error instanceof FastYamlGiveUp) return { ok: false, reason: error.reason };
    if (error instanceof RangeError) return { ok: false, reason: 'nesting too deep' };
    throw error;
  }
}

function readDocument(s: ScanState): unknown {
  const { src } = s;
  skipBlankLines(s);
  if (s.spans !== undefined && s.marker !== 0) giveUp('positions and document markers');
  if (s.indent === -1 && s.marker === 0x2d) {
    s.pos += 3;
    if (!finishLine(s)) giveUp('content after ---');
    skipBlankLines(s);
  }
  if (s.indent === -1) giveUp('no content');
  // js-yaml takes any `---` opening the first line as the marker, even when text follows it.
  if (s.indent === 0 && src.startsWith('---', s.pos)) giveUp('text after ---');
  const c = src.charCodeAt(s.pos);
  if (c === 0x25) giveUp('directive');
  let value: unknown;
  if (c === 0x2d && (src.charCodeAt(s.pos + 1) === 0x20 || src.charCodeAt(s.pos + 1) === 0x0a)) {
    value = readBlockSequence(s, s.indent, '');
  } else if (readKeyAt(s)) {
    value = readBlockMapping(s, s.indent, '');
  } else if (c === 0x5b || c === 0x7b) {
    if (s.spans !== undefined) giveUp('positions of a root flow collection');
    value = readFlowCollection(s);
    if (!finishLine(s)) giveUp('text after the root flow collection');
  } else {
    giveUp('root is a scalar');
  }
  skipBlankLines(s);
  if (s.indent !== -1) giveUp('content after the root node');
  if (s.marker === 0x2d) giveUp('a second document');
  if (s.marker === 0x2e) {
    if (s.spans !== undefined) giveUp('positions and a document end marker');
    s.pos += 3;
    if (!finishLine(s)) giveUp('content after ...');
    skipBlankLines(s);
    if (s.indent !== -1 || (s.marker as number) !== 0) giveUp('content after ...');
  }
  return value;
}
