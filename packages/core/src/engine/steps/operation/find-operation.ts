/** The operation an operation step names (`operationPath`, else `operationId`), found in the document's sources. */
import type { Step } from '../../../model/arazzo.js';
import type { OperationInfo } from '../../../sources/types.js';
import type { StepScope } from '../../plan/compile-step-plan.js';
import { planError } from '../../plan/plan-error.js';

/** The one operation `step` names; refuses the document (TelaioError `document-invalid`) when there is none or more than one. */
export function findOperation(step: Step, scope: StepScope, pointer: string): OperationInfo {
  if (step.operationPath !== undefined) {
    const found = scope.index.byOperationPath(step.operationPath);
    return (
      found ??
      planError({
        uri: scope.uri,
        pointer: `${pointer}/operationPath`,
        message: `no operation at '${step.operationPath}'`,
      })
    );
  }
  const found = scope.index.byOperationId(step.operationId ?? '');
  if (found.length === 1 && found[0] !== undefined) return found[0];
  const why = found.length === 0 ? 'no operation' : 'more than one operation';
  return planError({
    uri: scope.uri,
    pointer: `${pointer}/operationId`,
    message: `${why} with operationId '${step.operationId}'`,
  });
}
