import type { ParameterLocation } from '@telaio/core';
import { percentEncode } from './percent-encode.js';
import { serializeCollection } from './serialize-collection.js';

/** How one parameter value is to be written. */
export interface SerializeParameterOptions {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly value: unknown;
  /** OpenAPI style; defaults per location (path/header: simple, query/cookie: form). */
  readonly style?: string;
  /** Defaults to true for form, false otherwise. */
  readonly explode?: boolean;
  /** Query only: leave RFC 3986 reserved characters unencoded. */
  readonly allowReserved?: boolean;
  /** Swagger 2.0: how an array value is joined (see serializeCollection); style and explode then do not apply. */
  readonly collectionFormat?: string;
}

/** One parameter as it goes on the wire: a path segment, query pairs, a header value or cookie pairs. */
export interface SerializedParameter {
  /** For path: the text that replaces `{name}`. For header: the header value. */
  readonly text?: string;
  /** For query and cookie: `name=value` pairs, already percent-encoded. */
  readonly pairs?: readonly string[];
}

type Entry = readonly [key: string, value: string];

/** A value's shape for the serialisation table: empty, primitive, array or object. */
function shape(value: unknown): { kind: 'empty' | 'primitive' | 'array' | 'object'; items: Entry[] } {
  if (value === null || value === '') return { kind: 'empty', items: [] };
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => ['', scalar(v)] as const) };
  if (typeof value === 'object' && !(value instanceof Uint8Array)) {
    return {
      kind: 'object',
      items: Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, scalar(v)] as const),
    };
  }
  return { kind: 'primitive', items: [['', scalar(value)]] };
}

/** A nested value inside an array or object: primitives as text, deeper structures as JSON. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object')
    return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : JSON.stringify(value);
  return String(value);
}

/**
 * Serialises one parameter by OpenAPI style and explode, following the style examples of
 * OpenAPI 3.1.1 / 3.0.4 (which fixed `label` explode=false to RFC 6570's `.blue,black,brown`).
 * Values are percent-encoded for path, query and cookie; header values are sent as they are.
 */
export function serializeParameter(options: SerializeParameterOptions): SerializedParameter {
  const where = options.in;
  const style = options.style ?? (where === 'query' || where === 'cookie' ? 'form' : 'simple');
  const raw = options.value;
  if (options.collectionFormat !== undefined && Array.isArray(raw)) {
    const allowReserved = where === 'query' && options.allowReserved === true;
    return serializeCollection({
      ...options,
      values: raw,
      collectionFormat: options.collectionFormat,
      allowReserved,
    });
  }
  if ((typeof raw === 'string' && raw !== '') || typeof raw === 'number' || typeof raw === 'boolean') {
    // fast path for the common case: a primitive in the location's default style
    if (where === 'header' && style === 'simple') return { text: String(raw) };
    if (where === 'path' && style === 'simple') return { text: percentEncode({ value: String(raw) }) };
    if ((where === 'query' || where === 'cookie') && style === 'form') {
      const allowReserved = where === 'query' && options.allowReserved === true;
      return {
        pairs: [
          `${percentEncode({ value: options.name })}=${percentEncode({ value: String(raw), allowReserved })}`,
        ],
      };
    }
  }
  const explode = options.explode ?? style === 'form';
  const enc = (s: string): string =>
    where === 'header'
      ? s
      : percentEncode({ value: s, allowReserved: where === 'query' && options.allowReserved === true });
  const name = where === 'header' ? options.name : enc(options.name);
  const { kind, items } = shape(options.value);
  const values = items.map(([, v]) => enc(v));
  const kv = (sep: string): string[] => items.map(([k, v]) => `${enc(k)}${sep}${enc(v)}`);
  const flat = (): string[] => items.flatMap(([k, v]) => [enc(k), enc(v)]);
  const list = (): string[] => (kind === 'object' ? flat() : values);

  switch (style) {
    case 'matrix': {
      if (kind === 'empty') return { text: `;${name}` };
      if (!explode || kind === 'primitive') return { text: `;${name}=${list().join(',')}` };
      if (kind === 'array') return { text: values.map((v) => `;${name}=${v}`).join('') };
      return {
        text: kv('=')
          .map((p) => `;${p}`)
          .join(''),
      };
    }
    case 'label': {
      if (kind === 'empty') return { text: '.' };
      if (!explode) return { text: `.${list().join(',')}` };
      return { text: `.${(kind === 'object' ? kv('=') : values).join('.')}` };
    }
    case 'spaceDelimited':
    case 'pipeDelimited': {
      if (explode || kind === 'primitive' || kind === 'empty') return form(true);
      return { pairs: [`${name}=${list().join(style === 'spaceDelimited' ? '%20' : '%7C')}`] };
    }
    case 'deepObject': {
      if (kind !== 'object') return form(true);
      return { pairs: deepPairs({ prefix: name, value: options.value, enc }) };
    }
    case 'form':
      return form(explode);
    default: {
      // simple (and unknown styles, which we treat as simple)
      const text = kind === 'object' && explode ? kv('=').join(',') : list().join(',');
      return where === 'query' || where === 'cookie' ? { pairs: [`${name}=${text}`] } : { text };
    }
  }

  function form(exploded: boolean): SerializedParameter {
    if (kind === 'empty') return { pairs: [`${name}=`] };
    if (!exploded || kind === 'primitive') {
      const text = `${name}=${list().join(',')}`;
      return where === 'path' || where === 'header' ? { text } : { pairs: [text] };
    }
    const pairs = kind === 'array' ? values.map((v) => `${name}=${v}`) : kv('=');
    return where === 'path' || where === 'header' ? { text: pairs.join('&') } : { pairs };
  }
}

/** `color[R]=100` pairs for deepObject, recursing into nested objects (`a[b][c]`). */
function deepPairs(options: { prefix: string; value: unknown; enc: (s: string) => string }): string[] {
  const { prefix, value, enc } = options;
  if (Array.isArray(value))
    return value.flatMap((v) => deepPairs({ prefix: `${prefix}%5B%5D`, value: v, enc }));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .flatMap(([k, v]) => deepPairs({ prefix: `${prefix}%5B${enc(k)}%5D`, value: v, enc }));
  }
  return [`${prefix}=${enc(scalar(value))}`];
}
