import type { LazyContext } from './lazy-region.js';

/** Where the fast YAML reader is in a text, and what it was asked for (one object per parse). */
export interface ScanState {
  /** The text, ending with a line feed (added when missing, as js-yaml does). */
  readonly src: string;
  /** `src.length`. */
  readonly end: number;
  /** The current offset. Readers leave it at the start of a line, or at content after `skipBlankLines`. */
  pos: number;
  /** After `skipBlankLines`: the start of the line holding `pos`. */
  lineStart: number;
  /** After `skipBlankLines`: the column of `pos`, or -1 at the end of the text or at a document marker. */
  indent: number;
  /** After `skipBlankLines` returned -1 at a marker: its character (`-` or `.`); else 0. */
  marker: number;
  /** Collections open around `pos`. */
  depth: number;
  /** Duplicate keys: last wins (js-yaml's `json: true`), or give up (js-yaml would throw). */
  readonly json: boolean;
  /** js-yaml's DEFAULT_SCHEMA (timestamps, merge keys) rather than CORE_SCHEMA. */
  readonly extended: boolean;
  /** Records node offsets by JSON Pointer when set (positions mode). */
  readonly spans: SpanTable | undefined;
  /**
   * False in the checking pass of a lazy parse: every node is read and checked as when building,
   * but no value is made (collections, scalars' texts) and the large values of mapping entries are
   * recorded in `lazy.regions`. True when building values.
   */
  readonly build: boolean;
  /** Lazy parses only: the regions the checking pass recorded, and how to build one (lazy-region.ts). */
  readonly lazy: LazyContext | undefined;
}

/** Offsets [start, end] of a node's value and of its key, by JSON Pointer. */
export type SpanTable = Map<string, SpanEntry>;

/** One row of a SpanTable: the value's offsets and, for a mapping value, its key's. */
export interface SpanEntry {
  readonly value: readonly [number, number];
  readonly key?: readonly [number, number];
}

/** Collections nested deeper than this make the reader give up (js-yaml refuses 100 levels). */
export const MAX_FAST_DEPTH = 90;
