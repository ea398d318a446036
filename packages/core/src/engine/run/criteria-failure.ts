/**
 * The RunError of a step whose successCriteria did not hold, saying which criterion failed and
 * why the API refused: `successCriteria of step 'auth' not met: '$statusCode == 200' is false
 * (status 404: otp_code_not_found: The passcode was incorrect...)`. The same facts are also given
 * as fields (`failedCriterion`, `response`) so embedders need not parse the message.
 */
import type { ReceivedResponse } from '../../adapters/transport.js';
import type { CriterionPlan } from '../plan/plan-types.js';
import type { FailedCriterion, ResponseSummary, RunError } from '../types.js';
import { responseExcerpt } from './response-excerpt.js';

/** Build the `criteria-failed` error of `stepId` (`response` absent for a step running a workflow). */
export function criteriaFailure(options: {
  readonly stepId: string;
  readonly criterion: CriterionPlan | undefined;
  readonly response: ReceivedResponse | undefined;
}): RunError {
  const { criterion, response } = options;
  const failedCriterion: FailedCriterion | undefined =
    criterion === undefined
      ? undefined
      : {
          condition: criterion.condition,
          type: criterion.type,
          ...(criterion.context === undefined ? {} : { context: criterion.context }),
        };
  let summary: ResponseSummary | undefined;
  if (response !== undefined) {
    const excerpt = responseExcerpt(response.body, response.headers['content-type']);
    summary = { statusCode: response.statusCode, ...(excerpt === undefined ? {} : { excerpt }) };
  }
  const what = failedCriterion === undefined ? '' : `: ${describeCriterion(failedCriterion)} is false`;
  const why =
    summary === undefined
      ? ''
      : ` (status ${summary.statusCode}${summary.excerpt === undefined ? '' : `: ${summary.excerpt}`})`;
  return {
    code: 'criteria-failed',
    message: `successCriteria of step '${options.stepId}' not met${what}${why}`,
    stepId: options.stepId,
    ...(failedCriterion === undefined ? {} : { failedCriterion }),
    ...(summary === undefined ? {} : { response: summary }),
  };
}

/** `'$statusCode == 200'`; a typed criterion with its type and context: `regex '^2' on $statusCode`. */
export function describeCriterion(criterion: FailedCriterion): string {
  const condition = `'${criterion.condition.replace(/\s+/g, ' ').trim()}'`;
  if (criterion.type === 'simple') return condition;
  const on = criterion.context === undefined ? '' : ` on ${criterion.context}`;
  return `${criterion.type} ${condition}${on}`;
}
