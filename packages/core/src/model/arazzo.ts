/**
 * The typed, immutable AST of an Arazzo 1.0.x document. It mirrors the specification's objects field
 * for field (specification extensions `x-*` are kept as they are). Loaded documents are deep-frozen.
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

/** Source Description object. */
export interface SourceDescription extends Extensions {
  readonly name: string;
  readonly url: string;
  readonly type?: 'openapi' | 'arazzo';
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
  readonly outputs?: { readonly [name: string]: string };
  readonly parameters?: readonly (Parameter | ReusableObject)[];
}

/** Step object: exactly one of operationId, operationPath, workflowId. */
export interface Step extends Extensions {
  readonly stepId: string;
  readonly description?: string;
  readonly operationId?: string;
  readonly operationPath?: string;
  readonly workflowId?: string;
  readonly parameters?: readonly (Parameter | ReusableObject)[];
  readonly requestBody?: RequestBody;
  readonly successCriteria?: readonly Criterion[];
  readonly onSuccess?: readonly (SuccessAction | ReusableObject)[];
  readonly onFailure?: readonly (FailureAction | ReusableObject)[];
  readonly outputs?: { readonly [name: string]: string };
}

/** Where a parameter goes. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** Parameter object. `in` is required for operation steps, absent for workflow steps. */
export interface Parameter extends Extensions {
  readonly name: string;
  readonly in?: ParameterLocation;
  readonly value: JsonValue;
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
  readonly criteria?: readonly Criterion[];
}

/** Failure action object. */
export interface FailureAction extends Extensions {
  readonly name: string;
  readonly type: 'end' | 'goto' | 'retry';
  readonly workflowId?: string;
  readonly stepId?: string;
  readonly retryAfter?: number;
  readonly retryLimit?: number;
  readonly criteria?: readonly Criterion[];
}

/** Criterion expression type object (`{type: jsonpath, version: rfc9535}`). */
export interface CriterionExpressionType extends Extensions {
  readonly type: 'jsonpath' | 'xpath';
  readonly version: string;
}

/** Criterion object. `type` defaults to `simple`. */
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
  readonly value: JsonValue;
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
