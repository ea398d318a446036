/** The Request Body Object of a step compiled once: payload and replacement values. */
import { compileValue } from '../expressions/compile-value.js';
import type { RequestBody } from '../model/arazzo.js';
import type { BodyPlan } from './plan-types.js';

/** Compile a step's request body (payload may be a literal, an expression, a template or nested). */
export function compileBody(options: { body: RequestBody }): BodyPlan {
  const { body } = options;
  return {
    ...(body.contentType === undefined ? {} : { contentType: body.contentType }),
    ...(body.payload === undefined ? {} : { payload: compileValue(body.payload) }),
    replacements: (body.replacements ?? []).map((r) => ({ target: r.target, value: compileValue(r.value) })),
  };
}
