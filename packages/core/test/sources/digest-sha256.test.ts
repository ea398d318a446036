import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestSha256Hex } from '../../src/sources/digest-sha256.js';
import { createRandom } from '../yaml/generate-yaml.js';

const native = (parts: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

describe('digestSha256Hex: the digest of node:crypto, in JavaScript for small texts', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(digestSha256Hex([''])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(digestSha256Hex(['abc'])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digestSha256Hex(['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'])).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on every length around the block and padding edges, and on parts', () => {
    for (let n = 0; n < 300; n++) {
      const text = 'x'.repeat(n);
      expect({ n, digest: digestSha256Hex([text]) }).toEqual({ n, digest: native([text]) });
    }
    expect(digestSha256Hex(['ab', '', 'c'])).toBe(native(['abc']));
  });

  it('agrees with node:crypto on seeded random UTF-8 texts (astral characters, lone surrogates) and past the JavaScript limit', () => {
    const next = createRandom(0x5ba256);
    const alphabet = ['a', 'é', '€', '😀', '\ud800', '\udfff', '\n', '\u0000', ' '];
    for (let i = 0; i < 400; i++) {
      const length = Math.floor(next() * 2000);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect({ i, digest: digestSha256Hex(['v\u0000', text]) }).toEqual({
        i,
        digest: native(['v\u0000', text]),
      });
    }
    const large = 'yaml: text\n'.repeat(7000);
    expect(digestSha256Hex([large])).toBe(native([large]));
  });
});
