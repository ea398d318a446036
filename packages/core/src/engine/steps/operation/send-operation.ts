/**
 * One attempt of an operation step: parameters and body evaluated, the request prepared and sent
 * through the Transport (as one journaled effect of the run's host, see journal-send.ts), and the context of `$url`, `$method`, `$statusCode`, `$request.*` and
 * `$response.*` built for criteria and outputs. A send that gets no response is data, not a throw.
 */
import type { PreparedRequest, ReceivedResponse, RequestParameter } from '../../../adapters/transport.js';
import type { ExpressionContext } from '../../../expressions/context.js';
import { scopeOf } from '../../run/frame.js';
import type { RunError } from '../../types.js';
import type { AttemptContext } from '../step-kind.js';
import { buildRequestBody } from './build-request-body.js';
import { journalSend } from './journal-send.js';
import { parameterMissing } from './plan-required-parameters.js';
import { resolveXSecurity } from './resolve-x-security.js';

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/** What one send yields. */
export interface SendOutcome {
  readonly ctx: ExpressionContext;
  readonly response?: ReceivedResponse;
  readonly error?: RunError;
}

/** Prepare and send the request of an operation step, through the run's `openapi` transport. */
export async function sendOperation(options: AttemptContext<'operation'>): Promise<SendOutcome> {
  const { frame, step, target, onMissing } = options;
  const { state } = frame;
  const { operation, source } = target;
  const first = target.unsupplied?.[0];
  if (first !== undefined)
    return { ctx: frame.base, error: parameterMissing({ stepId: step.stepId, parameter: first }) };
  const parameters: RequestParameter[] = [];
  let query: Record<string, string> | undefined;
  let path: Record<string, string> | undefined;
  for (const p of step.parameters) {
    if (p.in === undefined) continue;
    const value = p.value.evaluate(frame.base, onMissing);
    if (value === undefined) {
      // A path parameter left out would go as a literal `{name}`: fail as data, send nothing.
      if (p.required === true && p.in !== 'cookie') {
        const parameter = { in: p.in, name: p.name };
        return { ctx: frame.base, error: parameterMissing({ stepId: step.stepId, parameter, text: p.text }) };
      }
      continue;
    }
    parameters.push({ name: p.name, in: p.in, value });
    if (p.in === 'query') {
      query ??= {};
      query[p.name] = value as string;
    } else if (p.in === 'path') {
      path ??= {};
      path[p.name] = value as string;
    }
  }
  const body =
    target.body === undefined
      ? undefined
      : buildRequestBody({ body: target.body, operation, ctx: frame.base, onMissing });
  let security: PreparedRequest['security'];
  if (target.security !== undefined) {
    const resolved = resolveXSecurity({ plans: target.security, ctx: frame.base, onMissing });
    if ('problem' in resolved)
      return {
        ctx: frame.base,
        error: { code: 'credentials-missing', message: resolved.problem, stepId: step.stepId },
      };
    security = resolved.security;
  }
  const serverUrl =
    state.servers[operation.sourceName] ??
    (source === undefined ? undefined : state.credentials?.serverFor?.(source));
  // One fixed object shape (absent fields are undefined): cheaper than conditional spreads on the hot path.
  const request: PreparedRequest = { operation, serverUrl, source, parameters, body, security };
  state.hooks.onRequest?.({ ...scopeOf(frame), stepId: step.stepId, request, attempt: options.attempt });
  const outcome = await journalSend({ frame, step, attempt: options.attempt, request });
  if ('error' in outcome) return { ctx: frame.base, error: { ...outcome.error, stepId: step.stepId } };
  const { response } = outcome;
  state.hooks.onResponse?.({ ...scopeOf(frame), stepId: step.stepId, response });
  const sent = response.request;
  const base = frame.base;
  const ctx: ExpressionContext = {
    inputs: base.inputs,
    outputs: base.outputs,
    steps: base.steps,
    workflows: base.workflows,
    sourceDescriptions: base.sourceDescriptions,
    components: base.components,
    self: base.self,
    url: sent.url,
    method: sent.method,
    statusCode: response.statusCode,
    request: { headers: sent.headers, query: query ?? EMPTY, path: path ?? EMPTY, body: body?.value },
    response: { headers: response.headers, body: response.body },
  };
  return { ctx, response };
}
