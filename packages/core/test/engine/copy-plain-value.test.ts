import { describe, expect, it } from 'vitest';
import { copyPlainValue } from '../../src/engine/run/copy-plain-value.js';

describe('§Workflow Object inputs: a run works on its own deep copy of the inputs (copyPlainValue, as structuredClone)', () => {
  it('copies plain objects and arrays deeply, sharing nothing with the caller', () => {
    const given = { a: { b: [1, { c: 'x' }] }, n: null, t: true, big: 10n };
    const copy = copyPlainValue(given);
    expect(copy).toEqual(structuredClone(given));
    expect(copy).not.toBe(given);
    expect(copy.a).not.toBe(given.a);
    expect(copy.a.b[1]).not.toBe(given.a.b[1]);
  });

  it('keeps a __proto__ key as data and copies Dates, Maps and typed arrays as structuredClone does', () => {
    const given = JSON.parse('{"__proto__": {"polluted": 1}, "x": 1}') as Record<string, unknown>;
    const copy = copyPlainValue(given);
    expect(Object.keys(copy)).toEqual(['__proto__', 'x']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const when = new Date(0);
    const odd = { when, map: new Map([['k', 1]]), bytes: new Uint8Array([1, 2]) };
    const copied = copyPlainValue(odd);
    expect(copied.when).toEqual(when);
    expect(copied.when).not.toBe(when);
    expect(copied.map.get('k')).toBe(1);
    expect([...copied.bytes]).toEqual([1, 2]);
  });

  it('copies a cycle (through structuredClone) and refuses a function as structuredClone does', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const copy = copyPlainValue(cyclic);
    expect(copy.self).toBe(copy);
    expect(copy).not.toBe(cyclic);
    expect(() => copyPlainValue({ f: () => 1 })).toThrow();
  });
});
