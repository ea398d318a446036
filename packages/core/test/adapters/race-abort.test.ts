import { describe, expect, it } from 'vitest';
import { raceAbort } from '../../src/adapters/race-abort.js';

describe('raceAbort (waits the adapters and hosts cannot interrupt)', () => {
  const reason = (): Error => new Error('stopped');

  it('settles as the work settles while the signal stays quiet, and removes its listener', async () => {
    const controller = new AbortController();
    await expect(raceAbort(Promise.resolve(7), controller.signal, reason)).resolves.toBe(7);
    await expect(raceAbort(Promise.reject(new Error('boom')), controller.signal, reason)).rejects.toThrow(
      'boom',
    );
    // Aborting afterwards changes nothing: the listeners are gone.
    controller.abort();
  });

  it('rejects with the reason as soon as the signal aborts; the late rejection of the work is handled', async () => {
    const controller = new AbortController();
    let fail: (error: Error) => void = () => undefined;
    const work = new Promise<number>((_, reject) => {
      fail = reject;
    });
    const raced = raceAbort(work, controller.signal, reason);
    controller.abort();
    await expect(raced).rejects.toThrow('stopped');
    fail(new Error('late'));
    await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('rejects at once for a signal aborted before the call, without leaving the work unhandled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(raceAbort(Promise.reject(new Error('late')), controller.signal, reason)).rejects.toThrow(
      'stopped',
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
