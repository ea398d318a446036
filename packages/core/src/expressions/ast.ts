/**
 * The AST of Arazzo runtime expressions (Arazzo 1.0.1 §4.6.13 Runtime Expressions).
 * Parsing lives in parse-expression.ts / parse-template.ts; evaluation in evaluate-expression.ts.
 */

/** Decoded JSON Pointer reference tokens (`#/a~1b/0` → `['a/b', '0']`). */
export type PointerTokens = readonly string[];

/** Where inside a request or response an expression reads. */
export type MessageSource =
  | { readonly type: 'header'; readonly name: string }
  | { readonly type: 'query'; readonly name: string }
  | { readonly type: 'path'; readonly name: string }
  | { readonly type: 'body'; readonly pointer?: PointerTokens }
  /** Arazzo 1.1: `payload[#/pointer]`, the body of a message (read as the body elsewhere). */
  | { readonly type: 'payload'; readonly pointer?: PointerTokens };

/** One runtime expression. `text` is its exact source text. */
export type RuntimeExpression = { readonly text: string } & (
  | { readonly kind: 'url' }
  | { readonly kind: 'method' }
  | { readonly kind: 'statusCode' }
  | { readonly kind: 'request'; readonly source: MessageSource }
  | { readonly kind: 'response'; readonly source: MessageSource }
  /** Arazzo 1.1: `$message.*`, the message an AsyncAPI step sent or received. */
  | { readonly kind: 'message'; readonly source: MessageSource }
  /** Arazzo 1.1: `$self`, the document's `$self` URI. */
  | { readonly kind: 'self' }
  /** `$inputs.name[#/pointer]` */
  | { readonly kind: 'inputs'; readonly name: string; readonly pointer?: PointerTokens }
  /** `$outputs.name[#/pointer]` */
  | { readonly kind: 'outputs'; readonly name: string; readonly pointer?: PointerTokens }
  /** `$steps.stepId.outputs.name[#/pointer]` (`property` is `outputs`; anything else is kept for lint to report). */
  | {
      readonly kind: 'steps';
      readonly stepId: string;
      readonly property: string;
      readonly name?: string;
      readonly pointer?: PointerTokens;
    }
  /** `$workflows.workflowId.(inputs|outputs).name[#/pointer]` */
  | {
      readonly kind: 'workflows';
      readonly workflowId: string;
      readonly property: string;
      readonly name?: string;
      readonly pointer?: PointerTokens;
    }
  /** `$sourceDescriptions.name[.rest]` (`url`, an operationId, or a workflowId of an Arazzo source) */
  | { readonly kind: 'sourceDescriptions'; readonly name: string; readonly property?: string }
  /** `$components.(parameters|inputs|successActions|failureActions).name` */
  | { readonly kind: 'components'; readonly componentType: string; readonly name: string }
);

/** A string with embedded `{$...}` expressions (`Bearer {$steps.login.outputs.token}`). */
export interface Template {
  readonly text: string;
  readonly parts: readonly TemplatePart[];
}

/** A literal chunk or an embedded expression, with its offset in the template text. */
export type TemplatePart =
  | { readonly kind: 'literal'; readonly value: string; readonly offset: number }
  | { readonly kind: 'expression'; readonly expression: RuntimeExpression; readonly offset: number };

/** A syntax error with the offset (0-based, in the parsed text) where it was found. */
export interface ExpressionSyntaxError {
  readonly message: string;
  readonly offset: number;
}

/** Outcome of a parse: an AST or a syntax error, never an exception. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ExpressionSyntaxError };
