/**
 * The Request Body Object of a step compiled once: payload and replacement values, and every
 * replacement target checked (XPath on an XML payload, JSON Pointer on a JSON one; in 1.1 as its
 * `targetSelectorType` says, which must fit the payload) so a bad target refuses the document at
 * load instead of failing a run.
 */
import { compileValue } from '../../../expressions/compile-value.js';
import type { DeclaredNames } from '../../../expressions/declared-names.js';
import type { RequestBody } from '../../../model/arazzo.js';
import type { OperationInfo } from '../../../sources/types.js';
import { planError } from '../../plan/plan-error.js';
import type { BodyPlan } from '../../plan/plan-types.js';
import { findReplacementProblem, replacementKind } from './find-replacement-problem.js';
import { mismatchProblem, readTargetSelectorType, targetProblem } from './replacement-selector.js';

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
  const refuse = (i: number, message: string): never =>
    planError({ uri: options.uri, pointer: `${options.pointer}/replacements/${i}/target`, message });
  const selectors = replacements.map((r, i) => {
    const selector = options.selectors === true ? readTargetSelectorType(r.targetSelectorType) : undefined;
    if (selector !== undefined && 'problem' in selector) return refuse(i, selector.problem);
    if (selector !== undefined) {
      const problem =
        (kind === undefined ? undefined : mismatchProblem(selector, kind)) ??
        targetProblem(selector, r.target);
      if (problem !== undefined) refuse(i, problem);
    } else if (kind !== undefined) {
      const problem = findReplacementProblem(kind, r.target);
      if (problem !== undefined) refuse(i, problem);
    }
    return selector;
  });
  return {
    ...(body.contentType === undefined ? {} : { contentType: body.contentType }),
    ...(body.payload === undefined ? {} : { payload: compileValue(body.payload, names) }),
    replacements: replacements.map((r, i) => {
      const selector = selectors[i];
      const value = compileValue(r.value, names);
      return selector === undefined ? { target: r.target, value } : { target: r.target, value, selector };
    }),
  };
}
