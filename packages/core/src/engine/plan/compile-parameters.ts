/**
 * Parameters of a step: reusable `$components.parameters.x` resolved (with the Reusable Object's
 * `value` overriding the component's), workflow-level parameters applied to every step, and a
 * step parameter replacing a workflow one with the same name and location, never removing it
 * (Workflow Object / Step Object `parameters`).
 */
import { compileValue } from '../../expressions/compile-value.js';
import type { DeclaredNames } from '../../expressions/declared-names.js';
import { parseExpression } from '../../expressions/parse-expression.js';
import type { ArazzoDocument, JsonValue, Parameter, ReusableObject } from '../../model/arazzo.js';
import { planError } from './plan-error.js';
import type { ParameterPlan } from './plan-types.js';

type ParamEntry = Parameter | ReusableObject;

/** Resolve one Parameter or Reusable Object to a plain Parameter. */
export function resolveParameter(options: {
  entry: ParamEntry;
  document: ArazzoDocument;
  uri: string;
  pointer: string;
}): Parameter {
  const { entry } = options;
  if (!('reference' in entry)) return entry;
  const parsed = parseExpression(entry.reference);
  const component =
    parsed.ok && parsed.value.kind === 'components' && parsed.value.componentType === 'parameters'
      ? options.document.components?.parameters?.[parsed.value.name]
      : undefined;
  if (component === undefined)
    return planError({
      uri: options.uri,
      pointer: options.pointer,
      message: `unresolved parameter reference '${entry.reference}'`,
    });
  return entry.value === undefined ? component : { ...component, value: entry.value as JsonValue };
}

const keyOf = (p: Parameter, forWorkflow: boolean): string =>
  forWorkflow ? p.name : `${p.in ?? ''}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;

/**
 * Merge workflow and step parameters for one step. Operation steps take workflow parameters that
 * have an `in`; workflow steps take those without `in` or naming a declared input of the target.
 */
export function compileParameters(options: {
  workflowParams: readonly Parameter[];
  stepParams: readonly Parameter[];
  forWorkflow: boolean;
  targetInputs?: ReadonlySet<string>;
  /** Names declared where the step stands, for lenient expression parsing (DeclaredNames). */
  names?: DeclaredNames;
  /** Arazzo 1.1: values may be Selector Objects. */
  selectors?: boolean;
}): ParameterPlan[] {
  const { forWorkflow, targetInputs } = options;
  const valueOptions = {
    ...(options.names === undefined ? {} : { names: options.names }),
    selectors: options.selectors === true,
  };
  const compile = (value: JsonValue) => compileValue(value, valueOptions);
  const merged = new Map<string, Parameter>();
  for (const p of options.workflowParams) {
    const applies = forWorkflow
      ? p.in === undefined || targetInputs === undefined || targetInputs.has(p.name)
      : p.in !== undefined;
    if (applies) merged.set(keyOf(p, forWorkflow), p);
  }
  for (const p of options.stepParams) {
    const key = keyOf(p, forWorkflow);
    merged.delete(key);
    merged.set(key, p);
  }
  return [...merged.values()].map((p) => {
    const text = typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
    return p.in === undefined
      ? { name: p.name, value: compile(p.value), text }
      : { name: p.name, in: p.in, value: compile(p.value), text };
  });
}
