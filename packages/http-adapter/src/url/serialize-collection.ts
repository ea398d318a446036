import type { ParameterLocation } from '@telaio/core';
import { percentEncode } from './percent-encode.js';
import type { SerializedParameter } from './serialize-parameter.js';

/** Swagger 2.0 `collectionFormat` values. */
export type CollectionFormat = 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';

/** The character each Swagger 2.0 `collectionFormat` joins array items with (`multi` repeats the name instead). */
export const COLLECTION_DELIMITERS: Readonly<Record<Exclude<CollectionFormat, 'multi'>, string>> = {
  csv: ',',
  ssv: ' ',
  tsv: '\t',
  pipes: '|',
};

/** A nested item as text: primitives as they are, objects as JSON. */
export function itemText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * An array parameter of a Swagger 2.0 operation, joined by its `collectionFormat` (Swagger 2.0
 * §Parameter Object): `csv` `a,b`, `ssv` `a b`, `tsv` `a\tb`, `pipes` `a|b`, each item
 * percent-encoded (and the delimiter with it, but for `,`) in path, query and cookie; `multi` repeats
 * `name=item` in the query (elsewhere, where Swagger 2.0 does not allow it, it is read as `csv`).
 */
export function serializeCollection(options: {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly values: readonly unknown[];
  readonly collectionFormat: string;
  readonly allowReserved?: boolean;
}): SerializedParameter {
  const where = options.in;
  const raw = options.values.map(itemText);
  const enc = (s: string): string =>
    where === 'header' ? s : percentEncode({ value: s, allowReserved: options.allowReserved === true });
  const name = enc(options.name);
  const format = options.collectionFormat as CollectionFormat;
  if (format === 'multi' && (where === 'query' || where === 'cookie'))
    return { pairs: raw.map((v) => `${name}=${enc(v)}`) };
  const delimiter = COLLECTION_DELIMITERS[format === 'multi' ? 'csv' : format] ?? ',';
  // `,` is a sub-delimiter RFC 3986 allows as it is (as OpenAPI's form/simple styles send it); the others are encoded
  const joined = raw.map(enc).join(delimiter === ',' ? ',' : enc(delimiter));
  if (where === 'query' || where === 'cookie') return { pairs: [`${name}=${joined}`] };
  return { text: joined };
}
