/**
 * The `operation` step kind: parameters and body evaluated and the request sent through the
 * transport of the operation's source type (`openapi`), the response becoming `$response`; with
 * the engine's `responseChecks`, the response is checked against the operation's OpenAPI here, in
 * the attempt, so a failed check can fail it.
 */
import type { StepKind } from '../step-kind.js';
import { sendOperation } from './send-operation.js';

/** Operation steps (`operationId` / `operationPath`). */
export const operationStep: StepKind<'operation'> = {
  kind: 'operation',
  async attempt(context) {
    const sent = await sendOperation(context);
    const checker = context.frame.state.responseChecks;
    if (checker === undefined || sent.response === undefined) return sent;
    const checks = await checker.check({
      operation: context.target.operation,
      response: sent.response,
      ...(context.target.source === undefined ? {} : { source: context.target.source }),
      documentUri: context.frame.plan.doc.uri,
    });
    return checks.length === 0 ? sent : { ...sent, checks };
  },
};
