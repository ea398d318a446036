import { combineSignals, NEVER_ABORTED } from '@telaio/core';
import { describe, expect, it } from 'vitest';

/** How many signals combined from `signal` it still holds (Node 20 keeps them in a set it never prunes). */
function dependantsOf(signal: AbortSignal): number {
  const symbol = Object.getOwnPropertySymbols(signal).find((s) => s.description === 'kDependantSignals');
  const set = symbol === undefined ? undefined : (signal as unknown as Record<symbol, unknown>)[symbol];
  return set instanceof Set ? set.size : 0;
}

describe('combineSignals: AbortSignal.any without NEVER_ABORTED (the signal every run given none shares)', () => {
  it('with one other signal gives that signal itself, and combines nothing from NEVER_ABORTED', () => {
    const before = dependantsOf(NEVER_ABORTED);
    const other = new AbortController().signal;
    for (let i = 0; i < 20; i += 1) expect(combineSignals(NEVER_ABORTED, other)).toBe(other);
    expect(combineSignals(NEVER_ABORTED)).toBe(NEVER_ABORTED);
    expect(dependantsOf(NEVER_ABORTED)).toBe(before);
  });

  it('two live signals: aborts when either does', () => {
    const a = new AbortController();
    const b = new AbortController();
    const both = combineSignals(a.signal, NEVER_ABORTED, b.signal);
    expect(both.aborted).toBe(false);
    b.abort(new Error('b'));
    expect(both.aborted).toBe(true);
  });
});
