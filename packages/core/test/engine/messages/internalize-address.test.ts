/**
 * A channel address is handed to protocol clients as the string V8 keeps for a property name
 * (internalize-address.ts): the same characters, whatever they are, including names that are
 * special to objects (`__proto__`, array indexes) and text built by concatenation.
 */
import { describe, expect, it } from 'vitest';
import { internalizeAddress } from '../../../src/engine/steps/message/internalize-address.js';

describe('internalizeAddress (AsyncAPI 3.0 Channel Object address, as given to the protocol)', () => {
  it('keeps the characters of every address', () => {
    const worker = ['w', 7].join('');
    const built = `bench/${worker}/pings`;
    for (const address of [
      built,
      'orders/{id}/status',
      '42',
      '007',
      '',
      '__proto__',
      'constructor',
      'toString',
      'a/+/#',
      'ünïcode/トピック',
    ])
      expect(internalizeAddress(address)).toBe(address);
  });

  it('gives the same string for equal addresses built apart', () => {
    const a = internalizeAddress(['jobs', 'w1'].join('/'));
    const b = internalizeAddress(`jobs/${'w'}${1}`);
    expect(a).toBe('jobs/w1');
    expect(b).toBe(a);
  });
});
