/**
 * The URL of an AsyncAPI server as a MessageServer gives it: `{variables}` replaced by their
 * defaults (when the source kept them), and a scheme from the protocol when the url has none (3.x
 * `host` is `broker.example.com:1883`).
 */
import type { MessageServerInfo } from '../../../sources/types.js';

/** `server.url` ready for a transport. */
export function serverUrlOf(server: MessageServerInfo): string {
  const variables = server.variables ?? {};
  const url = server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = variables[name]?.default;
    return value === undefined ? whole : String(value);
  });
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `${server.protocol}://${url}`;
}
