import { escapePointerToken } from '../document/json-pointer.js';
import type { RuntimeExpression } from '../expressions/ast.js';
import { parseExpression } from '../expressions/parse-expression.js';
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
      const xml = xmlResponses(operation);
      if (operation.responseShapes === undefined && !xml.success) continue;
      const shapes = operation.responseShapes ?? {};
      const all = { ...statuses(shapes, () => true), xml: xml.all };
      const success = { ...statuses(shapes, (status) => status.startsWith('2')), xml: xml.success };
      const check = (pointer: string, expressions: readonly RuntimeExpression[], seen: Statuses): void => {
        for (const expression of expressions) {
          const message = problemOf(expression, seen, operation);
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
          if (contextText !== undefined) check(`${at}/context`, whole(contextText), all);
          const condition = asString(node?.condition);
          if (condition !== undefined && (node?.type === undefined || node.type === 'simple')) {
            const scan = scanConditionExpressions(condition);
            if (scan.ok) check(`${at}/condition`, scan.expressions, all);
          }
        }
      };
      const base = `/workflows/${w}/steps/${s}`;
      const stepNode = asRecord(step);
      for (const [name, value] of entriesOf(stepNode?.outputs)) {
        const text = asString(value);
        if (text !== undefined)
          check(
            `${base}/outputs/${escapePointerToken(name)}`,
            whole(text),
            success.shapes.length > 0 || success.xml ? success : all,
          );
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

/**
 * Whether the operation's documented bodies are all XML: among its 2xx responses (`success`), and
 * among all its responses (`all`). False when no response of the group documents a body.
 */
function xmlResponses(operation: OperationInfo): { success: boolean; all: boolean } {
  const onlyXml = (keep: (status: string) => boolean): boolean => {
    const types: string[] = [];
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!keep(status)) continue;
      const content = asRecord(asRecord(response)?.content);
      if (content !== undefined) types.push(...Object.keys(content));
    }
    return types.length > 0 && types.every((type) => XML_MEDIA_TYPE.test(type.trim()));
  };
  return { success: onlyXml((status) => status.startsWith('2')), all: onlyXml(() => true) };
}

function statuses(
  shapes: { readonly [status: string]: ResponseShape },
  keep: (s: string) => boolean,
): Statuses {
  const names = Object.keys(shapes).filter(keep);
  return { names, shapes: names.map((n) => shapes[n]!) };
}

function whole(text: string): RuntimeExpression[] {
  const parsed = parseExpression(text);
  return parsed.ok ? [parsed.value] : [];
}

function problemOf(
  expression: RuntimeExpression,
  seen: Statuses,
  operation: OperationInfo,
): string | undefined {
  if (expression.kind !== 'response' || expression.source.type !== 'body') return undefined;
  const tokens = expression.source.pointer;
  if (tokens === undefined || tokens.length === 0) return undefined;
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
