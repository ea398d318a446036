/**
 * Milliseconds on a monotonic clock (an arbitrary origin; only differences mean anything), with
 * sub-millisecond precision: what `performance.now()` gives for durations and deadlines, read
 * through `process.hrtime` because the first touch of `performance` loads Node's perf_hooks
 * modules (~11M instructions, ~2 ms of a cold `telaio run`).
 */
export function readMonotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}
