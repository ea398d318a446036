import { requiredParameters } from '../engine/steps/operation/plan-required-parameters.js';
import type { OperationParameter } from '../sources/types.js';
import { didYouMean } from './closest-name.js';
import { findStepOperation } from './find-step-operation.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/** A parameter as it applies to a step: inline, or a component brought in by `reference`. */
interface AppliedParameter {
  readonly name?: string;
  readonly in?: string;
  /** The parameter object (or its `reference`). */
  readonly pointer: string;
  /** Its `name` (or its `reference`). */
  readonly namePointer: string;
}

/** Header parameters OpenAPI says are never described as parameters (they are sent all the same). */
const UNDESCRIBED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * `parameter-invalid`: on an operation step, every parameter needs an `in` (`parameter-in-missing`,
 * error); one the operation does not define is sent as written (`parameter-undeclared`, warning);
 * every parameter the request cannot go without (each `{name}` of the path template, required query
 * and header parameters not filled by an apiKey scheme) must be supplied by the step or its
 * workflow (`parameter-required-missing`, error: the engine fails such a step before sending).
 */
export function checkParameters(context: LintContext): void {
  asArray(context.root.workflows).forEach((item, w) => {
    const workflow = asRecord(item);
    const inherited = applied(context, workflow?.parameters, `/workflows/${w}/parameters`);
    asArray(workflow?.steps).forEach((stepItem, s) => {
      const step = asRecord(stepItem);
      if (step === undefined || (step.operationId === undefined && step.operationPath === undefined)) return;
      const base = `/workflows/${w}/steps/${s}`;
      const own = applied(context, step.parameters, `${base}/parameters`);
      for (const parameter of own) {
        if (parameter.name !== undefined && parameter.in === undefined) {
          context.report({
            rule: 'parameter-in-missing',
            message: `parameter '${parameter.name}' of an operation step needs 'in' (path, query, header or cookie)`,
            pointer: parameter.pointer,
          });
        }
      }
      const lookup = findStepOperation(context, step);
      if (lookup.kind !== 'found') return;
      const defined = lookup.operation.parameters;
      for (const parameter of own)
        checkDefined(context, parameter, defined, lookup.operation.operationId ?? lookup.operation.pointer);
      const supplied = [...own, ...inherited];
      const same = (a: string, b: string, location: string): boolean =>
        location === 'header' ? a.toLowerCase() === b.toLowerCase() : a === b;
      for (const required of requiredParameters(lookup.operation)) {
        if (supplied.some((p) => p.in === required.in && same(p.name ?? '', required.name, required.in)))
          continue;
        context.report({
          rule: 'parameter-required-missing',
          message: `required ${required.in} parameter '${required.name}' of ${lookup.operation.method.toUpperCase()} ${lookup.operation.path} is not supplied: the step cannot be sent`,
          pointer: `${base}/${step.operationId === undefined ? 'operationPath' : 'operationId'}`,
        });
      }
    });
  });
}

function checkDefined(
  context: LintContext,
  parameter: AppliedParameter,
  defined: readonly OperationParameter[],
  operation: string,
): void {
  const { name, in: location } = parameter;
  if (name === undefined || location === undefined) return;
  const same = (a: string, b: string): boolean =>
    location === 'header' ? a.toLowerCase() === b.toLowerCase() : a === b;
  if (defined.some((p) => p.in === location && same(p.name, name))) return;
  if (location === 'header' && UNDESCRIBED_HEADERS.has(name.toLowerCase())) return;
  const elsewhere = defined.find((p) => same(p.name, name));
  const names = defined.filter((p) => p.in === location).map((p) => p.name);
  const hint =
    elsewhere === undefined ? didYouMean(name, names) : `; it is a ${elsewhere.in} parameter there`;
  context.report({
    rule: 'parameter-undeclared',
    message: `operation '${operation}' defines no ${location} parameter '${name}'${hint}`,
    pointer: parameter.namePointer,
  });
}

/** The parameters of a list with `$components.parameters.x` references resolved (unresolvable ones left out). */
function applied(context: LintContext, list: unknown, base: string): AppliedParameter[] {
  const components = asRecord(asRecord(context.root.components)?.parameters);
  return asArray(list).flatMap((item, i): AppliedParameter[] => {
    const node = asRecord(item);
    const reference = asString(node?.reference);
    if (reference === undefined)
      return [
        {
          name: asString(node?.name),
          in: asString(node?.in),
          pointer: `${base}/${i}`,
          namePointer: `${base}/${i}/name`,
        },
      ];
    const prefix = '$components.parameters.';
    const target = reference.startsWith(prefix)
      ? asRecord(components?.[reference.slice(prefix.length)])
      : undefined;
    if (target === undefined) return [];
    const pointer = `${base}/${i}/reference`;
    return [{ name: asString(target.name), in: asString(target.in), pointer, namePointer: pointer }];
  });
}
