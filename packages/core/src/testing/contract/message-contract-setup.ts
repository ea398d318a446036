/**
 * What the message transport contract suite needs from the transport under test: the transport, a
 * way to name a channel on its broker, and what the protocol can carry. Shared by the suite's files.
 */
import type { MessageTarget, MessageTransport } from '../../adapters/message-transport.js';
import type { SourceDescription } from '../../model/arazzo.js';

/** One transport under test, connected to its broker. */
export interface MessageContractSetup {
  readonly transport: MessageTransport;
  /**
   * The target of a channel at `address` on the broker under test (servers, bindings). The suite
   * passes addresses unique to each test (`telaio-contract/<random>/...`), so a shared broker is fine.
   */
  target(address: string): MessageTarget;
  /**
   * False when the protocol has no per-message application headers (MQTT 3.1.1): the header cases
   * are skipped with a printed reason. Default true.
   */
  readonly headers?: boolean;
  /** Stop what the factory started (not the transport: the suite closes that). */
  close?(): Promise<void>;
}

/** Builds a fresh transport (and whatever it needs) for the suite; called more than once. */
export type MessageTransportFactory = () => MessageContractSetup | Promise<MessageContractSetup>;

const SOURCE: SourceDescription = { name: 'contract', url: 'contract.asyncapi.yaml', type: 'asyncapi' };

/**
 * A MessageTarget at `address` on one server (`url`, `protocol`), with no bindings: what most
 * factories' `target` returns. `bindings` adds channel/operation/message bindings for a protocol.
 */
export function contractTarget(options: {
  readonly address: string;
  readonly url: string;
  readonly protocol: string;
  readonly protocolVersion?: string;
  readonly channelBindings?: MessageTarget['channelBindings'];
  readonly operationBindings?: MessageTarget['operationBindings'];
}): MessageTarget {
  return {
    source: SOURCE,
    channel: options.address,
    address: options.address,
    servers: [
      {
        name: 'contract',
        url: options.url,
        protocol: options.protocol,
        ...(options.protocolVersion === undefined ? {} : { protocolVersion: options.protocolVersion }),
        bindings: {},
        security: [],
      },
    ],
    channelBindings: options.channelBindings ?? {},
    operationBindings: options.operationBindings ?? {},
    messageBindings: {},
  };
}

/** A fresh channel address for one contract case. */
export function contractAddress(label: string): string {
  return `telaio-contract/${label}/${Math.random().toString(36).slice(2, 10)}`;
}
