import type { ReceivedMessage, SentMessage, StepResult } from '@telaio/core';

/** A message step's message in words, for pretty lines and JUnit details. Mask the step first. */
export interface MessageDescription {
  /** `send orders/placed` or `receive orders/o-1/status`. */
  readonly headline: string;
  /** `mqtt://127.0.0.1:1883  correlationId=abc` */
  readonly via: string;
  /** The payload on one line, cut to `width` characters. */
  readonly payload: string;
}

/** How a message step's message reads, or undefined for other steps (and receives that got none). */
export function describeMessage(
  step: StepResult,
  options: {
    readonly width?: number;
    /** The correlation value a receive waited for (its `correlationId`), when the message does not carry it in a protocol field. */
    readonly correlation?: string;
  } = {},
): MessageDescription | undefined {
  const width = options.width ?? 100;
  const message: SentMessage | ReceivedMessage | undefined = step.sentMessage ?? step.receivedMessage;
  if (step.action === undefined || message === undefined) return undefined;
  const id = message.correlationId ?? options.correlation;
  const correlation = id === undefined ? '' : `  correlationId=${id}`;
  const headers = Object.keys(message.headers);
  const body = message.body.replace(/\s*\n\s*/g, ' ');
  return {
    headline: `${step.action} ${message.address}`,
    via: `${message.serverUrl}${correlation}${headers.length === 0 ? '' : `  headers: ${headers.join(', ')}`}`,
    payload: body.length > width ? `${body.slice(0, width - 3)}...` : body,
  };
}
