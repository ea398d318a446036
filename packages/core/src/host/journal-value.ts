/**
 * What a journal stores: plain JSON, so any host can keep it (a PostgreSQL column, a Temporal
 * payload, a Restate journal entry) and hand it back unchanged on replay.
 */

/** A JSON value: what every journal entry and every resolved wait is made of. */
export type JournalValue =
  | null
  | boolean
  | number
  | string
  | readonly JournalValue[]
  | { readonly [key: string]: JournalValue };
