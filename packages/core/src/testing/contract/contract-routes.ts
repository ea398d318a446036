/**
 * The known routes of the transport contract server, as a pure function so an in-memory transport
 * can answer exactly like the loopback node:http server does.
 */

/** An incoming request as the routes see it. */
export interface ContractRequest {
  readonly method: string;
  /** Path and query, e.g. `/echo/7?q=a%20b`. */
  readonly url: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a route answers; `delayMs` holds the answer back (the `/slow` route). */
export interface ContractAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly delayMs?: number;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): ContractAnswer => ({
  status,
  headers: { 'content-type': 'application/json', 'x-contract': 'yes', ...headers },
  body: JSON.stringify(value),
});

/** Answer one request of the contract suite. */
export function answerContractRequest(options: { request: ContractRequest }): ContractAnswer {
  const { request } = options;
  const url = new URL(request.url, 'http://contract.invalid');
  const path = url.pathname;
  const query = Object.fromEntries(url.searchParams.entries());
  if (path.startsWith('/echo')) {
    let body: unknown = request.body === '' ? null : request.body;
    if ((request.headers['content-type'] ?? '').includes('json') && request.body !== '')
      body = JSON.parse(request.body);
    return json(200, {
      method: request.method,
      path: decodeURIComponent(path),
      query,
      headers: request.headers,
      body,
    });
  }
  const status = /^\/status\/(\d{3})$/.exec(path);
  if (status) {
    const code = Number(status[1]);
    return json(code, { code }, code === 503 || code === 429 ? { 'retry-after': '2' } : {});
  }
  if (path === '/text')
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'hello' };
  if (path === '/xml')
    return { status: 200, headers: { 'content-type': 'application/xml' }, body: '<a><b>1</b></a>' };
  if (path === '/empty') return { status: 204, headers: {}, body: '' };
  if (path === '/slow') return { ...json(200, { slow: true }), delayMs: 5_000 };
  return json(404, { error: 'no route' });
}
