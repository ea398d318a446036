/**
 * How a Payload Replacement Object's `target` is read (1.1.0 §Payload Replacement Object):
 * `targetSelectorType` when given (a name or an Expression Type Object with its version), else a
 * JSON Pointer on a JSON payload and an XPath on an XML one (the 1.0 rule, still 1.1's default).
 * JSON Pointer and JSONPath targets apply to JSON payloads, XPath targets to XML ones; any other
 * pairing cannot be resolved against the request body, so it is refused at load when the payload's
 * kind is known there (lint `replacement-selector-mismatch`, and the plan).
 */
import { compileSelectValues, SELECTOR_VERSIONS } from '../../../expressions/selectors/select-by-type.js';
import { findXPathProblem } from './find-replacement-problem.js';

/** A replacement target's language and version. */
export interface ReplacementSelector {
  readonly type: 'jsonpointer' | 'jsonpath' | 'xpath';
  /** The Expression Type Object's version, or the type's default. */
  readonly version: string;
}

/** The payload kind each selector type applies to. */
export const PAYLOAD_OF: { readonly [T in ReplacementSelector['type']]: 'json' | 'xml' } = {
  jsonpointer: 'json',
  jsonpath: 'json',
  xpath: 'xml',
};

/**
 * The selector a `targetSelectorType` names, or a problem in words (an unknown type or version);
 * undefined when it is absent (then the payload's kind decides).
 */
export function readTargetSelectorType(
  type: unknown,
): ReplacementSelector | { readonly problem: string } | undefined {
  if (type === undefined) return undefined;
  const record = typeof type === 'object' && type !== null ? (type as Record<string, unknown>) : undefined;
  const name = typeof type === 'string' ? type : record?.type;
  const version = record?.version;
  if (typeof name !== 'string' || !Object.hasOwn(SELECTOR_VERSIONS, name))
    return { problem: `unknown targetSelectorType '${String(name)}' (known: jsonpath, xpath, jsonpointer)` };
  const versions: readonly string[] = SELECTOR_VERSIONS[name as ReplacementSelector['type']];
  if (version !== undefined && (typeof version !== 'string' || !versions.includes(version)))
    return { problem: `unknown ${name} version '${String(version)}' (known: ${versions.join(', ')})` };
  return {
    type: name as ReplacementSelector['type'],
    version: (version as string | undefined) ?? versions[0]!,
  };
}

/** Why `selector` cannot apply to a payload of `kind`, or undefined. */
export function mismatchProblem(selector: ReplacementSelector, kind: 'json' | 'xml'): string | undefined {
  if (PAYLOAD_OF[selector.type] === kind) return undefined;
  const payload = kind === 'xml' ? 'an XML payload' : 'a JSON payload';
  const fits = PAYLOAD_OF[selector.type] === 'xml' ? 'XML' : 'JSON';
  return `a ${selector.type} target cannot be resolved against ${payload} (${selector.type} selects in ${fits})`;
}

/**
 * Why a replacement `target` read by `selector` does not compile, or undefined. XPath targets of
 * the 3.1 family are also checked for static errors (findXPathProblem).
 */
export function targetProblem(selector: ReplacementSelector, target: string): string | undefined {
  try {
    compileSelectValues(selector.type, selector.version, target);
  } catch (error) {
    return `replacement target '${target}' does not compile as ${selector.type} ${selector.version}: ${(error as Error).message}`;
  }
  return selector.type === 'xpath' && selector.version !== 'xpath-10' ? findXPathProblem(target) : undefined;
}
