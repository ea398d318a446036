/** Criteria compiled once at load through the criterion registry (Criterion Object). */
import type { CriterionRegistry } from '../../criteria/registry.js';
import type { DeclaredNames } from '../../expressions/declared-names.js';
import type { Criterion } from '../../model/arazzo.js';
import { inputsOfText } from './collect-input-reads.js';
import { planError } from './plan-error.js';
import type { CriterionPlan } from './plan-types.js';

/** Compile a list of Criterion Objects; a criterion that does not compile refuses the document. */
export function compileCriteria(options: {
  criteria: readonly Criterion[] | undefined;
  registry: CriterionRegistry;
  uri: string;
  pointer: string;
  /** The `arazzo` version of the document (decides whether `{$...}` in typed conditions is embedded). */
  arazzoVersion?: string;
  /** Names declared where the criteria stand, for lenient expression parsing (DeclaredNames). */
  names?: DeclaredNames;
}): CriterionPlan[] {
  return (options.criteria ?? []).map((criterion, i) => {
    try {
      return {
        condition: criterion.condition,
        type: typeLabel(criterion.type),
        ...(criterion.context === undefined ? {} : { context: criterion.context }),
        compiled: options.registry.compile(criterion, {
          ...(options.arazzoVersion === undefined ? {} : { arazzoVersion: options.arazzoVersion }),
          ...(options.names === undefined ? {} : { names: options.names }),
        }),
        inputReads: inputsOfText({ text: `${criterion.condition} ${criterion.context ?? ''}` }),
      };
    } catch (cause) {
      return planError({
        uri: options.uri,
        pointer: `${options.pointer}/${i}`,
        message: (cause as Error).message,
        cause,
      });
    }
  });
}

/** `simple` when absent; an expression type object as `jsonpath draft-goessner-dispatch-jsonpath-00`. */
function typeLabel(type: Criterion['type']): string {
  if (type === undefined) return 'simple';
  if (typeof type === 'string') return type;
  return typeof type === 'object' && type !== null ? `${type.type} ${type.version}` : String(type);
}
