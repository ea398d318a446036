/**
 * Vitest setup file: a Node warning (MaxListenersExceededWarning, TimeoutOverflowWarning,
 * a DeprecationWarning...) emitted while a test file runs fails that file, naming the warning, so
 * that warnings never become noise people learn to ignore.
 */
import { afterAll } from 'vitest';

const warnings: string[] = [];
const listener = (warning: Error): void => {
  warnings.push(`${warning.name}: ${warning.message}`);
};
process.on('warning', listener);

afterAll(async () => {
  // Warnings are emitted on a later tick than the code that caused them.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', listener);
  if (warnings.length > 0) throw new Error(`Node warnings while this file ran:\n${warnings.join('\n')}`);
});
