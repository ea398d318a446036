/**
 * A sleep for the engine's retry waits that, on a terminal, shows a countdown (`waiting 3 s…`) on
 * one line and erases it when done. Off a terminal it just waits. Rejects when `signal` aborts.
 */
export function createCountdownSleep(stream: NodeJS.WriteStream, options: { readonly indent?: string } = {}) {
  const indent = options.indent ?? '    ';
  return (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const tty = stream.isTTY === true;
      const end = Date.now() + ms;
      const draw = (): void => {
        const left = Math.max(0, end - Date.now());
        const text =
          left >= 10_000 || left % 1000 === 0
            ? `${Math.ceil(left / 1000)} s`
            : `${(left / 1000).toFixed(1)} s`;
        stream.write(`\r\x1b[K${indent}waiting ${text}…`);
      };
      const finish = (error?: unknown): void => {
        clearTimeout(timer);
        clearInterval(ticker);
        signal?.removeEventListener('abort', onAbort);
        if (tty) stream.write('\r\x1b[K');
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = (): void => finish(signal?.reason ?? new Error('aborted'));
      if (signal?.aborted === true) return onAbort();
      const timer = setTimeout(() => finish(), ms);
      const ticker = tty ? setInterval(draw, ms > 3000 ? 1000 : 100) : undefined;
      if (tty) draw();
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}
