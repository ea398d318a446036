/**
 * Give `target` an enumerable property `key` whose value `compute` works out on the first read and
 * keeps: it reads, spreads (`{...target}`), serialises and compares like a plain property, but costs
 * nothing until someone looks. `compute` must not depend on when it runs. Copies made with
 * copyProperties share the one computation.
 */
export function defineLazyProperty<T extends object, K extends PropertyKey, V>(
  target: T,
  key: K,
  compute: () => V,
): T & { readonly [P in K]: V } {
  let state: { value: V } | undefined;
  return Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      state ??= { value: compute() };
      return state.value;
    },
  }) as T & { readonly [P in K]: V };
}
