/**
 * The registry of criterion languages: the one answer to "which criterion types are valid", in lint
 * and in the plan (the schema checks only the shape of `type`). The four standard types of the
 * Criterion Object (`simple`, `regex`, `jsonpath`, `xpath`) are registered exactly as plugin
 * evaluators are; a plugin may replace one of them.
 */
import type { RuntimeExpression } from '../expressions/ast.js';
import type { DeclaredNames } from '../expressions/declared-names.js';
import { parseExpression } from '../expressions/parse-expression.js';
import type { Criterion } from '../model/arazzo.js';
import { compileTypedCondition } from './embedded-condition.js';
import { standardEvaluators } from './standard-evaluators.js';
import { type CompiledCriterion, type CriterionEvaluator, CriterionSyntaxError } from './types.js';

/** Compiles criteria of any registered type. */
export interface CriterionRegistry {
  /**
   * Compile a Criterion Object once. Throws CriterionSyntaxError for bad syntax, an unknown type or
   * version, or a missing `context` where the type needs one.
   */
  compile(criterion: Criterion, options?: CriterionCompileOptions): CompiledCriterion;
  /** The evaluator registered for `type`, if any. */
  get(type: string): CriterionEvaluator | undefined;
  /** The registered type names, standard ones first. */
  types(): readonly string[];
}

/** What `CriterionRegistry.compile` may know about where a criterion comes from. */
export interface CriterionCompileOptions {
  /**
   * The `arazzo` version of the document holding the criterion. `{$...}` inside regex, jsonpath and
   * xpath conditions is an embedded expression from 1.1 on and literal text in 1.0.x documents.
   * Unknown (left out): the 1.1 reading.
   */
  readonly arazzoVersion?: string;
  /** Names the document declares where the criterion stands (lenient parsing, see DeclaredNames). */
  readonly names?: DeclaredNames;
}

/** A registry with the standard evaluators; `extra` ones (plugins) are added, replacing same-named types. */
export function createCriterionRegistry(extra: readonly CriterionEvaluator[] = []): CriterionRegistry {
  const evaluators = new Map<string, CriterionEvaluator>();
  for (const evaluator of [...standardEvaluators(), ...extra]) evaluators.set(evaluator.type, evaluator);
  return {
    get: (type) => evaluators.get(type),
    types: () => [...evaluators.keys()],
    compile(criterion, options) {
      if (criterion === null || typeof criterion !== 'object' || typeof criterion.condition !== 'string') {
        throw new CriterionSyntaxError('a criterion needs a string condition');
      }
      const { type, version } = criterionType(criterion.type);
      const evaluator = evaluators.get(type);
      if (evaluator === undefined) {
        throw new CriterionSyntaxError(
          `unknown criterion type '${type}' (known: ${[...evaluators.keys()].join(', ')})`,
        );
      }
      if (version !== undefined && !evaluator.versions.includes(version)) {
        const known = evaluator.versions.length > 0 ? evaluator.versions.join(', ') : 'none';
        throw new CriterionSyntaxError(`unknown ${type} version '${version}' (known: ${known})`);
      }
      let context: RuntimeExpression | undefined;
      if (criterion.context === undefined || criterion.context === null) {
        if (evaluator.requiresContext === true) {
          throw new CriterionSyntaxError(
            `a ${type} criterion needs a context (e.g. context: $response.body)`,
          );
        }
      } else {
        const parsed = parseExpression(String(criterion.context), options?.names);
        if (!parsed.ok)
          throw new CriterionSyntaxError(`bad context '${criterion.context}': ${parsed.error.message}`);
        context = parsed.value;
      }
      const source = {
        condition: criterion.condition,
        context,
        version: version ?? evaluator.versions[0],
        ...(options?.names === undefined ? {} : { names: options.names }),
      };
      return evaluator.conditionIsExpression === true
        ? evaluator.compile(source)
        : compileTypedCondition(evaluator, source, options?.arazzoVersion);
    },
  };
}

function criterionType(type: Criterion['type'] | undefined): { type: string; version?: string } {
  if (type === undefined || type === null) return { type: 'simple' };
  if (typeof type === 'string') return { type };
  if (typeof type === 'object' && typeof type.type === 'string') {
    if (typeof type.version !== 'string')
      throw new CriterionSyntaxError(`a criterion expression type object needs a version`);
    return { type: type.type, version: type.version };
  }
  throw new CriterionSyntaxError('a criterion type is a string or {type, version}');
}
