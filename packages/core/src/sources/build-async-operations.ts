import { escapePointerToken } from '../document/json-pointer.js';
import { createRefResolver } from './create-ref-resolver.js';
import { readAsyncServerSecurity } from './read-async-server-security.js';
import { readAsyncV2 } from './read-async-v2.js';
import { readAsyncV3 } from './read-async-v3.js';
import type { ChannelInfo, MessageOperationInfo, MessageServerInfo } from './types.js';

/** An AsyncAPI operation as built for a source file, before a sourceDescription name is attached. */
export type SourceMessageOperation = Omit<MessageOperationInfo, 'sourceName'>;

/** A channel as built for a source file: its operations as indexes into the summary's operations. */
export type SourceChannel = Omit<ChannelInfo, 'sourceName' | 'operations'> & {
  readonly operationIndexes: readonly number[];
};

/** What telaio keeps of one AsyncAPI document. Plain JSON. */
export interface AsyncApiSummary {
  readonly version: string;
  readonly operations: readonly SourceMessageOperation[];
  readonly channels: readonly SourceChannel[];
  readonly servers: readonly MessageServerInfo[];
}

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};

/**
 * Walk an AsyncAPI 2.x or 3.x document once: every channel (key, pointer, address, messages) and
 * every operation (id, action in an Arazzo step's words, channel, messages, 3.x reply), with local
 * `$ref`s resolved. Throws when the major version is neither 2 nor 3.
 */
export function buildAsyncOperations(options: { api: unknown }): AsyncApiSummary {
  const root = asObj(options.api);
  const version = String(root.asyncapi ?? '');
  const context = {
    root,
    refs: createRefResolver(root),
    ...(typeof root.defaultContentType === 'string' ? { defaultContentType: root.defaultContentType } : {}),
  };
  const major = version.split('.')[0];
  const read = major === '2' ? readAsyncV2 : major === '3' ? readAsyncV3 : undefined;
  if (read === undefined)
    throw new Error(`AsyncAPI ${version || '(no version)'} is not supported: 2.x or 3.x only`);
  const { operations, channels } = read(context);
  const servers: MessageServerInfo[] = [];
  for (const [name, raw] of Object.entries(asObj(root.servers))) {
    const server = asObj(context.refs.shallow(raw));
    const url =
      typeof server.url === 'string'
        ? server.url
        : typeof server.host === 'string'
          ? `${server.host}${typeof server.pathname === 'string' ? server.pathname : ''}`
          : undefined;
    if (url === undefined || typeof server.protocol !== 'string') continue;
    servers.push({
      name,
      url,
      protocol: server.protocol,
      ...(typeof server.protocolVersion === 'string' ? { protocolVersion: server.protocolVersion } : {}),
      ...serverExtras(server, root, major ?? '', context.refs),
    });
  }
  return { version, operations, channels, servers };
}

/** A server's variables (for their defaults), bindings and security, when it declares them. */
function serverExtras(
  server: Obj,
  root: Obj,
  major: string,
  refs: { shallow(value: unknown): unknown; deep(value: unknown): unknown },
): Partial<Pick<MessageServerInfo, 'variables' | 'bindings' | 'security'>> {
  const security = readAsyncServerSecurity({ server, root, major, shallow: (v) => refs.shallow(v) });
  const variables = asObj(refs.deep(server.variables));
  const bindings = asObj(refs.deep(server.bindings));
  return {
    ...(Object.keys(variables).length === 0
      ? {}
      : { variables: variables as MessageServerInfo['variables'] }),
    ...(Object.keys(bindings).length === 0 ? {} : { bindings: bindings as MessageServerInfo['bindings'] }),
    ...(security.length === 0 ? {} : { security }),
  };
}

/** `/channels/<escaped key>`. */
export function channelPointer(key: string): string {
  return `/channels/${escapePointerToken(key)}`;
}
