import { escapePointerToken } from '../document/json-pointer.js';
import type { SourceChannel, SourceMessageOperation } from './build-async-operations.js';
import { channelPointer } from './build-async-operations.js';
import {
  type AsyncReadContext,
  bindingsOf,
  followRef,
  lastToken,
  readAsyncMessage,
} from './read-async-message.js';
import type { MessageInfo } from './types.js';

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
const asArr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The channels and operations of an AsyncAPI 3.x document: channels with their `address` and
 * `messages` map; operations keyed by their id with `action`, `channel` (a `$ref` to
 * `#/channels/<key>`), their `messages` (else all of the channel's) and `reply`.
 */
export function readAsyncV3(context: AsyncReadContext): {
  operations: SourceMessageOperation[];
  channels: SourceChannel[];
} {
  const channels = new Map<string, SourceChannel & { operationIndexes: number[] }>();
  for (const [key, raw] of Object.entries(asObj(context.root.channels))) {
    const pointer = channelPointer(key);
    const channel = followRef(context, raw, pointer).node;
    const messages = Object.entries(asObj(channel.messages)).map(([id, message]) =>
      readAsyncMessage(context, message, `${pointer}/messages/${escapePointerToken(id)}`, id),
    );
    const address =
      typeof channel.address === 'string' ? channel.address : channel.address === null ? null : key;
    const bindings = bindingsOf(context, channel.bindings);
    const servers = serverNamesOf(channel.servers);
    channels.set(key, {
      key,
      pointer,
      address,
      messages,
      operationIndexes: [],
      ...(bindings === undefined ? {} : { bindings }),
      ...(servers.length === 0 ? {} : { servers }),
    });
  }
  const operations: SourceMessageOperation[] = [];
  for (const [id, raw] of Object.entries(asObj(context.root.operations))) {
    const pointer = `/operations/${escapePointerToken(id)}`;
    const op = followRef(context, raw, pointer).node;
    if (op.action !== 'send' && op.action !== 'receive') continue;
    const key = channelKeyOf(op.channel);
    const channel = key === undefined ? undefined : channels.get(key);
    const messages =
      op.messages === undefined
        ? (channel?.messages ?? [])
        : readMessageList(context, op.messages, `${pointer}/messages`);
    const reply = readReply(context, op.reply, `${pointer}/reply`, channels);
    channel?.operationIndexes.push(operations.length);
    const bindings = bindingsOf(context, op.bindings);
    operations.push({
      ...(bindings === undefined ? {} : { bindings }),
      ...(channel?.bindings === undefined ? {} : { channelBindings: channel.bindings }),
      ...(channel?.servers === undefined ? {} : { channelServers: channel.servers }),
      operationId: id,
      action: op.action,
      pointer,
      channel: key ?? '',
      channelPointer: key === undefined ? '' : channelPointer(key),
      address: channel?.address ?? null,
      messages,
      ...(reply === undefined ? {} : { reply }),
    });
  }
  return { operations, channels: [...channels.values()] };
}

/**
 * Channel Object `servers`: "An array of $ref pointers to the definition of the servers in which
 * this channel is available" (`#/servers/<name>`, the root Servers Object); the names they point to.
 * A `$ref` elsewhere names no server of the document and is left out.
 */
function serverNamesOf(value: unknown): string[] {
  const names: string[] = [];
  for (const item of asArr(value)) {
    const ref = asObj(item).$ref;
    const name = typeof ref === 'string' ? lastToken(decodeFragment(ref), '/servers/') : undefined;
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** The channel key a `{$ref: '#/channels/<key>'}` names. */
function channelKeyOf(value: unknown): string | undefined {
  const ref = asObj(value).$ref;
  return typeof ref === 'string' ? lastToken(decodeFragment(ref), '/channels/') : undefined;
}

function decodeFragment(ref: string): string {
  try {
    return decodeURIComponent(ref.startsWith('#') ? ref.slice(1) : ref);
  } catch {
    return ref;
  }
}

/** A list of `$ref`s to messages (of a channel, or of the components). */
function readMessageList(context: AsyncReadContext, value: unknown, pointer: string): MessageInfo[] {
  return asArr(value).map((message, i) => {
    const ref = asObj(message).$ref;
    const key = typeof ref === 'string' ? /\/messages\/([^/]+)$/.exec(decodeFragment(ref))?.[1] : undefined;
    const name = key?.replace(/~1/g, '/').replace(/~0/g, '~');
    return readAsyncMessage(context, message, `${pointer}/${i}`, name);
  });
}

/** An Operation Reply Object: its channel (and address), its messages (else the channel's). */
function readReply(
  context: AsyncReadContext,
  value: unknown,
  pointer: string,
  channels: ReadonlyMap<string, SourceChannel>,
): SourceMessageOperation['reply'] {
  if (value === undefined) return undefined;
  const reply = followRef(context, value, pointer).node;
  const key = channelKeyOf(reply.channel);
  const channel = key === undefined ? undefined : channels.get(key);
  const messages =
    reply.messages === undefined
      ? (channel?.messages ?? [])
      : readMessageList(context, reply.messages, `${pointer}/messages`);
  const address = followRef(context, reply.address, '').node.location;
  return {
    ...(key === undefined ? {} : { channel: key }),
    ...(typeof address === 'string'
      ? { address }
      : channel === undefined
        ? {}
        : { address: channel.address }),
    messages,
  };
}
