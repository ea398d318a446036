/**
 * The typed, immutable AST of an Arazzo 1.0.x or 1.1.x document. It mirrors the specification's
 * objects field for field (specification extensions `x-*` are kept as they are); fields only 1.1
 * defines are optional and marked "1.1" (a 1.0 document carrying them fails its own schema, so code
 * past validation may rely on them being absent there). Loaded documents are deep-frozen.
 */

/** A JSON value as it appears in a document. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Specification extensions (`x-...`) of any object. */
export type Extensions = { readonly [key: `x-${string}`]: JsonValue };

/** The root Arazzo object. */
export interface ArazzoDocument extends Extensions {
  readonly arazzo: string;
  /**
   * 1.1: the document's self-assigned URI-reference (no fragment). When present it is the base URI
   * for relative references in this document (resolved first against the retrieval URI when itself
   * relative), and other documents refer to this one by it (identity-based referencing).
   */
  readonly $self?: string;
  readonly info: Info;
  readonly sourceDescriptions: readonly SourceDescription[];
  readonly workflows: readonly Workflow[];
  readonly components?: Components;
}

/** Info object. */
export interface Info extends Extensions {
  readonly title: string;
  readonly summary?: string;
  readonly description?: string;
  readonly version: string;
}

/** The kinds of source description: `asyncapi` is 1.1 only. */
export type SourceType = 'openapi' | 'asyncapi' | 'arazzo';

/** Source Description object. */
export interface SourceDescription extends Extensions {
  readonly name: string;
  readonly url: string;
  readonly type?: SourceType;
}

/** Workflow object. */
export interface Workflow extends Extensions {
  readonly workflowId: string;
  readonly summary?: string;
  readonly description?: string;
  readonly inputs?: JsonSchema;
  readonly dependsOn?: readonly string[];
  readonly steps: readonly Step[];
  readonly successActions?: readonly (SuccessAction | ReusableObject)[];
  readonly failureActions?: readonly (FailureAction | ReusableObject)[];
  readonly outputs?: Outputs;
  readonly parameters?: readonly (Parameter | ReusableObject)[];
}

/**
 * Workflow or step outputs: friendly name → runtime expression, or (1.1) a Selector Object applied
 * to a runtime expression's value.
 */
export type Outputs = { readonly [name: string]: string | SelectorObject };

/** What a message step (1.1, AsyncAPI) does on its channel. */
export type MessageAction = 'send' | 'receive';

/**
 * Step object: exactly one of operationId, operationPath, workflowId (and, in 1.1, channelPath).
 * `operationId` may name an OpenAPI or (1.1) an AsyncAPI operation.
 */
export interface Step extends Extensions {
  readonly stepId: string;
  readonly description?: string;
  readonly operationId?: string;
  readonly operationPath?: string;
  /**
   * 1.1: `{$sourceDescriptions.<name>.url}#/<json-pointer>` to an AsyncAPI channel. Exclusive with
   * operationId, operationPath and workflowId.
   */
  readonly channelPath?: string;
  readonly workflowId?: string;
  readonly parameters?: readonly (Parameter | ReusableObject)[];
  readonly requestBody?: RequestBody;
  readonly successCriteria?: readonly Criterion[];
  readonly onSuccess?: readonly (SuccessAction | ReusableObject)[];
  readonly onFailure?: readonly (FailureAction | ReusableObject)[];
  readonly outputs?: Outputs;
  /** 1.1: milliseconds to wait for the step to complete before aborting and failing it (integer). */
  readonly timeout?: number;
  /**
   * 1.1: links a received message to its request; only for AsyncAPI steps with `action: receive`.
   * A runtime expression or a literal.
   */
  readonly correlationId?: string;
  /** 1.1: whether an AsyncAPI step sends or receives; only for AsyncAPI steps. */
  readonly action?: MessageAction;
  /**
   * 1.1: steps that must complete before this one: a stepId of this workflow,
   * `$workflows.<workflowId>.steps.<stepId>`, or `$sourceDescriptions.<name>.<workflowId>.steps.<stepId>`.
   * Prerequisites only: they are not run because of it.
   */
  readonly dependsOn?: readonly string[];
}

/**
 * Where a parameter goes. `querystring` (1.1, for OpenAPI 3.2 operations) is the whole query string
 * as one pre-formatted value and cannot coexist with `query` parameters on one operation.
 */
export type ParameterLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

/**
 * Parameter object. `in` is required for operation steps, absent for workflow steps and (1.1) for
 * action parameters. In 1.1 `value` may also be a Selector Object (told apart by its `selector` key).
 */
export interface Parameter extends Extensions {
  readonly name: string;
  readonly in?: ParameterLocation;
  readonly value: JsonValue | SelectorObject;
}

/** Reusable object: `{reference: $components.x.y, value?}`. */
export interface ReusableObject {
  readonly reference: string;
  readonly value?: JsonValue;
}

/** Success action object. */
export interface SuccessAction extends Extensions {
  readonly name: string;
  readonly type: 'end' | 'goto';
  readonly workflowId?: string;
  readonly stepId?: string;
  /** 1.1: inputs passed to the workflow named by `workflowId` (no `in`, no duplicates). */
  readonly parameters?: readonly (Parameter | ReusableObject)[];
  readonly criteria?: readonly Criterion[];
}

/** Failure action object. */
export interface FailureAction extends Extensions {
  readonly name: string;
  readonly type: 'end' | 'goto' | 'retry';
  readonly workflowId?: string;
  readonly stepId?: string;
  /** 1.1: inputs passed to the workflow named by `workflowId` (no `in`, no duplicates). */
  readonly parameters?: readonly (Parameter | ReusableObject)[];
  readonly retryAfter?: number;
  readonly retryLimit?: number;
  readonly criteria?: readonly Criterion[];
}

/**
 * Criterion expression type object (1.0) / Expression Type Object (1.1): a selector language and its
 * version. 1.0 allows jsonpath `draft-goessner-dispatch-jsonpath-00` and xpath `xpath-10|20|30`; 1.1
 * adds jsonpath `rfc9535`, xpath `xpath-31` and `jsonpointer` `rfc6901` (not in criteria). A type
 * alias rather than an interface so that it (and a Selector Object holding it) is a JsonValue.
 */
export type CriterionExpressionType = Extensions & {
  readonly type: SelectorType;
  readonly version: string;
};

/** 1.1 name of the same object, as the specification calls it. */
export type ExpressionType = CriterionExpressionType;

/** Selector languages. `jsonpointer` is 1.1 and only for selectors and replacement targets. */
export type SelectorType = 'jsonpath' | 'xpath' | 'jsonpointer';

/**
 * 1.1 Selector Object: `selector` applied to the structured value of the runtime expression
 * `context`. Allowed as an output value, a parameter value, a payload replacement value and anywhere
 * inside a request body payload. All three fields are required. A type alias so that it is a
 * JsonValue: code written for 1.0 that treats these values as JSON keeps compiling.
 */
export type SelectorObject = Extensions & {
  readonly context: string;
  readonly selector: string;
  readonly type: SelectorType | ExpressionType;
};

/**
 * Criterion object. `type` defaults to `simple`. The standard names are listed; a criterion plugin
 * registered with the engine may define others, so code must not assume the list is closed.
 */
export interface Criterion extends Extensions {
  readonly context?: string;
  readonly condition: string;
  readonly type?: 'simple' | 'regex' | 'jsonpath' | 'xpath' | CriterionExpressionType;
}

/** Request body object. */
export interface RequestBody extends Extensions {
  readonly contentType?: string;
  readonly payload?: JsonValue;
  readonly replacements?: readonly PayloadReplacement[];
}

/** Payload replacement object. */
export interface PayloadReplacement extends Extensions {
  readonly target: string;
  /**
   * 1.1: how `target` is read. Omitted: a JSON Pointer for JSON payloads, an XPath for XML ones
   * (the 1.0 rule).
   */
  readonly targetSelectorType?: SelectorType | ExpressionType;
  /** A constant, a runtime expression or (1.1) a Selector Object. */
  readonly value: JsonValue | SelectorObject;
}

/** Components object. */
export interface Components extends Extensions {
  readonly inputs?: { readonly [name: string]: JsonSchema };
  readonly parameters?: { readonly [name: string]: Parameter };
  readonly successActions?: { readonly [name: string]: SuccessAction };
  readonly failureActions?: { readonly [name: string]: FailureAction };
}

/** A JSON Schema (draft 2020-12) as found in `inputs`. */
export type JsonSchema = { readonly [key: string]: JsonValue } | boolean;
