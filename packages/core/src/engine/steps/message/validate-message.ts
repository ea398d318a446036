/**
 * The message a send step built, checked against the AsyncAPI messages of its operation (or
 * channel): its payload against each message's `payload` schema and its headers against its
 * `headers` schema, with ajv (JSON Schema draft-07, which the AsyncAPI Schema Object extends;
 * unknown keywords such as `discriminator` ignored). The first message it fits is the one sent; when
 * it fits none, nothing is sent and the step fails with `message-payload-invalid`. A schema ajv
 * cannot compile (an unsupported `schemaFormat`, a cycle) checks nothing.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { MessageInfo } from '../../../sources/types.js';

// ajv is CommonJS and loaded only when a message is first checked.
const require = createRequire(import.meta.url);
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction | null>();

function instance(): Ajv {
  if (ajv !== undefined) return ajv;
  const loaded = require('ajv') as { default?: typeof import('ajv').Ajv } & typeof import('ajv').Ajv;
  const Class = (loaded.default ?? loaded) as typeof import('ajv').Ajv;
  ajv = new Class({
    allErrors: true,
    strict: false,
    validateSchema: false,
    allowUnionTypes: true,
    logger: false,
  });
  (require('ajv-formats') as (a: Ajv) => Ajv)(ajv);
  return ajv;
}

/** The compiled validator of `schema`, or null when it cannot be compiled (then it checks nothing). */
function validatorOf(schema: unknown): ValidateFunction | null {
  if (schema === null || typeof schema !== 'object') return null;
  const known = compiled.get(schema);
  if (known !== undefined) return known;
  let fn: ValidateFunction | null;
  try {
    fn = instance().compile(schema as object);
  } catch {
    fn = null;
  }
  compiled.set(schema, fn);
  return fn;
}

/** What ajv refused, one line each: where and what (never the value, which may be a secret). */
function describe(part: 'payload' | 'headers', errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 10).map((e) => {
    const where = e.instancePath === '' ? part : `${part}${e.instancePath}`;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` ('${String((e.params as { additionalProperty?: unknown }).additionalProperty)}')`
        : '';
    return `${where} ${e.message ?? `fails ${e.keyword}`}${extra}`;
  });
}

/** The problems of `payload` and `headers` against `message`; empty when they fit. */
function problemsWith(
  message: MessageInfo,
  payload: unknown,
  headers: Readonly<Record<string, unknown>>,
): string[] {
  const problems: string[] = [];
  const payloadCheck = validatorOf(message.payload);
  if (payloadCheck !== null && !payloadCheck(payload === undefined ? null : payload))
    problems.push(...describe('payload', payloadCheck.errors));
  const headerCheck = validatorOf(message.headers);
  if (headerCheck !== null && !headerCheck(headers))
    problems.push(...describe('headers', headerCheck.errors));
  return problems;
}

/**
 * The declared message `payload` and `headers` fit (the first in order), or what each refused. No
 * declared messages: nothing to check.
 */
export function validateOutgoingMessage(options: {
  readonly messages: readonly MessageInfo[];
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, unknown>>;
}): { readonly message?: MessageInfo } | { readonly problems: readonly string[] } {
  const { messages, payload, headers } = options;
  if (messages.length === 0) return {};
  const problems: string[] = [];
  for (const message of messages) {
    // A binary or text payload is not JSON: only its headers can be checked.
    const value = payload instanceof Uint8Array ? undefined : payload;
    const found =
      payload instanceof Uint8Array
        ? problemsWith({ ...message, payload: undefined }, value, headers)
        : problemsWith(message, value, headers);
    if (found.length === 0) return { message };
    const name = messages.length === 1 ? '' : `${message.name ?? message.pointer}: `;
    problems.push(...found.map((p) => `${name}${p}`));
  }
  return { problems };
}
