import type { SourceDescription } from '@telaio/core';

/** Decides whether a source description is served by Stytch (or a Stytch-compatible sandbox). */
export type StytchSourcePredicate = (source: SourceDescription) => boolean;

/** Options of {@link isStytchSource}. */
export interface IsStytchSourceOptions {
  readonly source: SourceDescription;
  /** Extra rule: a source is Stytch's when this says so, whatever its name and url. */
  readonly predicate?: StytchSourcePredicate;
}

/**
 * True when `source` is Stytch's: its `name` or `url` mentions "stytch" (case-insensitive, as in
 * `stytchB2bApi` or `../openapi/stytch-b2b-openapi.yml`), or the predicate says so.
 */
export function isStytchSource(options: IsStytchSourceOptions): boolean {
  const { source, predicate } = options;
  if (predicate?.(source) === true) return true;
  return /stytch/i.test(source.name) || /stytch/i.test(source.url);
}
