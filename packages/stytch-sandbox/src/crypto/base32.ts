/**
 * RFC 4648 base32 (the alphabet authenticator apps expect for TOTP secrets), without padding.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as unpadded upper-case base32. */
export function encodeBase32(options: { bytes: Uint8Array }): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of options.bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32 (case-insensitive, padding and spaces ignored). Returns undefined when a character
 * is outside the alphabet, so a bad secret is a value, not an exception.
 */
export function decodeBase32(options: { text: string }): Uint8Array | undefined {
  const clean = options.text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return undefined;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}
