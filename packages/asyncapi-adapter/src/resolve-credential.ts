import type { Credential, MessageContext, MessageTarget } from '@telaio/core';
import { credentialSecrets, TransportError } from '@telaio/core';
import type { ChosenServer } from './select-server.js';

/** What the protocol clients apply: protocol-level user and password, or HTTP-style header and query values. */
export interface ServerLogin {
  readonly username?: string;
  readonly password?: string;
  /** WebSocket handshake headers (Authorization, an httpApiKey header). */
  readonly headers: Readonly<Record<string, string>>;
  /** WebSocket handshake query parameters (an httpApiKey in the query). */
  readonly query: Readonly<Record<string, string>>;
  /** Every secret value in it, to be masked. */
  readonly secrets: readonly string[];
  /** A stable key of the login, so connections are shared only between equal logins. */
  readonly key: string;
}

/**
 * The login for `chosen`: user information in the server URL wins; else the first of the server's
 * security requirements the credential seam answers (`credentialFor` with `required: true`). Basic
 * → user and password (MQTT CONNECT, AMQP PLAIN, WebSocket `Authorization: Basic`); bearer → MQTT
 * and AMQP password (token-authenticating brokers read it there), WebSocket `Authorization:
 * Bearer`; apiKey → an httpApiKey's header or query parameter, else the protocol password.
 */
export async function resolveLogin(
  target: MessageTarget,
  chosen: ChosenServer,
  context: MessageContext,
): Promise<ServerLogin> {
  if (chosen.userInfo !== undefined) {
    const { username, password } = chosen.userInfo;
    return login({ type: 'basic', username, password }, undefined);
  }
  for (const security of chosen.server?.security ?? []) {
    const credential = await context.credentials?.credentialFor({
      source: target.source,
      schemeName: security.schemeName,
      scheme: security.scheme,
      required: true,
    });
    if (credential !== undefined) return login(credential, security.scheme);
  }
  return { headers: {}, query: {}, secrets: [], key: '' };
}

function login(
  credential: Credential,
  scheme: { readonly in?: string; readonly name?: string } | undefined,
): ServerLogin {
  const secrets = credentialSecrets(credential);
  const base = { headers: {}, query: {}, secrets };
  switch (credential.type) {
    case 'basic': {
      const blob = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
      return {
        ...base,
        username: credential.username,
        password: credential.password,
        headers: { authorization: `Basic ${blob}` },
        key: `basic:${credential.username}:${credential.password}`,
      };
    }
    case 'bearer':
      return {
        ...base,
        password: credential.token,
        headers: { authorization: `Bearer ${credential.token}` },
        key: `bearer:${credential.token}`,
      };
    case 'apiKey': {
      const name = scheme?.name;
      if (name !== undefined && scheme?.in === 'header')
        return {
          ...base,
          headers: { [name.toLowerCase()]: credential.value },
          key: `key:${credential.value}`,
        };
      if (name !== undefined && scheme?.in === 'query')
        return { ...base, query: { [name]: credential.value }, key: `key:${credential.value}` };
      return { ...base, password: credential.value, key: `key:${credential.value}` };
    }
    case 'oauth2-client-credentials':
      throw new TransportError(
        'AUTH_UNSUPPORTED',
        'an oauth2 client-credentials login is not supported for message servers: give a bearer token',
      );
  }
}
