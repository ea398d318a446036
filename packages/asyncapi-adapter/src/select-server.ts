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
 * of the channel's servers whose protocol `supported` holds. A channel with a `servers` list
 * (AsyncAPI 2.6 names, 3.0 `$ref`s) is available only on those: the engine hands only them, and a
 * URL chosen outside the document that is one of the other servers of the description is refused
 * (`SERVER_NOT_ON_CHANNEL`), while a URL naming no server of the description (a local broker) is
 * taken as the user's explicit choice. Server URLs without a scheme (AsyncAPI
 * 2.x `url: broker:1883`, 3.x `host`) get their server's protocol. Rejects with `NO_SERVER` when the
 * source declares none and none was given, `UNSUPPORTED_PROTOCOL` when no server speaks one of
 * `supported`.
 */
export function selectServer(target: MessageTarget, supported: readonly string[]): ChosenServer {
  const where = `channel '${target.channel}' of source '${target.source.name}'`;
  const restricted = target.channelServers;
  if (target.serverUrl !== undefined) {
    const url = parseServerUrl(target.serverUrl, undefined, where);
    const protocol = normaliseProtocol(url.protocol);
    if (!supported.includes(protocol))
      throw new TransportError(
        'UNSUPPORTED_PROTOCOL',
        `server ${url.protocol}//${url.host} for ${where}: protocol '${protocol}' is not one of ${supported.join(', ')}`,
      );
    // The URL of one of the channel's servers: that server (its bindings and security). The URL of
    // a server the channel's `servers` list leaves out: refused, the channel is not available there.
    // Any other URL (a local broker standing in): the first of the channel's servers with its protocol.
    const named = target.servers.find((s) => sameServer(s, url));
    const excluded = named === undefined ? restricted?.excluded.find((s) => sameServer(s, url)) : undefined;
    if (excluded !== undefined && restricted !== undefined)
      throw new TransportError(
        'SERVER_NOT_ON_CHANNEL',
        `${where}: ${url.protocol}//${url.host} is the description's server '${excluded.name}', and the channel is available only on ${listOf(restricted.names)} (its 'servers'); pass --server ${target.source.name}=URL of one of those, or of a broker outside the description`,
      );
    const server =
      named ?? target.servers.find((s) => normaliseProtocol(s.protocol) === protocol) ?? target.servers[0];
    return withUserInfo(url, protocol, server);
  }
  if (target.servers.length === 0)
    throw new TransportError(
      'NO_SERVER',
      restricted === undefined
        ? `${where}: the AsyncAPI description declares no server; pass --server ${target.source.name}=URL`
        : `${where}: the channel is available only on ${listOf(restricted.names)} (its 'servers'), which the AsyncAPI description does not declare; pass --server ${target.source.name}=URL`,
    );
  const server = target.servers.find((s) => supported.includes(normaliseProtocol(s.protocol)));
  if (server === undefined)
    throw new TransportError(
      'UNSUPPORTED_PROTOCOL',
      `${where}: no server ${restricted === undefined ? '' : 'the channel is available on '}speaks ${supported.join(', ')} (declared: ${target.servers
        .map((s) => `${s.name} (${s.protocol})`)
        .join(', ')}); pass --server ${target.source.name}=URL`,
    );
  const protocol = normaliseProtocol(server.protocol);
  return withUserInfo(parseServerUrl(server.url, protocol, where), protocol, server);
}

/** `server 'a'`, `servers 'a', 'b'`. */
function listOf(names: readonly string[]): string {
  return `server${names.length === 1 ? '' : 's'} ${names.map((n) => `'${n}'`).join(', ')}`;
}

/** True when `url` names the same broker as `server`: protocol (aliases folded), host, port and path. */
function sameServer(server: MessageServer, url: URL): boolean {
  let declared: URL;
  try {
    declared = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(server.url) ? server.url : `${server.protocol}://${server.url}`,
    );
  } catch {
    return false;
  }
  const path = (u: URL): string => u.pathname.replace(/\/+$/, '');
  return (
    normaliseProtocol(declared.protocol) === normaliseProtocol(url.protocol) &&
    declared.hostname.toLowerCase() === url.hostname.toLowerCase() &&
    declared.port === url.port &&
    path(declared) === path(url)
  );
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
