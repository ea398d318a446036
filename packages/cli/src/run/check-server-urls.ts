import type { ResolvedSource } from '@telaio/core';
import { UsageError } from '../shared/usage-error.js';

/**
 * Checks each `--server SOURCE=URL` against the kind of source it names, once the documents are
 * loaded: an OpenAPI source takes an http(s) URL; an AsyncAPI source a URL whose scheme is a
 * protocol @telaio/asyncapi-adapter speaks (its PROTOCOL_CLIENTS registry: mqtt, mqtts, ws, wss,
 * amqp, amqps; loaded only when such a source is given a URL). Throws UsageError (exit 2). Sources
 * the documents do not resolve (Arazzo, unresolved) are not checked here.
 */
export async function checkServerUrls(options: {
  readonly servers: Readonly<Record<string, string>>;
  readonly sources: readonly ResolvedSource[];
}): Promise<void> {
  for (const [name, url] of Object.entries(options.servers)) {
    const source = options.sources.find((s) => s.description.name === name);
    if (source === undefined) continue;
    const scheme = new URL(url).protocol.replace(/:$/, '');
    if (source.kind === 'openapi' && scheme !== 'http' && scheme !== 'https')
      throw new UsageError(`--server ${name}: '${url}' is not an http(s) URL (${name} is an OpenAPI source)`);
    if (source.kind === 'asyncapi') {
      const { PROTOCOL_CLIENTS, normaliseProtocol } = await import('@telaio/asyncapi-adapter');
      const known = Object.keys(PROTOCOL_CLIENTS);
      if (!known.includes(normaliseProtocol(scheme)))
        throw new UsageError(
          `--server ${name}: '${scheme}' is not a protocol telaio speaks to brokers (${name} is an AsyncAPI source; use ${known.map((k) => `${k}://`).join(', ')})`,
        );
    }
  }
}
