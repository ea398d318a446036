import type { ErrorObject } from 'ajv';
import { describeSchemaError, type SchemaProblem } from './describe-schema-error.js';

/**
 * Collapse ajv's all-errors output into the most useful problems, one message per node and cause:
 * (ajv must run with `verbose`). `if` echoes go; a failing keyword in a schema node with `x-message` is replaced by that message
 * and the errors of its branches go; of a plain oneOf/anyOf only the best branch stays (the one that
 * got deepest into the instance, then with the fewest errors).
 */
export function collapseSchemaErrors(options: { errors: readonly ErrorObject[] }): SchemaProblem[] {
  let errors = options.errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const messages = new Map<ErrorObject, string>();
  for (const error of errors) {
    const message = (error.parentSchema as Record<string, unknown> | undefined)?.['x-message'];
    if (typeof message !== 'string') continue;
    messages.set(error, message);
    const prefix = `${error.schemaPath}/`;
    errors = errors.filter(
      (e) => e === error || !(e.schemaPath.startsWith(prefix) && e.instancePath === error.instancePath),
    );
  }
  for (const composite of errors.filter(
    (e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !messages.has(e),
  )) {
    const prefix = `${composite.schemaPath}/`;
    const inside = errors.filter(
      (e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(composite.instancePath),
    );
    if (inside.length === 0) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const score = (es: ErrorObject[]) =>
      Math.max(...es.map((e) => e.instancePath.split('/').length)) * 1000 - es.length;
    const best = [...branches.values()].sort((a, b) => score(b) - score(a))[0] ?? [];
    errors = errors.filter((e) => e !== composite && (!inside.includes(e) || best.includes(e)));
  }
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'type' && typeErrorAt.has(error.instancePath) && error.keyword !== 'required')
      continue;
    const described = describeSchemaError(error);
    const custom = messages.get(error);
    const problem =
      custom === undefined ? described : { pointer: error.instancePath, atKey: false, message: custom };
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
