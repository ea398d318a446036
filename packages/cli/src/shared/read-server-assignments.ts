import { parseAssignment } from './parse-assignment.js';
import { UsageError } from './usage-error.js';

/**
 * Splits `--server SOURCE=URL` flags and checks each URL's shape (UsageError, exit 2): an absolute
 * URL with a host, http(s) for OpenAPI sources or a broker's scheme for AsyncAPI ones. Which scheme
 * fits which source is checked once the document is loaded (`checkServerUrls`).
 */
export function readServerAssignments(texts: readonly string[]): Record<string, string> {
  const servers: Record<string, string> = {};
  for (const text of texts) {
    const { name, value } = parseAssignment(text, '--server');
    if (!isServerUrl(value))
      throw new UsageError(
        `--server ${name}: '${value}' is not an http(s) URL (nor a broker URL such as mqtt://host:1883 for an AsyncAPI source)`,
      );
    servers[name] = value;
  }
  return servers;
}

/** True when `text` parses as an absolute URL (WHATWG rules) with a host and no whitespace. */
function isServerUrl(text: string): boolean {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.host !== '';
    return /^[a-z][a-z0-9+.-]*:\/\/[^/\s]/i.test(text) && url.host !== '' && !/\s/.test(text);
  } catch {
    return false;
  }
}
