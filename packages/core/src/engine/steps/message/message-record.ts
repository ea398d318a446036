/**
 * How a message step's effect is written in the run's journal: plain JSON, so a durable host can
 * store it and a replay gets the same SentMessage / ReceivedMessage (or the same failure) back. A
 * binary received payload is kept as base64. The records hold headers and payloads as they were,
 * secrets included: hosts storing journals outside the process encrypt them (see host-types.ts).
 */
import type { ReceivedMessage, SentMessage } from '../../../adapters/message-transport.js';
import type { JournalValue } from '../../../host/journal-value.js';
import type { RunErrorCode } from '../../types.js';

/** A failure recorded instead of a message. */
export interface MessageFailure {
  readonly code: RunErrorCode;
  readonly message: string;
}

/** What a `message-send` effect yields. */
export type SendMessageRecord = { readonly sent: SentMessage } | { readonly error: MessageFailure };

/** What a `message-receive` effect yields. */
export type ReceiveMessageRecord =
  | { readonly received: ReceivedMessage }
  | { readonly error: MessageFailure };

/**
 * The journal form of a send's outcome (a SentMessage is JSON already); as it is for a host that
 * journals nothing (`journaled: false`, the process host).
 */
export function encodeSendMessage(outcome: SendMessageRecord, journaled = true): JournalValue {
  if (!journaled) return outcome as unknown as JournalValue;
  return JSON.parse(JSON.stringify(outcome)) as JournalValue;
}

/** The send outcome a journal record stands for. */
export function decodeSendMessage(record: JournalValue): SendMessageRecord {
  return record as unknown as SendMessageRecord;
}

/**
 * The journal form of a receive's outcome: a binary payload as `{base64}`; the outcome as it is for
 * a host that journals nothing (decodeReceiveMessage then takes `journaled: false` too).
 */
export function encodeReceiveMessage(outcome: ReceiveMessageRecord, journaled = true): JournalValue {
  if (!journaled) return outcome as unknown as JournalValue;
  if ('error' in outcome) return { error: { ...outcome.error } };
  const { payload, ...rest } = outcome.received;
  const encoded =
    payload === undefined
      ? {}
      : payload instanceof Uint8Array
        ? { base64: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('base64') }
        : { json: payload };
  return JSON.parse(JSON.stringify({ received: rest, payload: encoded })) as JournalValue;
}

/** The receive outcome a journal record stands for (`journaled: false`: the outcome itself). */
export function decodeReceiveMessage(record: JournalValue, journaled = true): ReceiveMessageRecord {
  if (!journaled) return record as unknown as ReceiveMessageRecord;
  const r = record as {
    error?: MessageFailure;
    received?: Omit<ReceivedMessage, 'payload'>;
    payload?: { json?: unknown; base64?: string };
  };
  if (r.error !== undefined) return { error: r.error };
  const p = r.payload ?? {};
  const payload =
    p.base64 !== undefined
      ? new Uint8Array(Buffer.from(p.base64, 'base64'))
      : 'json' in p
        ? p.json
        : undefined;
  return { received: { ...(r.received as Omit<ReceivedMessage, 'payload'>), payload } };
}
