/** A position in a source text: 1-based line and column, 0-based offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** The span of one node in a source text. */
export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/**
 * Where every node of a loaded document sits in its text, keyed by JSON Pointer
 * (`/workflows/0/steps/1/operationId`; the root is the empty string).
 */
export interface PositionMap {
  /** Range of the value at `pointer`, or of its nearest existing ancestor when it does not exist. */
  rangeOf(pointer: string): SourceRange;
  /** Range of the key of the property at `pointer` (for "unknown field" diagnostics), if it is a mapping key. */
  keyRangeOf(pointer: string): SourceRange | undefined;
}
