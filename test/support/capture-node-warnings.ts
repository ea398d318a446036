/**
 * Collects the Node warnings (process 'warning' events) emitted while each test of the calling
 * file runs, for tests that assert a warning does not (or does) happen: call it at the top of a
 * test file; `named(name)` waits one tick (Node emits warnings on a later tick than the code that
 * caused them) and returns the collected warnings of that name, as "Name: message" lines.
 */
import { afterEach, beforeEach } from 'vitest';

/** What captureNodeWarnings gives a test file. */
export interface CapturedNodeWarnings {
  /** The warnings called `name` (e.g. MaxListenersExceededWarning) seen so far in this test. */
  named(name: string): Promise<string[]>;
}

/** Registers the per-test listener (beforeEach/afterEach) and returns the reader of its warnings. */
export function captureNodeWarnings(): CapturedNodeWarnings {
  let warnings: string[] = [];
  const listen = (warning: Error): void => {
    warnings.push(`${warning.name}: ${warning.message}`);
  };
  beforeEach(() => {
    warnings = [];
    process.on('warning', listen);
  });
  afterEach(() => {
    process.off('warning', listen);
  });
  return {
    async named(name) {
      await new Promise((resolve) => setImmediate(resolve));
      return warnings.filter((w) => w.startsWith(`${name}:`));
    },
  };
}
