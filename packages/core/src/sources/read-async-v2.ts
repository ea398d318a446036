import type { SourceChannel, SourceMessageOperation } from './build-async-operations.js';
import { channelPointer } from './build-async-operations.js';
import { type AsyncReadContext, bindingsOf, followRef, readAsyncMessage } from './read-async-message.js';
import type { MessageInfo } from './types.js';

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};

/** 2.x verbs in the words of an Arazzo 1.1 step's `action`: "send (publish) or receive (subscribe)". */
const ACTIONS = { publish: 'send', subscribe: 'receive' } as const;

/**
 * The channels and operations of an AsyncAPI 2.x document: each channel's `publish` and
 * `subscribe` operations (`/channels/<name>/publish`), their `message` (one, or `oneOf`), the
 * channel's name as its address.
 */
export function readAsyncV2(context: AsyncReadContext): {
  operations: SourceMessageOperation[];
  channels: SourceChannel[];
} {
  const operations: SourceMessageOperation[] = [];
  const channels: SourceChannel[] = [];
  for (const [name, raw] of Object.entries(asObj(context.root.channels))) {
    const pointer = channelPointer(name);
    const channel = followRef(context, raw, pointer).node;
    const operationIndexes: number[] = [];
    const channelMessages = new Map<string, MessageInfo>();
    const channelBindings = bindingsOf(context, channel.bindings);
    // Channel Item `servers`: "The servers on which this channel is available ... names (string keys)
    // of Server Objects"; absent or empty: all of them.
    const names = Array.isArray(channel.servers)
      ? channel.servers.filter((n): n is string => typeof n === 'string')
      : [];
    const servers = names.length === 0 ? {} : { servers: names };
    for (const verb of ['publish', 'subscribe'] as const) {
      if (channel[verb] === undefined) continue;
      const opPointer = `${pointer}/${verb}`;
      const op = followRef(context, channel[verb], opPointer).node;
      const messages = readMessages(context, op.message, `${opPointer}/message`);
      for (const message of messages) channelMessages.set(message.pointer, message);
      operationIndexes.push(operations.length);
      const bindings = bindingsOf(context, op.bindings);
      operations.push({
        ...(bindings === undefined ? {} : { bindings }),
        ...(channelBindings === undefined ? {} : { channelBindings }),
        ...(names.length === 0 ? {} : { channelServers: names }),
        ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
        action: ACTIONS[verb],
        verb,
        pointer: opPointer,
        channel: name,
        channelPointer: pointer,
        address: name,
        messages,
      });
    }
    channels.push({
      key: name,
      pointer,
      address: name,
      messages: [...channelMessages.values()],
      operationIndexes,
      ...(channelBindings === undefined ? {} : { bindings: channelBindings }),
      ...servers,
    });
  }
  return { operations, channels };
}

/** An operation's `message`: one Message Object, or `{oneOf: [...]}` (either possibly behind a `$ref`). */
function readMessages(context: AsyncReadContext, raw: unknown, pointer: string): MessageInfo[] {
  if (raw === undefined) return [];
  const { node, pointer: at } = followRef(context, raw, pointer);
  if (Array.isArray(node.oneOf))
    return node.oneOf.map((item, i) => readAsyncMessage(context, item, `${at}/oneOf/${i}`));
  return [readAsyncMessage(context, node, at)];
}
