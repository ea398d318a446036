import type { MessageServer, MessageTarget } from '@telaio/core';
import { TransportError } from '@telaio/core';

/** The server a message goes through, as a protocol client needs it. */
export interface ChosenServer {
  /** The protocol (lower case, aliases folded: `secure-mqtt` → `mqtts`). */
  readonly protocol: string;
  /** The server URL without user information (what reports show). */
  readonly url: URL;
  /** User and password written into the URL (`--server src=mqtt://user:pass@host`), if any. */
  readonly userInfo?: { readonly username: string; readonly password: string };
  /** The AsyncAPI server whose bindings and security apply (the override keeps the first one's). */
  readonly server?: MessageServer;
}

const ALIASES: Readonly<Record<string, string>> = { 'secure-mqtt': 'mqtts', 'secure-ws': 'wss' };

/** `protocol` in lower case, with the older AsyncAPI aliases folded. */
export function normaliseProtocol(protocol: string): string {
  const lower = protocol.toLowerCase().replace(/:$/, '');
  return ALIASES[lower] ?? lower;
}

/**
 * Chooses the server for `target`: the URL given outside the document (`--server`,
 * CredentialProvider.serverFor) when there is one, its scheme naming the protocol; else the first
 * of the channel's servers whose protocol `supported` holds. Server URLs without a scheme (AsyncAPI
 * 2.x `url: broker:1883`, 3.x `host`) get their server's protocol. Rejects with `NO_SERVER` when the
 * source declares none and none was given, `UNSUPPORTED_PROTOCOL` when no server speaks one of
 * `supported`.
 */
export function selectServer(target: MessageTarget, supported: readonly string[]): ChosenServer {
  const where = `channel '${target.channel}' of source '${target.source.name}'`;
  if (target.serverUrl !== undefined) {
    const url = parseServerUrl(target.serverUrl, undefined, where);
    const protocol = normaliseProtocol(url.protocol);
    if (!supported.includes(protocol))
      throw new TransportError(
        'UNSUPPORTED_PROTOCOL',
        `server ${url.protocol}//${url.host} for ${where}: protocol '${protocol}' is not one of ${supported.join(', ')}`,
      );
    const server =
      target.servers.find((s) => normaliseProtocol(s.protocol) === protocol) ?? target.servers[0];
    return withUserInfo(url, protocol, server);
  }
  if (target.servers.length === 0)
    throw new TransportError(
      'NO_SERVER',
      `${where}: the AsyncAPI description declares no server; pass --server ${target.source.name}=URL`,
    );
  const server = target.servers.find((s) => supported.includes(normaliseProtocol(s.protocol)));
  if (server === undefined)
    throw new TransportError(
      'UNSUPPORTED_PROTOCOL',
      `${where}: no server speaks ${supported.join(', ')} (declared: ${target.servers
        .map((s) => `${s.name} (${s.protocol})`)
        .join(', ')}); pass --server ${target.source.name}=URL`,
    );
  const protocol = normaliseProtocol(server.protocol);
  return withUserInfo(parseServerUrl(server.url, protocol, where), protocol, server);
}

function parseServerUrl(text: string, protocol: string | undefined, where: string): URL {
  const full =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || protocol === undefined ? text : `${protocol}://${text}`;
  try {
    return new URL(full);
  } catch {
    throw new TransportError('NO_SERVER', `server URL '${text}' for ${where} is not a URL`);
  }
}

function withUserInfo(url: URL, protocol: string, server: MessageServer | undefined): ChosenServer {
  const clean = new URL(url.href);
  const hasUser = url.username !== '' || url.password !== '';
  clean.username = '';
  clean.password = '';
  return {
    protocol,
    url: clean,
    ...(hasUser
      ? {
          userInfo: {
            username: decodeURIComponent(url.username),
            password: decodeURIComponent(url.password),
          },
        }
      : {}),
    ...(server === undefined ? {} : { server }),
  };
}
