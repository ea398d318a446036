/**
 * An operation step's send as one journaled effect of the run's host: replayed when the journal holds
 * it (nothing goes on the wire again), else sent through the `openapi` transport and recorded. A send
 * that gets no response (refused, a step timeout, a transport limit) is recorded as a failure, so a
 * replay takes the same path; a send the run's cancellation cut records nothing and is `aborted`.
 */
import { combineSignals } from '../../../adapters/combine-signals.js';
import type { PreparedRequest } from '../../../adapters/transport.js';
import { TelaioError } from '../../../errors.js';
import type { StepPlan } from '../../plan/plan-types.js';
import { effectSite } from '../../run/effect-site.js';
import type { Frame } from '../../run/frame.js';
import { stoppedError } from '../../run/stopped-error.js';
import { type RunErrorCode, TRANSPORT_LIMIT_CODES } from '../../types.js';
import { decodeSendRecord, encodeSendRecord, type SendOutcomeRecord } from './send-record.js';

/** Send `request` for `step` (attempt `attempt`) through the host's journal. */
export async function journalSend(options: {
  readonly frame: Frame;
  readonly step: StepPlan;
  readonly attempt: number;
  readonly request: PreparedRequest;
}): Promise<SendOutcomeRecord> {
  const { frame, step, attempt } = options;
  const { state } = frame;
  const site = effectSite({ frame, kind: 'send', stepId: step.stepId, attempt });
  try {
    const record = await state.host.effect({ ...site, kind: 'send' }, async (signal) =>
      encodeSendRecord(await performSend({ ...options, signal })),
    );
    return decodeSendRecord(record);
  } catch (error) {
    // The run was cancelled (or an enclosing workflow step timed out) while sending: nothing was
    // recorded. Anything else is the host's failure.
    if (frame.signal.aborted) return { error: stoppedError(frame, step.stepId) };
    throw error;
  }
}

/** Send once; failures as data, except a cancelled run, which rejects so that nothing is recorded. */
async function performSend(options: {
  readonly frame: Frame;
  readonly step: StepPlan;
  readonly request: PreparedRequest;
  readonly signal: AbortSignal;
}): Promise<SendOutcomeRecord> {
  const { frame, step, request, signal } = options;
  const { state } = frame;
  // 1.1 Step Object `timeout`: milliseconds to wait for the step before aborting and failing it.
  const timer = step.timeoutMs === undefined ? undefined : AbortSignal.timeout(step.timeoutMs);
  // The frame's signal: the run's, combined with the timeout of a workflow step it runs under.
  const runSignal = signal === state.signal ? frame.signal : combineSignals(frame.signal, signal);
  const sendContext =
    timer === undefined
      ? runSignal === state.signal
        ? state.sendContext
        : { ...state.sendContext, signal: runSignal }
      : { ...state.sendContext, signal: combineSignals(runSignal, timer) };
  try {
    return { response: await state.transports.openapi.send(request, sendContext) };
  } catch (error) {
    if (runSignal.aborted) throw error;
    if (timer?.aborted === true) {
      const message = `step '${step.stepId}' did not complete within its timeout of ${step.timeoutMs} ms; the request was aborted`;
      return { error: { code: 'step-timeout', message } };
    }
    if (error instanceof TelaioError) {
      // Misconfiguration found while sending (a credential provider with no credentials), or a
      // limit the transport enforced (response-too-large...): keep its code.
      const known = error.code === 'credentials-missing' || TRANSPORT_LIMIT_CODES.has(error.code);
      const message = known ? error.message : `${error.message} (${error.code})`;
      return { error: { code: known ? (error.code as RunErrorCode) : 'transport-error', message } };
    }
    const code = (error as { code?: unknown }).code;
    const message = `no response: ${(error as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`;
    return { error: { code: 'transport-error', message } };
  }
}
