import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { classifyStep } from './classify-step.js';
import { listSiteExpressions, type PlacedExpression } from './list-site-expressions.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/** Parts of a step read after its message was sent or received. */
const AFTER_MESSAGE = new Set(['successCriteria', 'onSuccess', 'onFailure', 'outputs']);

/**
 * Where the 1.1 expressions `$message` and `$self` may stand. In a 1.0 document both are
 * `expression-invalid` (its ABNF has neither). In a 1.1 document `$message` is read only where a
 * message exists: the criteria, actions and outputs of an AsyncAPI step, or a workflow's
 * success/failure actions when the workflow has such a step; and `$self` needs a `$self` field.
 */
export function checkMessageExpressions(context: LintContext): void {
  const v11 = isArazzo11(context);
  // An unsupported version is reported once; the 1.0 ABNF is only the judge of a 1.0 document.
  if (!v11 && !/^1\.0\.\d+(?:-.+)?$/.test(String(context.root.arazzo))) return;
  const hasSelf = typeof context.root.$self === 'string';
  for (const placed of listSiteExpressions(context)) {
    const { expression, pointer } = placed;
    if (expression.kind !== 'message' && expression.kind !== 'self') continue;
    if (!v11) {
      reportV11(context, 'expression-not-in-version', {
        message: `'${expression.text}' is an Arazzo 1.1 expression; this document is arazzo ${String(context.root.arazzo)}`,
        pointer,
      });
    } else if (expression.kind === 'self' && !hasSelf) {
      reportV11(context, 'self-undefined', {
        message: `'${expression.text}' reads the document's $self, and this document has no '$self' field`,
        pointer,
      });
    } else if (expression.kind === 'message') {
      const why = messageProblem(context, placed);
      if (why !== undefined)
        reportV11(context, 'message-outside-message-step', {
          message: `'${expression.text}' ${why}`,
          pointer,
        });
    }
  }
}

/** Why no message exists where `placed` reads one, or undefined when one may. */
function messageProblem(context: LintContext, placed: PlacedExpression): string | undefined {
  const { scope, pointer } = placed;
  if (scope.workflow === undefined) return undefined;
  const workflow = asRecord(asArray(context.root.workflows)[scope.workflow]);
  const steps = asArray(workflow?.steps);
  if (scope.step === undefined) {
    const part = pointer.split('/')[3];
    const anyMessageStep = steps.some((step) => classifyStep(context, step).kind === 'message');
    if ((part === 'successActions' || part === 'failureActions') && anyMessageStep) return undefined;
    return part === 'outputs'
      ? 'in a workflow output: a workflow sends or receives no message of its own; take it from a step output'
      : 'in a workflow that has no AsyncAPI step: no message is sent or received there';
  }
  const step = steps[scope.step];
  const found = classifyStep(context, step);
  if (found.kind === 'unknown') return undefined;
  const stepId = asString(asRecord(step)?.stepId) ?? String(scope.step);
  if (found.kind !== 'message')
    return `in step '${stepId}', which is not an AsyncAPI step: only a step that sends or receives a message has $message (this one has $request/$response)`;
  const part = pointer.split('/')[5] ?? '';
  if (!AFTER_MESSAGE.has(part))
    return `in the ${part} of step '${stepId}': the message exists only once the step has sent or received it (criteria, actions, outputs)`;
  return undefined;
}
