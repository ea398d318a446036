/**
 * The shape of one implicit response check, as the registry (response-checks.ts) holds it.
 */
import type { ReceivedResponse } from '../adapters/transport.js';
import type { OperationInfo } from '../sources/types.js';
import type { DescriptionLocation, ResponseCheckCode } from './check-types.js';
import type { DescriptionFiles, LocatedNode } from './create-description-files.js';
import type { SchemaValidators } from './create-schema-validators.js';

/** What a check is given: the exchange, the documented response it falls under, the files. */
export interface CheckContext {
  readonly operation: OperationInfo;
  readonly response: ReceivedResponse;
  /** The key of `operation.responses` the status falls under (`200`, `2XX`, `default`), if any. */
  readonly statusKey: string | undefined;
  /** That response object, as resolved in the source summary. */
  readonly documented: { readonly content?: { readonly [mediaType: string]: unknown } } | undefined;
  /** Absolute URI of the OpenAPI file, when known. */
  readonly sourceUri: string | undefined;
  /** The response object located in the file (after `$ref`s), for schemas and lines. */
  readonly located: LocatedNode | undefined;
  readonly files: DescriptionFiles;
  readonly validators: SchemaValidators;
}

/** One finding of a check, before the registry adds its code, name and severity. */
export interface CheckFinding {
  readonly message: string;
  readonly instancePointer?: string;
  readonly keyword?: string;
  readonly location?: DescriptionLocation;
}

/** One check: its code, Respect's name for it, a summary for help texts, and what it does. */
export interface ResponseCheck<K extends ResponseCheckCode = ResponseCheckCode> {
  readonly code: K;
  /** Respect's name (accepted by `--severity` as an alias). */
  readonly respectName: string;
  /** One line for `--help` and docs. */
  readonly summary: string;
  /** Judge the exchange: one finding per problem, none when the response conforms (or cannot be judged). */
  run(ctx: CheckContext): Promise<readonly CheckFinding[]>;
}
