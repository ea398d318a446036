/** The mask put where a secret was. */
export const REDACTED = '[REDACTED]';

/** Headers that always carry credentials. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
]);
/** Field names (normalised to snake_case) that are secret wherever they appear. */
const SECRET_FIELDS = new Set([
  'secret',
  'password',
  'passwd',
  'passcode',
  'token',
  'jwt',
  'client_secret',
  'api_key',
  'apikey',
  'qr_code',
  'recovery_code',
  'recovery_codes',
  'totp_secret',
  'private_key',
  'authorization',
  'cookie',
  'set_cookie',
  'otp',
  'totp_code',
]);
const SECRET_SUFFIX =
  /(^|_)(secret|password|token|jwt|api_key|apikey|private_key|recovery_codes?|backup_codes?|qr_code)$/;

/** Options of createRedactor. */
export interface RedactorOptions {
  /** Leave everything as it is (`--reveal-secrets`). */
  readonly reveal?: boolean;
  /** Values to mask wherever they appear (credentials, TOTP secrets...). Read on every call. */
  readonly secretValues?: () => readonly string[];
  /** Extra header names to mask (e.g. an operation's apiKey header). */
  readonly headerNames?: readonly string[];
  /** Extra query/cookie/field names to mask (e.g. an operation's apiKey query parameter). */
  readonly fieldNames?: readonly string[];
}

/** Masks secrets in the pieces of an HTTP exchange. One set of rules for logs, HAR and reports. */
export interface Redactor {
  /** True when a header, query parameter, cookie or body field of this name holds a secret. */
  isSecretName(name: string): boolean;
  /** Masks secret values inside any string. */
  text(value: string): string;
  /** Masks secret headers by name and secret values in the others. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /** Masks secret query parameters by name and secret values anywhere in the URL. */
  url(url: string): string;
  /** Deep copy of a JSON value with secret fields masked and secret values replaced in strings. */
  value(value: unknown): unknown;
  /** A body as text: JSON and url-encoded forms are masked field by field; any text by value. */
  body(text: string, contentType?: string): string;
}

function normalise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-\s.]/g, '_');
}

/**
 * Creates the redaction rules shared by the transport's pino logging and HAR capture (and the CLI's
 * reports): Authorization, Proxy-Authorization, Cookie, Set-Cookie and API-key headers, fields
 * named like secrets (`secret`, `password`, `token`, `*_token`, `*_jwt`, `qr_code`,
 * `recovery_codes`, `client_secret`, `api_key`, ...) and every value from `secretValues()` (also in
 * its percent-encoded form) are replaced by `[REDACTED]`.
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const reveal = options.reveal === true;
  const headerNames = new Set((options.headerNames ?? []).map((n) => n.toLowerCase()));
  const fieldNames = new Set((options.fieldNames ?? []).map(normalise));
  const isSecretName = (name: string): boolean => {
    const n = normalise(name);
    return (
      SECRET_FIELDS.has(n) ||
      SECRET_SUFFIX.test(n) ||
      fieldNames.has(n) ||
      headerNames.has(name.toLowerCase())
    );
  };
  const secrets = (): string[] => {
    const values = new Set<string>();
    for (const value of options.secretValues?.() ?? []) {
      if (typeof value !== 'string' || value.length < 3) continue;
      values.add(value);
      values.add(encodeURIComponent(value));
    }
    return [...values].sort((a, b) => b.length - a.length);
  };
  const text = (value: string): string => {
    if (reveal) return value;
    let out = value;
    for (const secret of secrets()) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) out[key] = isSecretName(key) ? REDACTED : deep(child);
      return out;
    }
    return value;
  };
  return {
    isSecretName,
    text,
    headers(headers) {
      if (reveal) return { ...headers };
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        out[name] =
          SECRET_HEADERS.has(lower) || headerNames.has(lower) || isSecretName(lower) ? REDACTED : text(value);
      }
      return out;
    },
    url(url) {
      if (reveal) return url;
      const q = url.indexOf('?');
      if (q < 0) return text(url);
      const pairs = url
        .slice(q + 1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          const name = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
          return isSecretName(name.replace(/\[.*$/, ''))
            ? `${pair.slice(0, eq < 0 ? pair.length : eq)}=${REDACTED}`
            : pair;
        });
      return text(`${url.slice(0, q)}?${pairs.join('&')}`);
    },
    value: (value) => (reveal ? value : deep(value)),
    body(body, contentType) {
      if (reveal) return body;
      const type = contentType?.toLowerCase() ?? '';
      if (type.includes('json') || (type === '' && /^\s*[[{]/.test(body))) {
        try {
          return JSON.stringify(deep(JSON.parse(body)));
        } catch {
          return text(body);
        }
      }
      if (type.startsWith('application/x-www-form-urlencoded')) return this.url(`?${body}`).slice(1);
      return text(body);
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
