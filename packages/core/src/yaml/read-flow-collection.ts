import { giveUp } from './give-up.js';
import { readQuotedScalar } from './read-quoted-scalar.js';
import { resolvePlainScalar } from './resolve-plain-scalar.js';
import { MAX_FAST_DEPTH, type ScanState } from './scan-state.js';
import { skipSpaces } from './skip-blank-lines.js';
import { storeKey } from './store-key.js';

/** Where a plain scalar stops inside a flow collection. */
const FLOW_STOP = /[,[\]{}\n]|:[ \n,[\]{}]| #/g;

/**
 * Read a flow sequence (`[a, b]`) or mapping (`{a: 1}`) that starts at `s.pos` and closes on the same
 * line, as js-yaml's readFlowCollection does (single-pair mappings inside sequences, empty values as
 * null). Leaves `pos` after the closing bracket. Gives up on line breaks, comments, `?` keys, empty
 * keys, anchors, aliases and tags inside it; in positions mode, on any entry (their offsets are not kept).
 */
export function readFlowCollection(s: ScanState): unknown {
  const { src } = s;
  if (++s.depth > MAX_FAST_DEPTH) giveUp('nesting too deep');
  const start = s.pos;
  const isMapping = src.charCodeAt(start) === 0x7b;
  const terminator = isMapping ? 0x7d : 0x5d;
  const result: Record<string, unknown> | unknown[] = isMapping ? {} : [];
  let readNext = true;
  let p = start + 1;
  for (;;) {
    p = skipSpaces(src, p);
    const c = src.charCodeAt(p);
    if (c === 0x0a || c === 0x23 || Number.isNaN(c)) giveUp('flow collection over several lines');
    if (c === terminator) {
      s.pos = p + 1;
      s.depth--;
      return result;
    }
    if (!readNext) giveUp('missing comma in a flow collection');
    if (c === 0x2c) giveUp('empty flow entry');
    if (c === 0x3f) {
      const next = src.charCodeAt(p + 1);
      if (next === 0x20 || next === 0x0a) giveUp('explicit key in a flow collection');
    }
    if (s.spans !== undefined) giveUp('positions inside flow collections');
    s.pos = p;
    const key = readFlowNode(s);
    if (!nodeFound) giveUp('empty key in a flow collection');
    const keyIsPlain = nodeWasPlain;
    p = skipSpaces(src, s.pos);
    let value: unknown = null;
    let isPair = false;
    if (src.charCodeAt(p) === 0x3a) {
      isPair = true;
      p = skipSpaces(src, p + 1);
      if (src.charCodeAt(p) === 0x0a) giveUp('flow value on the next line');
      s.pos = p;
      value = readFlowNode(s);
      p = s.pos;
    }
    if (isMapping) {
      storeKey(s, result as Record<string, unknown>, key, keyIsPlain, value);
    } else if (isPair) {
      const pair: Record<string, unknown> = {};
      storeKey(s, pair, key, keyIsPlain, value);
      (result as unknown[]).push(pair);
    } else {
      (result as unknown[]).push(key);
    }
    p = skipSpaces(src, p);
    if (src.charCodeAt(p) === 0x2c) {
      readNext = true;
      p++;
    } else {
      readNext = false;
    }
  }
}

/** Whether the last readFlowNode found a node (js-yaml: an empty node is null). */
let nodeFound = false;
/** Whether the last node found was a plain scalar (a plain `<<` key is a merge key). */
let nodeWasPlain = false;

/** One node inside a flow collection at `s.pos`: a nested collection, a quoted or a plain scalar. */
function readFlowNode(s: ScanState): unknown {
  const { src } = s;
  const p = s.pos;
  const c = src.charCodeAt(p);
  nodeFound = true;
  nodeWasPlain = false;
  if (c === 0x5b || c === 0x7b) return readFlowCollection(s);
  if (c === 0x22 || c === 0x27) {
    const text = readQuotedScalar(s, true);
    if (text === undefined) giveUp('quoted scalar over several lines in a flow collection');
    return text;
  }
  if (c === 0x21 || c === 0x26 || c === 0x2a) giveUp('tag, anchor or alias');
  if (!isFlowPlainStart(src, p)) {
    nodeFound = false;
    return null;
  }
  FLOW_STOP.lastIndex = p;
  const m = FLOW_STOP.exec(src) as RegExpExecArray;
  const stop = m.index;
  if (src.charCodeAt(stop) === 0x0a) giveUp('plain scalar over several lines in a flow collection');
  let e = stop;
  while (src.charCodeAt(e - 1) === 0x20) e--;
  if (e <= p) giveUp('empty plain scalar in a flow collection');
  s.pos = stop;
  nodeWasPlain = true;
  return resolvePlainScalar(src.slice(p, e), s.extended);
}

function isFlowPlainStart(src: string, p: number): boolean {
  const c = src.charCodeAt(p);
  switch (c) {
    case 0x20:
    case 0x0a:
    case 0x2c:
    case 0x5b:
    case 0x5d:
    case 0x7b:
    case 0x7d:
    case 0x23:
    case 0x26:
    case 0x2a:
    case 0x21:
    case 0x7c:
    case 0x3e:
    case 0x27:
    case 0x22:
    case 0x25:
    case 0x40:
    case 0x60:
      return false;
    case 0x3f:
    case 0x2d:
    case 0x3a: {
      const next = src.charCodeAt(p + 1);
      return !(next === 0x20 || next === 0x0a || isFlowIndicator(next));
    }
    default:
      return !Number.isNaN(c);
  }
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}
