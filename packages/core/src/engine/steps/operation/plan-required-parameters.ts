/**
 * Which parameters an operation's request cannot go without: every `{name}` of its path template
 * (a missing one would be sent as a literal `{name}`), and its `required` query and header
 * parameters. Worked out once at load; at run time a step whose value for one of them evaluates to
 * nothing fails with `parameter-missing` before anything is sent.
 */
import type { OperationInfo } from '../../../sources/types.js';
import type { ParameterPlan } from '../../plan/plan-types.js';
import type { RunError } from '../../types.js';

/** A parameter the request needs, by location and name. */
export interface RequiredParameter {
  readonly in: 'path' | 'query' | 'querystring' | 'header';
  readonly name: string;
}

// OpenAPI 3.x Parameter Object: header parameters with these names "SHALL be ignored".
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const keyOf = (location: string, name: string): string =>
  `${location}:${location === 'header' ? name.toLowerCase() : name}`;

/** The path template's parameters and the operation's required query/header parameters. */
export function requiredParameters(operation: OperationInfo): RequiredParameter[] {
  const out = new Map<string, RequiredParameter>();
  for (const match of operation.path.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1] as string;
    out.set(keyOf('path', name), { in: 'path', name });
  }
  // apiKey schemes of the source are filled in by the credential provider, not by parameters.
  const byCredentials = new Set(
    Object.values(operation.securitySchemes)
      .filter((s) => s.type === 'apiKey' && s.name !== undefined && s.in !== undefined)
      .map((s) => keyOf(s.in as string, s.name as string)),
  );
  for (const p of operation.parameters) {
    if (p.required !== true || (p.in !== 'query' && p.in !== 'header')) continue;
    if (p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) continue;
    const key = keyOf(p.in, p.name);
    if (!byCredentials.has(key)) out.set(key, { in: p.in, name: p.name });
  }
  return [...out.values()];
}

/**
 * Mark the step's parameters the request needs (`required`) and list the needed ones no parameter
 * supplies at all.
 */
export function planRequiredParameters(options: {
  operation: OperationInfo;
  parameters: readonly ParameterPlan[];
}): { parameters: ParameterPlan[]; unsupplied: RequiredParameter[] } {
  const needed = new Map(requiredParameters(options.operation).map((r) => [keyOf(r.in, r.name), r]));
  const given = new Set<string>();
  const parameters = options.parameters.map((p) => {
    if (p.in === undefined) return p;
    const key = keyOf(p.in, p.name);
    if (!needed.has(key)) return p;
    given.add(key);
    return { ...p, required: true };
  });
  const unsupplied = [...needed].filter(([key]) => !given.has(key)).map(([, r]) => r);
  return { parameters, unsupplied };
}

/** The `parameter-missing` error of a needed parameter that has no value. */
export function parameterMissing(options: {
  stepId: string;
  parameter: RequiredParameter;
  /** The value as written in the document, when a parameter gave one. */
  text?: string;
}): RunError {
  const { parameter, text } = options;
  const what = parameter.in === 'path' ? 'path parameter' : `required ${parameter.in} parameter`;
  const why =
    text === undefined
      ? 'no parameter of the step or workflow gives it a value'
      : `its value '${text}' yielded nothing`;
  return {
    code: 'parameter-missing',
    message: `${what} '${parameter.name}' has no value: ${why}; nothing was sent`,
    stepId: options.stepId,
  };
}
