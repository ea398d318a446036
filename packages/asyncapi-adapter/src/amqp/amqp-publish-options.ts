import type { OutgoingMessage } from '@telaio/core';
import type { Options } from 'amqplib';

type Obj = Readonly<Record<string, unknown>>;

/**
 * AMQP basic properties for `message`: its content type, headers (the header table), correlation
 * id, reply address (`replyTo`), and the AsyncAPI AMQP operation binding (`deliveryMode` 1|2,
 * `priority`, `expiration`, `userId`, `cc`, `bcc`, `mandatory`, `timestamp`, 2.x `replyTo`) and
 * message binding (`contentEncoding`, `messageType` as `type`).
 */
export function amqpPublishOptions(message: OutgoingMessage): Options.Publish {
  const op: Obj = (message.target.operationBindings.amqp as Obj | undefined) ?? {};
  const msg: Obj = (message.target.messageBindings.amqp as Obj | undefined) ?? {};
  const options: Options.Publish = { contentType: message.contentType };
  if (Object.keys(message.headers).length > 0) options.headers = { ...message.headers };
  if (message.correlationId !== undefined) options.correlationId = message.correlationId;
  const replyTo = message.replyAddress ?? (typeof op.replyTo === 'string' ? op.replyTo : undefined);
  if (replyTo !== undefined) options.replyTo = replyTo;
  if (op.deliveryMode === 1 || op.deliveryMode === 2) options.deliveryMode = op.deliveryMode;
  if (typeof op.priority === 'number') options.priority = op.priority;
  if (typeof op.expiration === 'number' || typeof op.expiration === 'string')
    options.expiration = String(op.expiration);
  if (typeof op.userId === 'string') options.userId = op.userId;
  if (Array.isArray(op.cc)) options.CC = op.cc.map(String);
  if (Array.isArray(op.bcc)) options.BCC = op.bcc.map(String);
  if (typeof op.mandatory === 'boolean') options.mandatory = op.mandatory;
  if (op.timestamp === true) options.timestamp = Math.floor(Date.now() / 1000);
  if (typeof msg.contentEncoding === 'string') options.contentEncoding = msg.contentEncoding;
  if (typeof msg.messageType === 'string') options.type = msg.messageType;
  return options;
}
