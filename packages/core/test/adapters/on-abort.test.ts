import { describe, expect, it } from 'vitest';
import { NEVER_ABORTED, onAbort } from '../../src/adapters/on-abort.js';

describe('onAbort: one abort listener per signal, fanning out to every wait (MaxListenersExceededWarning never tripped)', () => {
  it('calls every registered wait once when the signal aborts, and none that unregistered', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const leaves = Array.from({ length: 20 }, (_, i) =>
      onAbort(controller.signal, () => calls.push(`w${i}`)),
    );
    leaves[3]?.();
    controller.abort();
    controller.abort();
    expect(calls).toHaveLength(19);
    expect(calls).not.toContain('w3');
  });

  it('calls the wait at once when the signal has already aborted; NEVER_ABORTED never calls it', () => {
    const calls: string[] = [];
    onAbort(AbortSignal.abort(), () => calls.push('late'));
    expect(calls).toEqual(['late']);
    const leave = onAbort(NEVER_ABORTED, () => calls.push('never'));
    leave();
    expect(NEVER_ABORTED.aborted).toBe(false);
    expect(calls).toEqual(['late']);
  });
});
