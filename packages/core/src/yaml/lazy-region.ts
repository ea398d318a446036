/**
 * What a lazy parse shares between its checking pass, its building pass and every later build of a
 * deferred value: the text, js-yaml's options, and the regions the checking pass recorded.
 */
export interface LazyContext {
  /** The text as the reader saw it (byte order mark and CR LF already handled, ending with a line feed). */
  readonly src: string;
  /** js-yaml's `json` option (duplicate keys: last wins). */
  readonly json: boolean;
  /** DEFAULT_SCHEMA rather than CORE_SCHEMA. */
  readonly extended: boolean;
  /** Values whose text is at least this long (in UTF-16 units) are deferred. */
  readonly minLength: number;
  /** Start offset → end offset of each value the checking pass found large enough to defer. */
  readonly regions: Map<number, number>;
  /** Build a deferred value (read-block-node.ts's buildRegion). */
  readonly build: (region: LazyRegion) => unknown;
}

/**
 * A value below a mapping key whose text the checking pass has read and accepted, not yet built:
 * where it starts and ends, and the reader's state there, so that building it later runs the very
 * code (with the very state) that building it in place would have run.
 */
export class LazyRegion {
  /** The built value, once someone read it. */
  value: unknown;
  built = false;
  constructor(
    readonly context: LazyContext,
    /** Offset of its first character (its first key, dash or scalar). */
    readonly start: number,
    /** Offset of the start of that line. */
    readonly lineStart: number,
    /** Collections open around it. */
    readonly depth: number,
    /** The column of the mapping that holds it. */
    readonly parentIndent: number,
    /** Where it starts (read-block-node.ts): on the lines after its key, a block sequence at its key's column, or on its key's line. */
    readonly kind: number,
    /** Offset of the start of the line after it: where building it must stop. */
    readonly end: number,
  ) {}

  /** The value, built on the first call. */
  get(): unknown {
    if (!this.built) {
      this.value = this.context.build(this);
      this.built = true;
    }
    return this.value;
  }
}

/** The getters defineLazyValue made: isLazyValue tells them from other accessors. */
const LAZY_GETTERS = new WeakSet<() => unknown>();

/**
 * Give `mapping` the enumerable property `name` whose value `region` builds on first read; that read
 * (or a write) turns it into a plain data property at the same place in the key order. Until then it
 * reads, spreads, serialises (JSON.stringify, structuredClone) and enumerates as the built value
 * would. A mapping frozen before the first read keeps the getter, which returns the one built value.
 */
export function defineLazyValue(mapping: Record<string, unknown>, name: string, region: LazyRegion): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(mapping, name, { value, writable: true, enumerable: true, configurable: true });
  };
  const get = (): unknown => {
    const value = region.get();
    const now = Object.getOwnPropertyDescriptor(mapping, name);
    if (now?.get === get && now.configurable === true) settle(value);
    return value;
  };
  LAZY_GETTERS.add(get);
  Object.defineProperty(mapping, name, { get, set: settle, enumerable: true, configurable: true });
}

/**
 * Whether `object`'s own property `name` is a value of a lazy YAML parse not built yet: then it is
 * there and not undefined, and reading it would build it.
 */
export function isLazyValue(object: object, name: string): boolean {
  const get = Object.getOwnPropertyDescriptor(object, name)?.get;
  return get !== undefined && LAZY_GETTERS.has(get as () => unknown);
}
