/**
 * The message a send step puts on its channel, built for one attempt: the payload from
 * `requestBody.payload` with its replacements (as for operations), headers from the parameters
 * `in: header` (1.1.0's async step example: "parameters: - name: requestId, in: header"), the
 * content type (`requestBody.contentType`, else the message's, else `application/json`), checked
 * against the AsyncAPI message schemas, and the correlation id read where the message's Correlation
 * ID `location` points. Failures are data: a channel parameter with no value, a message that fits no
 * declared schema.
 */
import { readCorrelationValue } from '../../../adapters/match-correlation.js';
import { isJsonContentType } from '../../../adapters/message-payload.js';
import type { OutgoingMessage } from '../../../adapters/message-transport.js';
import type { MissingValueListener } from '../../../expressions/context.js';
import type { MessageStepTarget, StepPlan } from '../../plan/plan-types.js';
import type { Frame } from '../../run/frame.js';
import type { RunError } from '../../types.js';
import { buildRequestBody } from '../operation/build-request-body.js';
import { resolveMessageTarget } from './resolve-message-target.js';
import { validateOutgoingMessage } from './validate-message.js';

/** Build and check the message of `step`; an error (nothing to send) when it cannot be. */
export function buildOutgoingMessage(options: {
  readonly frame: Frame;
  readonly step: StepPlan;
  readonly target: MessageStepTarget;
  readonly onMissing: MissingValueListener;
}): { readonly message: OutgoingMessage } | { readonly error: RunError } {
  const { frame, step, target, onMissing } = options;
  const { stepId } = step;
  const ctx = frame.base;
  const resolved = resolveMessageTarget({ state: frame.state, step, target, ctx, onMissing });
  if ('missing' in resolved)
    return {
      error: {
        code: 'parameter-missing',
        message: `step '${stepId}' has no value for the channel parameter '${resolved.missing}' of '${target.target.address}' (give it as a parameter in: path)`,
        stepId,
      },
    };
  const headers: Record<string, unknown> = {};
  for (const p of step.parameters) {
    if (p.in !== 'header') continue;
    const value = p.value.evaluate(ctx, onMissing);
    if (value !== undefined) headers[p.name] = value;
  }
  const built =
    target.body === undefined
      ? { value: undefined }
      : buildRequestBody({ body: target.body, operation: undefined, ctx, onMissing });
  const declared = target.messages.find((m) => m.contentType !== undefined)?.contentType;
  const contentType = built.contentType ?? declared ?? 'application/json';
  let payload = built.value;
  if (typeof payload === 'string' && isJsonContentType(contentType)) {
    try {
      payload = JSON.parse(payload) as unknown;
    } catch {
      // Not JSON text: sent as the JSON string it is.
    }
  }
  const checked = validateOutgoingMessage({ messages: target.messages, payload, headers });
  if ('problems' in checked)
    return {
      error: {
        code: 'message-payload-invalid',
        message: `step '${stepId}': the message does not match the AsyncAPI message${target.messages.length === 1 ? '' : 's'} of '${target.target.channel}': ${checked.problems.join('; ')}; nothing was sent`,
        stepId,
        problems: checked.problems,
      },
    };
  const location = checked.message?.correlationId?.location;
  const correlation =
    location === undefined ? undefined : readCorrelationValue({ headers, payload }, location);
  // Field by field in the order reports show, without spreading small objects per message.
  const sendTo = resolved.target;
  const type = built.contentType ?? checked.message?.contentType ?? contentType;
  const message: { -readonly [K in keyof OutgoingMessage]: OutgoingMessage[K] } =
    checked.message === undefined
      ? { target: sendTo, payload, contentType: type, headers }
      : { target: sendTo, message: checked.message, payload, contentType: type, headers };
  if (correlation !== undefined && correlation !== null && typeof correlation !== 'object')
    message.correlationId = String(correlation);
  if (target.replyAddress !== undefined) message.replyAddress = target.replyAddress;
  return { message };
}
