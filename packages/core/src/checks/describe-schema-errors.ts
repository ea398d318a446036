/**
 * ajv's errors for a response body as check findings: the JSON Pointer of the offending value, the
 * keyword, the line of that keyword in the OpenAPI file, and a message that says what was found
 * (its type; a number or boolean's value, never a string's, which may be a secret). Summary errors
 * of `oneOf`/`anyOf`/`allOf`/`if` give way to the errors beneath them, which say which field and why.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { escapePointerToken } from '../document/json-pointer.js';
import { WRITE_ONLY_KEYWORD } from './convert-schema-document.js';
import type { DescriptionFiles } from './create-description-files.js';
import type { CheckFinding } from './response-check.js';

/** At most this many findings per body: the first ones say what is wrong. */
const MAX_FINDINGS = 10;
const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', '$ref']);

/** Turn ajv `errors` (verbose) into findings, in ajv's order, summaries dropped when deeper errors exist. */
export async function describeSchemaErrors(options: {
  readonly errors: readonly ErrorObject[];
  readonly files: DescriptionFiles;
}): Promise<CheckFinding[]> {
  const { errors, files } = options;
  const specific = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const chosen = (specific.length > 0 ? specific : errors).slice(0, MAX_FINDINGS);
  const seen = new Set<string>();
  const findings: CheckFinding[] = [];
  for (const error of chosen) {
    const keyword = error.keyword === WRITE_ONLY_KEYWORD ? 'writeOnly' : error.keyword;
    const key = `${error.instancePath}\u0000${keyword}\u0000${error.message ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const origin =
      error.parentSchema !== undefined && error.parentSchema !== null
        ? files.origins.get(error.parentSchema as object)
        : undefined;
    const location =
      origin === undefined
        ? undefined
        : await files.where(origin.uri, `${origin.pointer}/${escapePointerToken(keyword)}`);
    const at = error.instancePath === '' ? 'the body' : error.instancePath;
    const what =
      keyword === 'writeOnly'
        ? 'is writeOnly and SHOULD NOT be sent in a response'
        : `${messageOf(error)}${detail(error)}`;
    findings.push({
      message: `${at} ${what}`,
      instancePointer: error.instancePath,
      keyword,
      ...(location === undefined ? {} : { location }),
    });
  }
  return findings;
}

/** ajv's message, a union of types said in words (`must be string or null`, not `string,null`). */
function messageOf(error: ErrorObject): string {
  const type = (error.params as { type?: unknown }).type;
  const types = Array.isArray(type) ? type : typeof type === 'string' ? type.split(',') : [];
  if (error.keyword === 'type' && types.length > 1) return `must be ${types.join(' or ')}`;
  return error.message ?? 'is invalid';
}

/** ` (got string)`, ` (got number 7)`, ` ('x', 'y')` for the keywords where it helps. */
function detail(error: ErrorObject): string {
  if (error.keyword === 'type' || error.keyword === 'const') return ` (got ${describeValue(error.data)})`;
  if (error.keyword === 'enum' && Array.isArray(error.schema))
    return `: ${(error.schema as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(error.data)})`;
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
    return typeof extra === 'string' ? ` ('${extra}')` : '';
  }
  return '';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
