/**
 * One timer for every receive timeout (receive-deadlines.ts): deadlines fire in order however they
 * were added, a cancelled one never fires, an early end does not stop later deadlines, and while
 * nothing waits the timer does not keep the process alive.
 */
import { describe, expect, it, vi } from 'vitest';
import { addDeadline, cancelDeadline } from '../src/receive-deadlines.js';

/** Polls until `done()` (at most 5 s): no assertion on how long anything took. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('receive deadlines (Arazzo 1.1 receive: "If no matching message is received within the timeout period, the step fails")', () => {
  it('fires each deadline once, in deadline order, and never a cancelled one', async () => {
    const fired: string[] = [];
    addDeadline(30, () => fired.push('30'));
    const cancelled = addDeadline(5, () => fired.push('5, cancelled'));
    addDeadline(10, () => fired.push('10'));
    addDeadline(Number.NaN, () => fired.push('NaN as 0'));
    addDeadline(10, () => fired.push('10 again'));
    cancelDeadline(cancelled);
    cancelDeadline(cancelled);
    await until(() => fired.length >= 4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toEqual(['NaN as 0', '10', '10 again', '30']);
  });

  it('keeps later deadlines when the earliest ends early, and fires one added after all ended', async () => {
    const fired: number[] = [];
    const first = addDeadline(5, () => fired.push(5));
    addDeadline(25, () => fired.push(25));
    cancelDeadline(first);
    await until(() => fired.length >= 1);
    expect(fired).toEqual([25]);
    const lone = addDeadline(1_000, () => fired.push(1_000));
    cancelDeadline(lone);
    addDeadline(5, () => fired.push(5));
    await until(() => fired.length >= 2);
    expect(fired).toEqual([25, 5]);
  });

  it('counts on a monotonic clock: the wall clock stepping back an hour delays nothing', async () => {
    const fired: string[] = [];
    const wall = Date.now();
    const stepped = vi.spyOn(Date, 'now').mockImplementation(() => wall - 3_600_000);
    try {
      addDeadline(5, () => fired.push('due'));
      await until(() => fired.length >= 1);
      expect(fired).toEqual(['due']);
    } finally {
      stepped.mockRestore();
    }
  });

  it('lets the process exit while nothing waits (the armed timer is unref-ed)', async () => {
    const handles = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = handles();
    const entry = addDeadline(60_000, () => undefined);
    expect(handles()).toBe(before + 1);
    cancelDeadline(entry);
    expect(handles()).toBe(before);
  });
});
