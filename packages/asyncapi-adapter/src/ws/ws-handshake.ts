import type { MessageTarget } from '@telaio/core';
import type { ClientRoute } from '../protocol-client.js';

type Obj = Readonly<Record<string, unknown>>;

/** The fixed value a binding schema property gives: its `const`, else its `default`, else its only `enum`. */
function fixedValue(schema: unknown): string | undefined {
  const s = (schema ?? {}) as Obj;
  const value =
    'const' in s
      ? s.const
      : 'default' in s
        ? s.default
        : Array.isArray(s.enum) && s.enum.length === 1
          ? s.enum[0]
          : undefined;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every property of an object schema with a fixed value. */
function fixedValues(schema: unknown): Record<string, string> {
  const properties = ((schema ?? {}) as Obj).properties as Obj | undefined;
  const values: Record<string, string> = {};
  for (const [name, property] of Object.entries(properties ?? {})) {
    const value = fixedValue(property);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/**
 * The WebSocket handshake for a channel: the server URL with the channel address appended to its
 * path, the query parameters and headers of the AsyncAPI WebSocket channel binding (`query` and
 * `headers` are schemas: each property's `const`, `default` or single `enum` value is sent), then
 * the login's (Authorization, an httpApiKey header or query parameter), which win.
 */
export function wsHandshake(
  target: MessageTarget,
  route: ClientRoute,
): { url: URL; headers: Record<string, string> } {
  const binding: Obj = (target.channelBindings.ws as Obj | undefined) ?? {};
  const url = new URL(route.chosen.url.href);
  const base = url.pathname.replace(/\/+$/, '');
  const address = target.address.replace(/^\/+/, '');
  url.pathname = address === '' ? url.pathname : `${base}/${address}`;
  for (const [name, value] of Object.entries({ ...fixedValues(binding.query), ...route.login.query }))
    url.searchParams.set(name, value);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(fixedValues(binding.headers)))
    headers[name.toLowerCase()] = value;
  Object.assign(headers, route.login.headers);
  return { url, headers };
}

/** The URL as reports show it: no user information, query parameters that carry a login replaced. */
export function wsReportUrl(url: URL, route: ClientRoute): string {
  const shown = new URL(url.href);
  for (const name of Object.keys(route.login.query)) shown.searchParams.set(name, '[REDACTED]');
  return shown.href.replace(/%5BREDACTED%5D/g, '[REDACTED]');
}
