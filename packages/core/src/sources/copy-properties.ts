/**
 * `{...source, ...extra}` without reading `source`'s accessors (defineLazyProperty's): they are
 * copied as accessors, so the copy leaves their values uncomputed and shares them once computed.
 * Like the spread, only own enumerable string keys are copied, in order, then `extra`'s.
 */
export function copyProperties<T extends object, E extends object>(source: T, extra: E): T & E {
  const copy = {};
  for (const key of Object.keys(source)) {
    const { get, value } = Object.getOwnPropertyDescriptor(source, key) ?? {};
    Object.defineProperty(
      copy,
      key,
      get === undefined
        ? { value, enumerable: true, writable: true, configurable: true }
        : { get, enumerable: true, configurable: true },
    );
  }
  return Object.assign(copy, extra) as T & E;
}
