import type { SentRequest } from '@telaio/core';
import { createRedactor, REDACTED } from '@telaio/http-adapter';
import { isSecretName } from './is-secret-name.js';

/** The text that replaces a secret in every output (the http adapter's, so HAR and reports agree). */
export const MASK = REDACTED;

/**
 * Remembers which values are secret and hides them wherever they appear. Built on the http
 * adapter's redactor (same names, same mask); on top it learns secrets while the run goes: once a
 * value is known secret (a credential, a `sessionToken` in a response) it is masked by value
 * everywhere, e.g. in a later step's request. With `reveal` every method is the identity.
 */
export interface Masker {
  readonly reveal: boolean;
  /** Marks every string leaf of `value` (and numbers of 4+ digits) as secret. */
  add(value: unknown): void;
  /** Walks `value` and marks as secret whatever sits under a secret-looking key (all of it when `name` is one). */
  collect(value: unknown, name?: string): void;
  /** `text` with every known secret replaced by the mask. */
  text(text: string): string;
  /** A deep copy of `value`: secrets by value, and everything under secret-looking keys (or `{name, value}` pairs such as HAR headers), masked. */
  value<T>(value: T): T;
  /** A copy of something holding a SentRequest (`{request}`): headers, URL and body (field by field for JSON and forms) masked. */
  record<T extends { readonly request: SentRequest }>(holder: T): T;
  /**
   * A copy of a message a step sent or received (core's SentMessage / ReceivedMessage): masked
   * exactly as a request is: the body field by field for JSON (as text otherwise), headers by name
   * and value, the server URL's user information and known secrets, a decoded payload as a value.
   */
  message<T extends MessageLike>(message: T): T;
  /** Every value known secret so far (for the transport's own redaction). */
  secrets(): readonly string[];
}

/** The parts of a SentMessage or ReceivedMessage the masker rewrites. */
export interface MessageLike {
  readonly serverUrl: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly contentType?: string;
}

/** Values shorter than this are not masked by value (they would blot out unrelated text). */
const MIN_LENGTH = 4;

/** Creates a Masker seeded with `secrets` (e.g. CredentialProvider.secretValues()). */
export function createMasker(
  options: { reveal?: boolean; secrets?: readonly string[]; placeholders?: boolean } = {},
): Masker {
  const reveal = options.reveal === true;
  /** --dry-run: `<step:$response.body#/x>` placeholders are ours, never secret, always shown. */
  const isPlaceholder = (v: unknown): boolean =>
    options.placeholders === true && typeof v === 'string' && /^<[^<>\n]+>$/.test(v);
  const known = new Set<string>();
  let list: string[] = [];
  const redactor = createRedactor({ reveal, secretValues: () => list });
  const isSecret = (name: string): boolean => isSecretName(name);
  const isPair = (record: Record<string, unknown>): boolean =>
    typeof record.name === 'string' && 'value' in record && isSecret(record.name);

  const addOne = (raw: string): void => {
    if (raw.length < MIN_LENGTH || isPlaceholder(raw)) return;
    for (const form of [raw, JSON.stringify(raw).slice(1, -1)]) {
      if (!known.has(form)) {
        known.add(form);
        list = [...known];
      }
    }
  };
  const add = (value: unknown): void => {
    if (reveal) return;
    if (typeof value === 'string') addOne(value);
    else if (typeof value === 'number' && Math.abs(value) >= 1000) addOne(String(value));
    else if (Array.isArray(value)) for (const item of value) add(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) add(item);
  };
  const collect = (value: unknown, name?: string): void => {
    if (reveal) return;
    if (name !== undefined && isSecret(name)) {
      add(value);
      return;
    }
    if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const record = value as Record<string, unknown>;
      if (isPair(record)) add(record.value);
      for (const [key, item] of Object.entries(record)) collect(item, key);
    }
  };
  const text = (input: string): string => (reveal || list.length === 0 ? input : redactor.text(input));
  const deep = (value: unknown, secretHere: boolean): unknown => {
    if (typeof value === 'string') return secretHere && !isPlaceholder(value) ? MASK : text(value);
    if (typeof value === 'number' || typeof value === 'boolean') return secretHere ? MASK : value;
    if (Array.isArray(value)) return value.map((item) => deep(item, secretHere));
    if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const record = value as Record<string, unknown>;
      const pair = isPair(record);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(record)) {
        const secret = secretHere || isSecret(key) || (pair && key === 'value');
        // A whole secret list or object becomes one mask: not even its size shows.
        const masked =
          secret && item !== null && typeof item === 'object' && !(item instanceof Uint8Array)
            ? MASK
            : deep(item, secret);
        // defineProperty: `out[key] =` with the key `__proto__` would drop it (and set a prototype).
        Object.defineProperty(out, key, {
          value: masked,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  };
  for (const secret of options.secrets ?? []) add(secret);
  const value = <T>(v: T): T => (reveal ? v : (deep(v, false) as T));
  /** JSON bodies field by field (keeping dry-run placeholders), other bodies by the adapter's rules. */
  const maskBody = (body: string, contentType: string | undefined): string => {
    if (contentType === undefined || /json/i.test(contentType)) {
      try {
        return JSON.stringify(value(JSON.parse(body)), null, 2);
      } catch {
        // not JSON after all
      }
    }
    return text(redactor.body(body, contentType));
  };
  const record = <T extends { readonly request: SentRequest }>(holder: T): T => {
    if (reveal) return holder;
    const { request } = holder;
    const body =
      request.body === undefined ? {} : { body: maskBody(request.body, request.headers['content-type']) };
    const headers = redactor.headers(request.headers);
    for (const [name, v] of Object.entries(request.headers)) if (isPlaceholder(v)) headers[name] = v;
    const masked: SentRequest = {
      method: request.method,
      url: text(redactor.url(request.url)),
      headers,
      ...body,
    };
    return { ...value(holder), request: masked };
  };
  const message = <T extends MessageLike>(m: T): T => {
    if (reveal) return m;
    const headers: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(m.headers))
      headers[name] = isSecret(name) && !isPlaceholder(v) ? MASK : value(v);
    const body = maskBody(m.body, m.contentType);
    // A JSON body keeps its own layout (one line) once masked.
    const compact = /^[[{]/.test(m.body) && !m.body.includes('\n') ? reflow(body) : body;
    return {
      ...value(m),
      serverUrl: text(redactor.url(m.serverUrl)),
      headers,
      body: compact,
    };
  };
  return { reveal, add, collect, text, value, record, message, secrets: () => list };
}

/** Pretty-printed JSON on one line again (text that is not JSON unchanged). */
function reflow(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}
