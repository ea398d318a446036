import { readDeclaredInputs } from '../document/declared-inputs.js';
import { resolveLocalRef } from '../document/json-pointer.js';
import { didYouMean } from './closest-name.js';
import type { ReferenceProblem } from './find-reference-problem.js';
import { asArray, asRecord } from './read-node.js';

/**
 * What is wrong with `$inputs.NAME` in `workflow`, or undefined when NAME is declared (or the
 * schema is too open to tell). An undeclared NAME is `input-forbidden` (error) when the schema
 * forbids additional properties, else `input-undeclared` (warning). A NAME that reaches into a
 * declared object input (`secret.value`, input `secret`) works at run time and is `input-member`
 * (warning, `$inputs.secret#/value` is portable) when the schema of `secret` has that property.
 */
export function findInputProblem(options: {
  document: unknown;
  workflow: Readonly<Record<string, unknown>>;
  workflowName: string;
  text: string;
  name: string;
}): ReferenceProblem | undefined {
  const { document, workflow, workflowName, text, name } = options;
  const view = readDeclaredInputs({ document, workflow });
  const declared = Object.keys(view.properties);
  if (declared.includes(name) || !view.complete) return undefined;
  const owner = declared.filter((d) => name.startsWith(`${d}.`)).sort((a, b) => b.length - a.length)[0];
  if (owner !== undefined) {
    const path = name.slice(owner.length + 1).split('.');
    const portable = `$inputs.${owner}#/${path.join('/')}`;
    if (hasPath(document, view.properties[owner], path))
      return {
        rule: 'input-member',
        message: `'${text}' reads member '${path.join('.')}' of input '${owner}'; '${portable}' is the portable form`,
      };
    return {
      rule: 'input-undeclared',
      message: `'${text}': the schema of input '${owner}' of ${workflowName} declares no '${path.join('.')}' (to read a member, write '${portable}')`,
    };
  }
  const forbidden = forbidsOthers(document, workflow.inputs);
  const where =
    declared.length === 0
      ? `${workflowName} declares no inputs`
      : `input '${name}' is not declared in the inputs of ${workflowName}`;
  const hint = didYouMean(name, declared);
  return forbidden
    ? {
        rule: 'input-forbidden',
        message: `'${text}': ${where}, and its schema forbids other properties${hint}`,
      }
    : {
        rule: 'input-undeclared',
        message: `'${text}': ${where}; its schema allows other inputs, so a run may still supply it${hint}`,
      };
}

/** Whether a property path exists in an object schema (open schemas allow any path). */
function hasPath(document: unknown, schema: unknown, path: readonly string[]): boolean {
  let node = follow(document, schema);
  for (const token of path) {
    const properties = asRecord(node?.properties);
    if (properties === undefined || !Object.hasOwn(properties, token)) return false;
    node = follow(document, properties[token]);
  }
  return true;
}

/** True when the inputs schema (through `$ref` and `allOf`) sets additional/unevaluated properties false. */
function forbidsOthers(document: unknown, schema: unknown, depth = 0): boolean {
  const node = follow(document, schema);
  if (node === undefined || depth > 16) return false;
  if (node.additionalProperties === false || node.unevaluatedProperties === false) return true;
  return asArray(node.allOf).some((branch) => forbidsOthers(document, branch, depth + 1));
}

function follow(document: unknown, schema: unknown): Readonly<Record<string, unknown>> | undefined {
  let node = asRecord(schema);
  for (let hops = 0; hops < 16 && typeof node?.$ref === 'string'; hops++)
    node = asRecord(resolveLocalRef(document, node.$ref));
  return node;
}
