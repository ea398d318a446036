/** A payload ready for the wire, and its text for reports. */
export interface EncodedPayload {
  readonly bytes: Buffer;
  /** UTF-8 text, or `base64:...` for a binary payload. */
  readonly body: string;
}

/**
 * The bytes of an outgoing payload: a Uint8Array as is, a string as its UTF-8 (already serialised
 * by whoever built it), any other value as its JSON text (whatever the content type says: the
 * engine builds JSON values, and a non-JSON content type with a structured value has no other
 * faithful text). `undefined` is an empty payload.
 */
export function encodePayload(payload: unknown): EncodedPayload {
  if (payload instanceof Uint8Array) {
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    return { bytes, body: `base64:${bytes.toString('base64')}` };
  }
  if (payload === undefined) return { bytes: Buffer.alloc(0), body: '' };
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { bytes: Buffer.from(text, 'utf8'), body: text };
}
