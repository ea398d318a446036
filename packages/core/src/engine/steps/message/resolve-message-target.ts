/**
 * The MessageTarget of one attempt of a message step: the channel address with its `{name}`
 * parameters filled from step parameters `in: path` (AsyncAPI channel parameters; the spec gives
 * message steps no location of their own for them), and the server URL chosen outside the document
 * (`EngineOptions.servers`, else the credential provider's `serverFor`).
 */
import type { MessageTarget } from '../../../adapters/message-transport.js';
import type { ExpressionContext, MissingValueListener } from '../../../expressions/context.js';
import type { MessageStepTarget, StepPlan } from '../../plan/plan-types.js';
import type { RunState } from '../../run/run-state.js';

const PARAMETER = /\{([^{}]+)\}/g;

/** The target with its address filled, or the name of the channel parameter no value was given for. */
export function resolveMessageTarget(options: {
  readonly state: RunState;
  readonly step: StepPlan;
  readonly target: MessageStepTarget;
  readonly ctx: ExpressionContext;
  readonly onMissing: MissingValueListener;
}): { readonly target: MessageTarget } | { readonly missing: string } {
  const { state, step, target, ctx, onMissing } = options;
  const serverUrl = chosenServerUrl(state, target);
  let address = target.target.address;
  if (target.addressTemplate) {
    let missing: string | undefined;
    address = address.replace(PARAMETER, (whole, parameter: string) => {
      const p = step.parameters.find((q) => q.in === 'path' && q.name === parameter);
      const value = p?.value.evaluate(ctx, onMissing);
      if (value === undefined || value === null) {
        missing ??= parameter;
        return whole;
      }
      return String(value);
    });
    if (missing !== undefined) return { missing };
  }
  const resolved: MessageTarget =
    serverUrl === undefined && address === target.target.address
      ? target.target
      : { ...target.target, address, ...(serverUrl === undefined ? {} : { serverUrl }) };
  return { target: resolved };
}

/** The server URL chosen outside the document for `target`'s source (`EngineOptions.servers`, else the credential provider's `serverFor`). */
export function chosenServerUrl(state: RunState, target: MessageStepTarget): string | undefined {
  return state.servers[target.source.name] ?? state.credentials?.serverFor?.(target.source);
}
