import { escapePointerToken } from '../document/json-pointer.js';
import type { RuntimeExpression } from '../expressions/ast.js';
import { parseExpression } from '../expressions/parse-expression.js';
import { readResponseShape } from '../sources/build-response-shapes.js';
import type { OperationInfo, ResponseShape } from '../sources/types.js';
import { findShapeProblem } from './find-shape-problem.js';
import { findStepOperation } from './find-step-operation.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString, entriesOf } from './read-node.js';
import { scanConditionExpressions } from './scan-condition-expressions.js';

const ACTION_KINDS = [
  ['onSuccess', 'successActions'],
  ['onFailure', 'failureActions'],
] as const;

/**
 * `reference-unknown` (warning): a `$response.body#/pointer` in an operation step's outputs, success
 * criteria or its actions' criteria names a property that none of the operation's documented JSON
 * responses allows. Outputs are read after success, so they are checked against the 2xx responses
 * (all, when none is 2xx); criteria against every response. A warning, not an error: the schemas
 * may be incomplete, and open ones accept anything. When the documented bodies there are all XML
 * (application/xml, text/xml, +xml), any `$response.body#/...` is flagged: it reads nothing.
 */
export function checkResponsePointers(context: LintContext): void {
  const reported = new Set<string>();
  for (const [w, workflow] of asArray(context.root.workflows).entries()) {
    for (const [s, step] of asArray(asRecord(workflow)?.steps).entries()) {
      const lookup = findStepOperation(context, step);
      if (lookup.kind !== 'found') continue;
      const operation = lookup.operation;
      // The statuses, and the shapes and media types they need, are worked out on the first body
      // pointer that needs them: a step whose expressions read no body builds none, one whose only
      // body pointers are in outputs builds only the 2xx shapes.
      const found: { gate?: boolean; all?: Statuses; success?: Statuses } = {};
      const seenBy = (which: 'all' | 'outputs'): Statuses | null => {
        found.gate ??= operation.responseShapes !== undefined || onlyXml(operation, SUCCESS);
        if (!found.gate) return null;
        const shapes = operation.responseShapes ?? {};
        if (which === 'outputs') {
          found.success ??= { ...statuses(shapes, SUCCESS), xml: onlyXml(operation, SUCCESS) };
          if (found.success.shapes.length > 0 || found.success.xml === true) return found.success;
        }
        found.all ??= { ...statuses(shapes, ANY), xml: onlyXml(operation, ANY) };
        return found.all;
      };
      const check = (
        pointer: string,
        expressions: readonly RuntimeExpression[],
        seen: 'all' | 'outputs',
      ): void => {
        for (const expression of expressions) {
          const tokens = bodyPointerOf(expression);
          if (tokens === undefined) continue;
          const chosen = seenBy(seen);
          if (chosen === null) return;
          const message = problemOf(expression, tokens, chosen, operation);
          const key = `${pointer}\u0000${message}`;
          if (message === undefined || reported.has(key)) continue;
          reported.add(key);
          context.report({ rule: 'response-pointer-unknown', message, pointer });
        }
      };
      const criteria = (list: unknown, base: string): void => {
        for (const [i, item] of asArray(list).entries()) {
          const node = asRecord(item);
          const at = `${base}/${i}`;
          const contextText = asString(node?.context);
          if (contextText !== undefined) check(`${at}/context`, whole(contextText), 'all');
          const condition = asString(node?.condition);
          if (condition !== undefined && (node?.type === undefined || node.type === 'simple')) {
            const scan = scanConditionExpressions(condition);
            if (scan.ok) check(`${at}/condition`, scan.expressions, 'all');
          }
        }
      };
      const base = `/workflows/${w}/steps/${s}`;
      const stepNode = asRecord(step);
      for (const [name, value] of entriesOf(stepNode?.outputs)) {
        const text = asString(value);
        if (text !== undefined) check(`${base}/outputs/${escapePointerToken(name)}`, whole(text), 'outputs');
      }
      criteria(stepNode?.successCriteria, `${base}/successCriteria`);
      for (const [stepKey, componentKind] of ACTION_KINDS) {
        for (const [i, item] of asArray(stepNode?.[stepKey]).entries()) {
          const reference = asString(asRecord(item)?.reference);
          const prefix = `$components.${componentKind}.`;
          if (reference === undefined) criteria(asRecord(item)?.criteria, `${base}/${stepKey}/${i}/criteria`);
          else if (reference.startsWith(prefix)) {
            const name = reference.slice(prefix.length);
            const component = asRecord(asRecord(asRecord(context.root.components)?.[componentKind])?.[name]);
            criteria(
              component?.criteria,
              `/components/${componentKind}/${escapePointerToken(name)}/criteria`,
            );
          }
        }
      }
    }
  }
}

interface Statuses {
  readonly names: readonly string[];
  readonly shapes: readonly ResponseShape[];
  /** Every documented body among these responses is XML (a JSON pointer reads nothing). */
  readonly xml?: boolean;
}

const XML_MEDIA_TYPE = /^(application\/xml|text\/xml|[^/;\s]+\/[^;\s]+\+xml)\s*(;|$)/i;

const SUCCESS = (status: string): boolean => status.startsWith('2');
const ANY = (): boolean => true;

/**
 * Whether the operation's documented bodies among the responses `keep` selects (2xx, or all) are
 * all XML. False when no response of the group documents a body.
 */
function onlyXml(operation: OperationInfo, keep: (status: string) => boolean): boolean {
  const types: string[] = [];
  // Keys first: a response of a lazy YAML parse is built only when it is one of the group.
  for (const status of Object.keys(operation.responses)) {
    if (!keep(status)) continue;
    const content = asRecord(asRecord(operation.responses[status])?.content);
    if (content !== undefined) types.push(...Object.keys(content));
  }
  return types.length > 0 && types.every((type) => XML_MEDIA_TYPE.test(type.trim()));
}

function statuses(
  shapes: { readonly [status: string]: ResponseShape },
  keep: (s: string) => boolean,
): Statuses {
  const names = Object.keys(shapes).filter(keep);
  return { names, shapes: names.map((n) => readResponseShape(shapes, n)!) };
}

function whole(text: string): RuntimeExpression[] {
  const parsed = parseExpression(text);
  return parsed.ok ? [parsed.value] : [];
}

/** The tokens of a `$response.body#/...` expression with a non-empty pointer; else undefined. */
function bodyPointerOf(expression: RuntimeExpression): readonly string[] | undefined {
  if (expression.kind !== 'response' || expression.source.type !== 'body') return undefined;
  const tokens = expression.source.pointer;
  return tokens === undefined || tokens.length === 0 ? undefined : tokens;
}

function problemOf(
  expression: RuntimeExpression,
  tokens: readonly string[],
  seen: Statuses,
  operation: OperationInfo,
): string | undefined {
  const name = operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
  if (seen.xml === true)
    return `the response of ${name} is XML; a JSON pointer reads nothing — use an xpath criterion`;
  const problem = findShapeProblem(seen.shapes, tokens);
  if (problem === undefined) return undefined;
  const where = problem.parent === '' ? '' : ` at '${problem.parent}'`;
  const responses =
    seen.names.length === 1
      ? `the ${seen.names[0]} response`
      : `any of the ${seen.names.join(', ')} responses`;
  return `'${expression.text}': no property '${problem.token}'${where} in ${responses} of ${name} (${problem.detail})`;
}
