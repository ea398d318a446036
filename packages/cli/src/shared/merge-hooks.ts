import type { EngineHooks } from '@telaio/core';

/**
 * One EngineHooks that calls each of `hooks` in order for every event (the secret collector first,
 * so printers that follow already know a value is secret). A hook that throws is reported to
 * `onError` and does not stop the others or the run.
 */
export function mergeHooks(
  hooks: readonly (EngineHooks | undefined)[],
  onError?: (error: unknown) => void,
): EngineHooks {
  const present = hooks.filter((h): h is EngineHooks => h !== undefined);
  const merged: Record<string, (event: unknown) => void> = {};
  const names = new Set(present.flatMap((h) => Object.keys(h)));
  for (const name of names) {
    merged[name] = (event: unknown) => {
      for (const h of present) {
        const fn = (h as Record<string, ((e: unknown) => void) | undefined>)[name];
        if (typeof fn !== 'function') continue;
        try {
          fn.call(h, event);
        } catch (error) {
          onError?.(error);
        }
      }
    };
  }
  return merged as EngineHooks;
}
