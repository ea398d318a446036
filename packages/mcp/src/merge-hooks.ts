import type { EngineHooks } from '@telaio/core';

/**
 * One EngineHooks calling each of `list` in order for every event; a hook that throws is reported
 * to `onError` and never stops the run or the other hooks.
 */
export function mergeHooks(
  list: readonly (EngineHooks | undefined)[],
  onError: (error: unknown) => void,
): EngineHooks {
  const present = list.filter((h): h is EngineHooks => h !== undefined);
  const merged: Record<string, (event: unknown) => void> = {};
  const names = new Set(present.flatMap((h) => Object.keys(h)));
  for (const name of names) {
    merged[name] = (event) => {
      for (const hooks of present) {
        const fn = (hooks as Record<string, ((e: unknown) => void) | undefined>)[name];
        try {
          fn?.call(hooks, event);
        } catch (error) {
          onError(error);
        }
      }
    };
  }
  return merged as EngineHooks;
}
