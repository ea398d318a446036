/**
 * A message step's target compiled once at load: its action (the step's `action`, else its
 * operation's), the operation a channelPath step performs (the channel's operation with that
 * action, if any), the messages it sends or receives, the MessageTarget (channel address, servers),
 * the send payload, and the receive correlation (the step's `correlationId` value; where it sits in
 * a message, from the AsyncAPI Correlation ID `location`).
 */
import type { MessageServer } from '../../../adapters/message-transport.js';
import { compileValue } from '../../../expressions/compile-value.js';
import type { DeclaredNames } from '../../../expressions/declared-names.js';
import type { SourceDescription, Step } from '../../../model/arazzo.js';
import { planError } from '../../plan/plan-error.js';
import type { MessageStepTarget } from '../../plan/plan-types.js';
import { compileBody } from '../operation/compile-body.js';
import type { FoundMessageStep } from './find-message-step.js';
import { internalizeAddress } from './internalize-address.js';
import { serverUrlOf } from './server-url.js';

/** Compile the target of a message step found by findMessageStep. */
export function compileMessageTarget(options: {
  readonly step: Step;
  readonly found: FoundMessageStep;
  readonly sources: readonly SourceDescription[];
  readonly uri: string;
  readonly pointer: string;
  readonly names?: DeclaredNames;
  readonly selectors: boolean;
}): MessageStepTarget {
  const { step, found, uri, pointer } = options;
  const values = {
    ...(options.names === undefined ? {} : { names: options.names }),
    selectors: options.selectors,
  };
  const action = step.action ?? found.operation?.action;
  if (action === undefined)
    return planError({
      uri,
      pointer: `${pointer}/channelPath`,
      message: "a channelPath step needs 'action' (send or receive)",
    });
  const operation = found.operation ?? found.channel?.operations.find((o) => o.action === action);
  const channelKey = operation?.channel ?? found.channel?.key ?? '';
  const address = operation?.address ?? found.channel?.address ?? null;
  if (address === null)
    return planError({
      uri,
      pointer,
      message: `the AsyncAPI channel '${channelKey}' has no address (it is dynamic), so there is nowhere to ${action}`,
    });
  const messages = operation?.messages ?? found.channel?.messages ?? [];
  const source =
    options.sources.find((s) => s.name === found.source.description.name) ?? found.source.description;
  const all: MessageServer[] = found.source.servers.map((server) => ({
    name: server.name,
    url: serverUrlOf(server),
    protocol: server.protocol,
    ...(server.protocolVersion === undefined ? {} : { protocolVersion: server.protocolVersion }),
    bindings: server.bindings ?? {},
    security: server.security ?? [],
  }));
  // AsyncAPI 3.0 Channel Object `servers`: "the servers in which this channel is available. If
  // servers is absent or empty, this channel MUST be available on all the servers" (2.6: names).
  const listed = operation?.channelServers ?? found.channel?.servers;
  const servers = listed === undefined ? all : all.filter((server) => listed.includes(server.name));
  const channelServers =
    listed === undefined
      ? {}
      : {
          channelServers: {
            names: listed,
            excluded: all.filter((server) => !listed.includes(server.name)),
          },
        };
  const location = messages.find((m) => m.correlationId !== undefined)?.correlationId?.location;
  const reply = operation?.reply?.address;
  return {
    kind: 'message',
    action,
    ...(operation === undefined ? {} : { operation }),
    source,
    target: {
      source,
      channel: channelKey,
      // Flat and hashed once for every message sent or received on it (internalize-address.ts).
      address: internalizeAddress(address),
      ...(operation?.operationId === undefined ? {} : { operationId: operation.operationId }),
      servers,
      ...channelServers,
      channelBindings: operation?.channelBindings ?? found.channel?.bindings ?? {},
      operationBindings: operation?.bindings ?? {},
      messageBindings: messages.find((m) => m.bindings !== undefined)?.bindings ?? {},
    },
    addressTemplate: /\{[^{}]+\}/.test(address),
    messages,
    ...(action === 'send' && step.requestBody !== undefined
      ? { body: compileBody({ body: step.requestBody, uri, pointer: `${pointer}/requestBody`, ...values }) }
      : {}),
    ...(action === 'receive' && step.correlationId !== undefined
      ? { correlationId: compileValue(step.correlationId, values) }
      : {}),
    ...(location === undefined ? {} : { correlationLocation: location }),
    ...(action === 'send' && typeof reply === 'string' ? { replyAddress: reply } : {}),
  };
}
