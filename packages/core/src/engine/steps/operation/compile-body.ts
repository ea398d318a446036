/**
 * The Request Body Object of a step compiled once: payload and replacement values, and every
 * replacement target checked (XPath on an XML payload, JSON Pointer on a JSON one) so a bad target
 * refuses the document at load instead of failing a run.
 */
import { compileValue } from '../../../expressions/compile-value.js';
import type { DeclaredNames } from '../../../expressions/declared-names.js';
import type { RequestBody } from '../../../model/arazzo.js';
import type { OperationInfo } from '../../../sources/types.js';
import { planError } from '../../plan/plan-error.js';
import type { BodyPlan } from '../../plan/plan-types.js';
import { findReplacementProblem, replacementKind } from './find-replacement-problem.js';

/** Compile a step's request body (payload may be a literal, an expression, a template or nested). */
export function compileBody(options: {
  body: RequestBody;
  operation?: OperationInfo;
  /** The document's URI and the body's JSON Pointer, for the load error of a bad target. */
  uri: string;
  pointer: string;
  /** Names declared where the step stands, for lenient expression parsing (DeclaredNames). */
  names?: DeclaredNames;
  /** Arazzo 1.1: the payload and replacement values may hold Selector Objects. */
  selectors?: boolean;
}): BodyPlan {
  const { body } = options;
  const names = {
    ...(options.names === undefined ? {} : { names: options.names }),
    selectors: options.selectors === true,
  };
  const replacements = body.replacements ?? [];
  const contentType = body.contentType ?? Object.keys(options.operation?.requestBody?.content ?? {})[0];
  const kind = replacements.length === 0 ? undefined : replacementKind(contentType, body.payload);
  if (kind !== undefined) {
    replacements.forEach((r, i) => {
      const problem = findReplacementProblem(kind, r.target);
      if (problem !== undefined)
        planError({
          uri: options.uri,
          pointer: `${options.pointer}/replacements/${i}/target`,
          message: problem,
        });
    });
  }
  return {
    ...(body.contentType === undefined ? {} : { contentType: body.contentType }),
    ...(body.payload === undefined ? {} : { payload: compileValue(body.payload, names) }),
    replacements: replacements.map((r) => ({ target: r.target, value: compileValue(r.value, names) })),
  };
}
