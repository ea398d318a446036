/** Test helper: a tiny authenticated JSON client for a running sandbox (real HTTP via fetch). */
import type { Sandbox } from '@telaio/stytch-sandbox';

/** A response: status and parsed JSON body. */
export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by deep paths whose shapes they assert
  body: Record<string, any>;
  headers: Headers;
}

/** Calls the sandbox with HTTP Basic of its project id and secret (or `auth` when given). */
export function clientFor(sandbox: Sandbox, auth?: string | null) {
  const header =
    auth === null
      ? undefined
      : (auth ?? `Basic ${Buffer.from(`${sandbox.projectId}:${sandbox.secret}`).toString('base64')}`);
  const call = async (method: string, path: string, body?: unknown, raw?: string): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (header !== undefined) headers.authorization = header;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return {
      status: response.status,
      body: (await response.json()) as Reply['body'],
      headers: response.headers,
    };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    postRaw: (path: string, raw: string) => call('POST', path, undefined, raw),
    del: (path: string) => call('DELETE', path),
    call,
  };
}

/** A controllable clock for startSandbox({clock}). */
export function manualClock(start = Date.UTC(2030, 0, 1, 0, 0, 10)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}
