/**
 * Implicit response checks: what the OpenAPI description of an operation says about its responses
 * (documented status codes, content types, body schemas), judged on every response a step receives.
 */
import type { ReceivedResponse } from '../adapters/transport.js';
import type { SourceDescription } from '../model/arazzo.js';
import type { OperationInfo } from '../sources/types.js';

/** The checks telaio runs on a response; the keys of RESPONSE_CHECKS. */
export type ResponseCheckCode = 'status-code' | 'content-type' | 'schema';

/** How much a failed check counts: `error` fails the step, `warn` is reported only, `off` skips the check. */
export type CheckSeverity = 'error' | 'warn' | 'off';

/** Severity per check; a check left out has its default (`error`, as Respect has it). */
export type CheckSeverities = Readonly<Partial<Record<ResponseCheckCode, CheckSeverity>>>;

/** Where in an OpenAPI description a check looked: the file and the node, with its 1-based line and column. */
export interface DescriptionLocation {
  /** Absolute path or URL of the OpenAPI file. */
  readonly uri: string;
  /** JSON Pointer of the node in that file (the schema keyword, the responses map, the content map). */
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

/** One failed check: data, never an exception. */
export interface ResponseCheckFailure {
  /** Which check failed. */
  readonly check: ResponseCheckCode;
  /** Respect's name of the same check (`STATUS_CODE_CHECK`, `SCHEMA_CHECK`, `CONTENT_TYPE_CHECK`). */
  readonly respectName: string;
  /** `error` or `warn` (an `off` check never fails). */
  readonly severity: Exclude<CheckSeverity, 'off'>;
  /** One line: what was received and what the description allows. */
  readonly message: string;
  /** schema: JSON Pointer of the offending value in the response body (`''` for the whole body). */
  readonly instancePointer?: string;
  /** schema: the JSON Schema keyword that failed (`type`, `required`, `enum`, ...). */
  readonly keyword?: string;
  /** The node of the OpenAPI description the verdict comes from, when the file could be read. */
  readonly location?: DescriptionLocation;
}

/** Runs the enabled checks on responses. One per engine; schemas compile once and are shared by all runs. */
export interface ResponseChecker {
  /** Severities in force (every check, defaults applied). */
  readonly severities: Readonly<Record<ResponseCheckCode, CheckSeverity>>;
  /**
   * Judge one response of `operation`. `source` and `documentUri` locate the OpenAPI file (the
   * sourceDescription's url relative to the Arazzo document). Resolves with the failed checks, in
   * registry order; never rejects for a bad response.
   */
  check(options: {
    readonly operation: OperationInfo;
    readonly response: ReceivedResponse;
    readonly source?: SourceDescription;
    readonly documentUri?: string;
  }): Promise<readonly ResponseCheckFailure[]>;
}
