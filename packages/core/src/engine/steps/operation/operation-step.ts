/**
 * The `operation` step kind: parameters and body evaluated and the request sent through the
 * transport of the operation's source type (`openapi`), the response becoming `$response`.
 */
import type { StepKind } from '../step-kind.js';
import { sendOperation } from './send-operation.js';

/** Operation steps (`operationId` / `operationPath`). */
export const operationStep: StepKind<'operation'> = {
  kind: 'operation',
  attempt: (context) => sendOperation(context),
};
