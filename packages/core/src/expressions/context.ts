/**
 * The values a runtime expression can read at one moment of one run. The engine builds one per
 * evaluation point (step request, criteria, outputs); tests build them by hand.
 */
export interface ExpressionContext {
  /** `$url`: the full URL of the request just sent. */
  readonly url?: string;
  /** `$method`: upper-case HTTP method of the request just sent. */
  readonly method?: string;
  /** `$statusCode` of the response just received. */
  readonly statusCode?: number;
  /** `$request.*`. */
  readonly request?: MessageView;
  /** `$response.*`. */
  readonly response?: MessageView;
  /** Arazzo 1.1 `$message.*`: the message an AsyncAPI step sent or received (`payload` is its body). */
  readonly message?: MessageView;
  /** Arazzo 1.1 `$self`: the running document's `$self` URI, when it has one. */
  readonly self?: string;
  /** `$inputs.*` of the running workflow. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** `$outputs.*` of the running workflow (as computed so far). */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** `$steps.<id>.outputs.*` of steps already run in this workflow. */
  readonly steps: Readonly<Record<string, { readonly outputs: Readonly<Record<string, unknown>> }>>;
  /** `$workflows.<id>.inputs|outputs.*` of workflows run so far in this run. */
  readonly workflows: Readonly<
    Record<
      string,
      {
        readonly inputs?: Readonly<Record<string, unknown>>;
        readonly outputs?: Readonly<Record<string, unknown>>;
      }
    >
  >;
  /** `$sourceDescriptions.<name>.*`: `{url, type, ...}` of each source. */
  readonly sourceDescriptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `$components.<type>.<name>`. */
  readonly components: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A request or response as expressions see it. Header names are lower-case. */
export interface MessageView {
  readonly headers: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly path?: Readonly<Record<string, string>>;
  /** Parsed body (JSON value, XML/text as string) or undefined when empty. */
  readonly body?: unknown;
}

/**
 * Called when an expression is well formed but reaches nothing (missing output, pointer miss).
 * The value stays missing (undefined) unless the listener returns `standIn(value)`.
 */
export type MissingValueListener = (info: {
  readonly expression: string;
  readonly reason: string;
}) => unknown;

const STAND_IN: unique symbol = Symbol('telaio.standIn');

/** A value a MissingValueListener gives in place of the one an expression could not reach. */
export interface StandIn {
  readonly [STAND_IN]: true;
  readonly value: unknown;
}

/** Wraps `value` so that a MissingValueListener returning it makes it stand in for the missing value. */
export function standIn(value: unknown): StandIn {
  return { [STAND_IN]: true, value };
}

/** The stand-in value a MissingValueListener returned, or undefined (anything else it returns is ignored). */
export function standInValue(returned: unknown): unknown {
  return typeof returned === 'object' && returned !== null && STAND_IN in returned
    ? (returned as StandIn).value
    : undefined;
}
