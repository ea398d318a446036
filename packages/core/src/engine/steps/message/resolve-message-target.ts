/**
 * The MessageTarget of one attempt of a message step: the channel address with its `{name}`
 * parameters filled from step parameters `in: path` (AsyncAPI channel parameters; the spec gives
 * message steps no location of their own for them), and the server URL chosen outside the document
 * (`EngineOptions.servers`, else the credential provider's `serverFor`).
 */
import type { MessageTarget } from '../../../adapters/message-transport.js';
import type { ExpressionContext, MissingValueListener } from '../../../expressions/context.js';
import type { MessageStepTarget, ParameterPlan, StepPlan } from '../../plan/plan-types.js';
import type { RunState } from '../../run/run-state.js';
import { internalizeAddress } from './internalize-address.js';

/** A channel address split at its `{name}` parameters: text, then the step parameter for each name. */
interface AddressParts {
  readonly texts: readonly string[];
  readonly names: readonly string[];
  /** The step's `in: path` parameter of each name (undefined: none given). */
  readonly values: readonly (ParameterPlan | undefined)[];
}

/** Each template step's address parts, split once (plans are immutable and shared). */
const partsOf = new WeakMap<StepPlan, AddressParts>();

function addressParts(step: StepPlan, address: string): AddressParts {
  const known = partsOf.get(step);
  if (known !== undefined) return known;
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of address.matchAll(/\{([^{}]+)\}/g)) {
    texts.push(address.slice(last, match.index));
    names.push(match[1] as string);
    last = match.index + match[0].length;
  }
  texts.push(address.slice(last));
  const values = names.map((name) => step.parameters.find((q) => q.in === 'path' && q.name === name));
  const parts = { texts, names, values };
  partsOf.set(step, parts);
  return parts;
}

/** Per template step: whether its address reads nothing but the workflow's inputs (see below). */
const inputsOnly = new WeakMap<StepPlan, boolean>();

/**
 * True when `step`'s channel address reads nothing but constants and `$inputs`: an address resolved
 * when its workflow starts is then the one every execution of the step resolves (a workflow's inputs
 * do not change once given; a lazy input is absent at the start, so such an address is not resolved
 * then). `$steps`, `$outputs`, `$workflows` or a missing parameter: false.
 */
export function addressReadsOnlyInputs(step: StepPlan, target: MessageStepTarget): boolean {
  if (!target.addressTemplate) return true;
  let known = inputsOnly.get(step);
  if (known === undefined) {
    const { values } = addressParts(step, target.target.address);
    known = values.every(
      (p) =>
        p !== undefined &&
        p.value.errors.length === 0 &&
        p.value.expressions.every(({ expression }) => expression.kind === 'inputs'),
    );
    inputsOnly.set(step, known);
  }
  return known;
}

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
    const { texts, names, values } = addressParts(step, address);
    if (names.length === 1) {
      // One parameter (the common case): the target is found by its value, with no new address
      // string built, hashed and compared per message.
      const value = values[0]?.value.evaluate(ctx, onMissing);
      if (value === undefined || value === null) return { missing: names[0] as string };
      const key = String(value);
      return {
        target: resolvedTarget(step, target.target, key, serverUrl, texts[0] as string, texts[1] as string),
      };
    }
    let missing: string | undefined;
    address = texts[0] as string;
    for (let i = 0; i < names.length; i += 1) {
      // Every parameter is evaluated (each missing one is told to onMissing); the first is named.
      const value = values[i]?.value.evaluate(ctx, onMissing);
      if (value === undefined || value === null) missing ??= names[i] as string;
      else address += String(value) + (texts[i + 1] as string);
    }
    if (missing !== undefined) return { missing };
  }
  if (serverUrl === undefined && address === target.target.address) return { target: target.target };
  return { target: resolvedTarget(step, target.target, address, serverUrl, '', '') };
}

/** Per template step: the targets built so far, by parameter value or address (at most RESOLVED_MAX, then started over). */
const resolvedOf = new WeakMap<StepPlan, Map<string, MessageTarget>>();
const RESOLVED_MAX = 64;
/** Resolved addresses, each kept as one string (at most ADDRESSES_MAX, then started over). */
const addresses = new Map<string, string>();
const ADDRESSES_MAX = 1024;

/**
 * The target whose address is `prefix + key + suffix`: the one built for the same key before (the
 * same object, and the same address string, which Node and the protocol client have hashed,
 * flattened and split already: a channel address is a map key and a topic there), else a new one.
 */
function resolvedTarget(
  step: StepPlan,
  base: MessageTarget,
  key: string,
  serverUrl: string | undefined,
  prefix: string,
  suffix: string,
): MessageTarget {
  let known = resolvedOf.get(step);
  if (known === undefined) {
    known = new Map();
    resolvedOf.set(step, known);
  }
  const cached = known.get(key);
  if (cached !== undefined && cached.serverUrl === serverUrl) return cached;
  if (known.size >= RESOLVED_MAX) known.clear();
  const address = prefix + key + suffix;
  // One string per address across steps (a send and the receive on the same topic), flat and
  // hashed once (internalize-address.ts).
  let same = addresses.get(address);
  if (same === undefined) {
    if (addresses.size >= ADDRESSES_MAX) addresses.clear();
    same = internalizeAddress(address);
    addresses.set(same, same);
  }
  const built: MessageTarget =
    serverUrl === undefined ? { ...base, address: same } : { ...base, address: same, serverUrl };
  known.set(key, built);
  return built;
}

/** The server URL chosen outside the document for `target`'s source (`EngineOptions.servers`, else the credential provider's `serverFor`). */
export function chosenServerUrl(state: RunState, target: MessageStepTarget): string | undefined {
  return state.servers[target.source.name] ?? state.credentials?.serverFor?.(target.source);
}
