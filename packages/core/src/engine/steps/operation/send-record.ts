/**
 * How one send is written in a run's journal: plain JSON, so a host can store it anywhere and a
 * replay gets the same ReceivedResponse (or the same failure) back. A binary body is kept as base64;
 * an empty body is left out. The record holds the request as sent, credentials included: hosts that
 * store journals outside the process encrypt them (see host-types.ts).
 */
import type { ReceivedResponse } from '../../../adapters/transport.js';
import type { JournalValue } from '../../../host/journal-value.js';
import type { RunErrorCode } from '../../types.js';

/** A send's outcome as data: the response, or why there was none. */
export type SendOutcomeRecord =
  | { readonly response: ReceivedResponse }
  | { readonly error: { readonly code: RunErrorCode; readonly message: string; readonly stepId?: string } };

type Body = { readonly json: JournalValue } | { readonly base64: string } | Record<string, never>;

/** The journal form of `outcome`. */
export function encodeSendRecord(outcome: SendOutcomeRecord): JournalValue {
  if ('error' in outcome) return { error: { ...outcome.error } };
  const { body, ...rest } = outcome.response;
  const encoded: Body =
    body === undefined
      ? {}
      : body instanceof Uint8Array
        ? { base64: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64') }
        : { json: body as JournalValue };
  return { response: rest as unknown as JournalValue, body: encoded };
}

/** The outcome a journal record stands for. */
export function decodeSendRecord(record: JournalValue): SendOutcomeRecord {
  const r = record as { error?: SendOutcomeRecord & { error: unknown }; response?: object; body?: Body };
  if (r.error !== undefined) return { error: r.error as unknown as { code: RunErrorCode; message: string } };
  const body = r.body ?? {};
  const value =
    'base64' in body
      ? new Uint8Array(Buffer.from(body.base64 as string, 'base64'))
      : 'json' in body
        ? body.json
        : undefined;
  const response = { ...(r.response as ReceivedResponse), body: value } as ReceivedResponse;
  return { response };
}
