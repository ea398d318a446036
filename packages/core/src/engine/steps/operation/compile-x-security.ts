/**
 * Redocly Respect's `x-security` extension on workflows and steps, compiled once: each entry names
 * a security scheme of the operation's source (`schemeName`, or `$sourceDescriptions.<name>.<scheme>`)
 * or writes one inline (`scheme`), and gives `values` (runtime expressions allowed) that become its
 * credential when the step is sent.
 */
import { type CompiledValue, compileValue } from '../../../expressions/compile-value.js';
import type { OperationInfo, SecurityScheme } from '../../../sources/types.js';
import { planError } from '../../plan/plan-error.js';

/** One `x-security` entry, ready to be evaluated per send. */
export interface SecurityPlan {
  /** The scheme's name in the source, or `inline`. */
  readonly schemeName: string;
  readonly scheme: SecurityScheme;
  readonly values: readonly (readonly [name: string, value: CompiledValue, text: string])[];
  /** JSON Pointer of the entry (for messages). */
  readonly pointer: string;
}

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The `x-security` entries of a workflow (first) and of a step (after, so they win on the same
 * header), checked against `operation`: a `schemeName` the source does not declare, an entry with
 * both or neither of `scheme` and `schemeName`, or without `values`, refuses the document.
 */
export function compileXSecurity(options: {
  readonly workflow: unknown;
  readonly step: unknown;
  readonly operation: OperationInfo;
  readonly uri: string;
  readonly workflowPointer: string;
  readonly stepPointer: string;
}): SecurityPlan[] | undefined {
  const lists: [unknown, string][] = [
    [options.workflow, `${options.workflowPointer}/x-security`],
    [options.step, `${options.stepPointer}/x-security`],
  ];
  const out: SecurityPlan[] = [];
  for (const [list, at] of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list))
      fail(options.uri, at, 'x-security must be a list of {schemeName|scheme, values}');
    list.forEach((entry, i) => {
      out.push(compileEntry(entry, options.operation, options.uri, `${at}/${i}`));
    });
  }
  return out.length === 0 ? undefined : out;
}

function compileEntry(entry: unknown, operation: OperationInfo, uri: string, pointer: string): SecurityPlan {
  if (!isObj(entry)) fail(uri, pointer, 'an x-security entry must be an object');
  const hasName = entry.schemeName !== undefined;
  const hasScheme = entry.scheme !== undefined;
  if (hasName === hasScheme)
    fail(
      uri,
      pointer,
      `an x-security entry needs exactly one of 'schemeName' and 'scheme' (it has ${hasName ? 'both' : 'neither'})`,
    );
  if (!isObj(entry.values)) fail(uri, `${pointer}/values`, "an x-security entry needs 'values' (an object)");
  const values = Object.entries(entry.values).map(
    ([name, value]) =>
      [
        name,
        compileValue(value as never),
        typeof value === 'string' ? value : JSON.stringify(value),
      ] as const,
  );
  if (hasScheme) {
    const scheme = entry.scheme;
    if (!isObj(scheme) || typeof scheme.type !== 'string')
      fail(
        uri,
        `${pointer}/scheme`,
        "an inline x-security scheme needs a 'type' (http, apiKey, oauth2, openIdConnect)",
      );
    return { schemeName: 'inline', scheme: scheme as unknown as SecurityScheme, values, pointer };
  }
  const written = String(entry.schemeName);
  const qualified = QUALIFIED.exec(written);
  if (qualified !== null && qualified[1] !== operation.sourceName)
    fail(
      uri,
      `${pointer}/schemeName`,
      `x-security schemeName '${written}' names source '${qualified[1]}', but the step's operation is in '${operation.sourceName}'`,
    );
  const name = qualified === null ? written : (qualified[2] as string);
  const scheme = operation.securitySchemes[name];
  if (scheme === undefined) {
    const known = Object.keys(operation.securitySchemes);
    fail(
      uri,
      `${pointer}/schemeName`,
      `x-security schemeName '${written}' is not a security scheme of source '${operation.sourceName}' (${known.length === 0 ? 'it declares none' : `it declares ${known.join(', ')}`})`,
    );
  }
  return { schemeName: name, scheme, values, pointer };
}

function fail(uri: string, pointer: string, message: string): never {
  return planError({ uri, pointer, message });
}
