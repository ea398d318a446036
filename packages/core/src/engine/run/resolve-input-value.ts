/**
 * One lazy input's value, through the run's host: an external input (`externalInput`) is a durable
 * wait for a value sent to the run (`RunHost.waitFor`); any other provider's answer is a journaled
 * effect, so a resumed run reads the value given the first time (the same TOTP code) and never
 * asks again. Provider values are JSON (what inputs are).
 */
import type { InputProvider } from '../../adapters/inputs.js';
import { isExternalInput } from '../../host/external-input.js';
import type { JournalValue } from '../../host/journal-value.js';
import { effectSite } from './effect-site.js';
import type { Frame } from './frame.js';

/** The value of input `name` (undefined: none), or how long the run waited in vain for it. */
export async function resolveInputValue(options: {
  readonly frame: Frame;
  readonly name: string;
  readonly provider: InputProvider;
  readonly stepId?: string;
}): Promise<{ readonly value: unknown } | { readonly timedOutMs: number | undefined }> {
  const { frame, name, provider, stepId } = options;
  const { state } = frame;
  const schema = frame.plan.inputs.schemaOf(name);
  if (isExternalInput(provider)) {
    const site = effectSite({ frame, kind: 'wait', ...(stepId === undefined ? {} : { stepId }) });
    const { timeoutMs } = provider.external;
    const outcome = await state.host.waitFor(
      {
        ...site,
        name,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(schema === undefined ? {} : { schema }),
        ...(provider.secret === undefined ? {} : { secret: provider.secret }),
      },
      frame.signal,
    );
    return 'timedOut' in outcome ? { timedOutMs: timeoutMs } : { value: outcome.value };
  }
  const site = effectSite({ frame, kind: 'input', ...(stepId === undefined ? {} : { stepId }) });
  const record = await state.host.effect(
    { ...site, kind: 'input' },
    async (signal): Promise<JournalValue> => {
      const value = await provider.resolve({
        name,
        workflowId: frame.plan.workflowId,
        schema,
        context: frame.base,
        signal,
      });
      return value === undefined ? {} : { value: value as JournalValue };
    },
  );
  return { value: (record as { value?: unknown }).value };
}
