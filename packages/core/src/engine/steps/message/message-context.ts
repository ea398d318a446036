/**
 * The expression context of a message step after its message went or came: `$message.payload` and
 * `$message.header.<name>` (Arazzo 1.1.0 §Runtime Expressions: "Message header", "Payload value")
 * read the message sent (send steps) or received (receive steps).
 */
import type { ExpressionContext } from '../../../expressions/context.js';
import type { Frame } from '../../run/frame.js';

/** `frame`'s context with `$message` set to `headers` and `payload`. */
export function messageContext(
  frame: Frame,
  headers: Readonly<Record<string, unknown>>,
  payload: unknown,
): ExpressionContext {
  const base = frame.base;
  return {
    inputs: base.inputs,
    outputs: base.outputs,
    steps: base.steps,
    workflows: base.workflows,
    sourceDescriptions: base.sourceDescriptions,
    components: base.components,
    self: base.self,
    // Header values are JSON values (AMQP tables, MQTT user properties as strings); read as they are.
    message: { headers: headers as Readonly<Record<string, string>>, body: payload },
  };
}
