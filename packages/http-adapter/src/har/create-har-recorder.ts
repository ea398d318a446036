import { classifyMediaType } from '../body/media-type.js';
import type { ExchangePhases } from '../client/exchange-types.js';
import { createRedactor, REDACTED } from '../redact.js';
import type { HarEntry, HarLog, HarNameValue, HarTimings } from './har-types.js';

/** One exchange as the transport saw it, before redaction. */
export interface RecordedExchange {
  readonly startedAt: number;
  readonly durationMs: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: {
    readonly mimeType: string;
    readonly text: string | undefined;
    readonly size: number;
  };
  readonly response?: {
    readonly status: number;
    readonly statusText: string;
    readonly httpVersion: string;
    readonly rawHeaders: readonly string[];
    readonly mimeType: string;
    readonly bytes: Buffer;
  };
  /** The exchange's timing phases (client/measure-phases.ts), when a response came. */
  readonly phases?: ExchangePhases;
  readonly remoteAddress?: string;
  readonly error?: { readonly code: string; readonly message: string };
  /** Secret values of this exchange (applied credentials). */
  readonly secrets: readonly string[];
  /** Names of this operation's apiKey headers / query parameters / cookies. */
  readonly secretNames: readonly string[];
}

/** Collects exchanges and renders them as a redacted HAR 1.2 log. */
export interface HarRecorder {
  record(exchange: RecordedExchange): void;
  har(): HarLog;
}

function pairs(text: string, separator: string): HarNameValue[] {
  return text
    .split(separator)
    .filter((p) => p !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const raw = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
      return { name: safeDecode((raw[0] ?? '').trim()), value: safeDecode(raw[1] ?? '') };
    });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The cookies a response sets: one per Set-Cookie header, its name and value (attributes left out). */
function setCookies(rawHeaders: readonly string[]): HarNameValue[] {
  const out: HarNameValue[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() !== 'set-cookie') continue;
    const pair = (rawHeaders[i + 1] ?? '').split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    out.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
  }
  return out;
}

/** The Location header of a response, or ''. */
function location(rawHeaders: readonly string[]): string {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === 'location') return rawHeaders[i + 1] ?? '';
  return '';
}

const ms = (value: number | undefined): number =>
  value === undefined ? -1 : Math.max(0, Math.round(value * 1000) / 1000);

/**
 * Records exchanges and renders HAR 1.2 on demand. Redaction happens at render time (unless
 * `reveal`), so secrets learnt after a request was sent (`secretValues()`) are masked too.
 */
export function createHarRecorder(options: {
  readonly reveal?: boolean;
  readonly secretValues?: () => readonly string[];
  readonly creator?: { readonly name: string; readonly version: string };
}): HarRecorder {
  const exchanges: RecordedExchange[] = [];
  const entry = (x: RecordedExchange): HarEntry => {
    const r = createRedactor({
      reveal: options.reveal,
      secretValues: () => [...(options.secretValues?.() ?? []), ...x.secrets],
      headerNames: x.secretNames,
      fieldNames: x.secretNames,
    });
    const url = r.url(x.url);
    const q = url.indexOf('?');
    const requestHeaders = Object.entries(r.headers(x.requestHeaders)).map(([name, value]) => ({
      name,
      value,
    }));
    const cookieHeader = x.requestHeaders.cookie;
    const res = x.response;
    // Cookie values are session state: masked like the Cookie / Set-Cookie headers they come from.
    const cookie = (c: HarNameValue): HarNameValue => ({
      name: c.name,
      value: options.reveal === true ? c.value : REDACTED,
    });
    const responseHeaderList: HarNameValue[] = [];
    for (let i = 0; i + 1 < (res?.rawHeaders.length ?? 0); i += 2) {
      const name = res?.rawHeaders[i] as string;
      responseHeaderList.push({
        name,
        value: r.headers({ [name]: res?.rawHeaders[i + 1] as string })[name] as string,
      });
    }
    const kind =
      res === undefined
        ? 'binary'
        : classifyMediaType({ mediaType: res.mimeType || 'application/octet-stream' });
    const textual = kind !== 'binary';
    const p = x.phases ?? {};
    const timings: HarTimings = {
      blocked: ms(p.wait),
      dns: ms(p.dns),
      connect: ms(p.tcp),
      ssl: ms(p.tls),
      send: Math.max(0, ms(p.request)),
      wait: Math.max(0, ms(p.firstByte)),
      receive: Math.max(0, ms(p.download)),
    };
    return {
      startedDateTime: new Date(x.startedAt).toISOString(),
      time: Math.round(x.durationMs * 1000) / 1000,
      request: {
        method: x.method,
        url,
        httpVersion: 'HTTP/1.1',
        cookies: cookieHeader === undefined ? [] : pairs(cookieHeader, ';').map(cookie),
        headers: requestHeaders,
        queryString: q < 0 ? [] : pairs(url.slice(q + 1), '&'),
        ...(x.requestBody === undefined
          ? {}
          : {
              postData: {
                mimeType: x.requestBody.mimeType,
                text:
                  x.requestBody.text === undefined ? '' : r.body(x.requestBody.text, x.requestBody.mimeType),
              },
            }),
        headersSize: -1,
        bodySize: x.requestBody?.size ?? 0,
      },
      response: {
        status: res?.status ?? 0,
        statusText: res?.statusText ?? '',
        httpVersion: res === undefined ? '' : `HTTP/${res.httpVersion}`,
        cookies: setCookies(res?.rawHeaders ?? []).map(cookie),
        headers: responseHeaderList,
        content: {
          size: res?.bytes.length ?? 0,
          mimeType: res?.mimeType ?? '',
          ...(res === undefined || res.bytes.length === 0
            ? {}
            : textual
              ? { text: r.body(res.bytes.toString('utf8'), res.mimeType) }
              : { text: res.bytes.toString('base64'), encoding: 'base64' }),
        },
        redirectURL: r.url(location(res?.rawHeaders ?? [])),
        headersSize: -1,
        bodySize: res?.bytes.length ?? -1,
      },
      cache: {},
      timings,
      ...(x.remoteAddress === undefined ? {} : { serverIPAddress: x.remoteAddress }),
      ...(x.error === undefined ? {} : { _error: { code: x.error.code, message: r.text(x.error.message) } }),
    };
  };
  return {
    record(exchange) {
      exchanges.push(exchange);
    },
    har() {
      return {
        log: {
          version: '1.2',
          creator: options.creator ?? { name: 'telaio', version: '0.1.0' },
          entries: exchanges.map(entry),
        },
      };
    },
  };
}
