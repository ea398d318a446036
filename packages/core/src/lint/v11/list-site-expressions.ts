import type { RuntimeExpression } from '../../expressions/ast.js';
import { compileValue } from '../../expressions/compile-value.js';
import { parseExpression } from '../../expressions/parse-expression.js';
import { parseTemplate } from '../../expressions/parse-template.js';
import type { JsonValue } from '../../model/arazzo.js';
import type { ExpressionScope, ExpressionSite } from '../collect-expression-sites.js';
import { collectExpressionSites } from '../collect-expression-sites.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { scanConditionExpressions } from '../scan-condition-expressions.js';
import { collectSelectors } from './collect-selectors.js';

/** One well-formed runtime expression of the document, at the scalar that holds it. */
export interface PlacedExpression {
  readonly pointer: string;
  readonly expression: RuntimeExpression;
  readonly scope: ExpressionScope;
}

/**
 * Every well-formed runtime expression of the document with its place: the sites lint's expression
 * rule reads, plus what 1.1 adds (Selector Object contexts, action parameters, embedded `{$...}` in
 * regex/jsonpath/xpath conditions, correlationId). Malformed ones are left to `expression-invalid`.
 */
export function listSiteExpressions(context: LintContext): readonly PlacedExpression[] {
  let listed = LISTED.get(context);
  if (listed === undefined) {
    listed = listOnce(context);
    LISTED.set(context, listed);
  }
  return listed;
}

/** One listing per lint run: several rules read it. */
const LISTED = new WeakMap<LintContext, readonly PlacedExpression[]>();

function listOnce(context: LintContext): PlacedExpression[] {
  const out: PlacedExpression[] = [];
  for (const site of collectExpressionSites(context)) out.push(...fromSite(site));
  const seen = new Set(out.map((p) => p.pointer));
  for (const { pointer, selector, scope } of collectSelectors(context)) {
    const parsed = parseExpression(selector.context);
    // Contexts inside parameter values and payloads are already sites of their own.
    if (parsed.ok && !seen.has(`${pointer}/context`))
      out.push({ pointer: `${pointer}/context`, expression: parsed.value, scope });
  }
  asArray(context.root.workflows).forEach((workflow, w) => {
    asArray(asRecord(workflow)?.steps).forEach((step, s) => {
      const node = asRecord(step);
      const scope = { workflow: w, step: s };
      const at = `/workflows/${w}/steps/${s}`;
      const correlation = asString(node?.correlationId);
      if (correlation !== undefined)
        out.push(...fromSite({ kind: 'value', pointer: `${at}/correlationId`, value: correlation, scope }));
      for (const list of ['successCriteria', 'onSuccess', 'onFailure'] as const)
        out.push(...typedConditions(node?.[list], `${at}/${list}`, scope, list !== 'successCriteria'));
      for (const list of ['onSuccess', 'onFailure'] as const)
        for (const [i, action] of asArray(node?.[list]).entries())
          for (const [j, p] of asArray(asRecord(action)?.parameters).entries()) {
            const pointer = `${at}/${list}/${i}/parameters/${j}/value`;
            out.push(...fromSite({ kind: 'value', pointer, value: asRecord(p)?.value, scope }));
          }
    });
  });
  return out;
}

/** Embedded `{$...}` of regex/jsonpath/xpath conditions (`criteria` of actions when `inActions`). */
function typedConditions(
  list: unknown,
  base: string,
  scope: ExpressionScope,
  inActions: boolean,
): PlacedExpression[] {
  const out: PlacedExpression[] = [];
  asArray(list).forEach((item, i) => {
    const criteria = inActions ? asArray(asRecord(item)?.criteria) : [item];
    criteria.forEach((c, j) => {
      const node = asRecord(c);
      const condition = asString(node?.condition);
      if (condition === undefined || node?.type === undefined || node.type === 'simple') return;
      const pointer = inActions ? `${base}/${i}/criteria/${j}/condition` : `${base}/${i}/condition`;
      const parsed = condition.includes('{$') ? parseTemplate(condition) : undefined;
      if (parsed?.ok)
        for (const part of parsed.value.parts)
          if (part.kind === 'expression') out.push({ pointer, expression: part.expression, scope });
    });
  });
  return out;
}

function fromSite(site: ExpressionSite): PlacedExpression[] {
  if (site.value === undefined) return [];
  if (site.kind === 'value')
    return compileValue(site.value as JsonValue).expressions.map(({ pointer, expression }) => ({
      pointer: `${site.pointer}${pointer}`,
      expression,
      scope: site.scope,
    }));
  if (site.kind === 'expression') {
    const parsed = parseExpression(site.value as string);
    return parsed.ok ? [{ pointer: site.pointer, expression: parsed.value, scope: site.scope }] : [];
  }
  return conditionExpressions(site);
}

function conditionExpressions(site: ExpressionSite): PlacedExpression[] {
  const scan = scanConditionExpressions(site.value as string);
  return scan.ok
    ? scan.expressions.map((expression) => ({ pointer: site.pointer, expression, scope: site.scope }))
    : [];
}
