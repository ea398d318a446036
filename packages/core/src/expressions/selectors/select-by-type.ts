/**
 * The selector languages of the Arazzo 1.1.0 Selector Object and Expression Type Object, each
 * compiled once into a function from structured data to the values it selects: `jsonpath`
 * (`rfc9535`, the default, or `draft-goessner-dispatch-jsonpath-00`), `xpath` (`xpath-31`, the
 * default, `xpath-30` and `xpath-20` on fontoxpath; `xpath-10` on the XPath 1.0 engine) and
 * `jsonpointer` (`rfc6901`). XPath works on XML text and selects strings (a node's string value).
 */
import { compileGoessner } from '../../criteria/jsonpath-goessner.js';
import { compileRfc9535 } from '../../criteria/jsonpath-rfc9535.js';
import { loadFontoxpath, loadXmldom, loadXpath } from '../../criteria/lazy-library.js';

/** Selects from structured data; an empty array when nothing matches. Throws only at compile time. */
export type SelectValues = (data: unknown) => readonly unknown[];

/** Each selector type's versions, the default first (1.1.0 §Expression Type Object). */
export const SELECTOR_VERSIONS = {
  jsonpath: ['rfc9535', 'draft-goessner-dispatch-jsonpath-00'],
  xpath: ['xpath-31', 'xpath-30', 'xpath-20', 'xpath-10'],
  jsonpointer: ['rfc6901'],
} as const;

/** A selector type name. */
export type SelectorTypeName = keyof typeof SELECTOR_VERSIONS;

/** Compile `selector` of `type` and `version` (the type's default when left out); throws Error when it does not compile. */
export function compileSelectValues(
  type: string,
  version: string | undefined,
  selector: string,
): SelectValues {
  if (!Object.hasOwn(SELECTOR_VERSIONS, type)) throw new Error(`unknown selector type '${type}'`);
  const versions: readonly string[] = SELECTOR_VERSIONS[type as SelectorTypeName];
  const chosen = version ?? (versions[0] as string);
  if (!versions.includes(chosen))
    throw new Error(`unknown ${type} version '${chosen}' (known: ${versions.join(', ')})`);
  if (type === 'jsonpointer') return compilePointer(selector);
  if (type === 'jsonpath') {
    const select = chosen === 'rfc9535' ? compileRfc9535(selector) : compileGoessner(selector);
    return (data) => select(typeof data === 'string' ? parseJson(data) : data);
  }
  return chosen === 'xpath-10' ? compileXpath10(selector) : compileXpath31(selector);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function compilePointer(selector: string): SelectValues {
  if (selector !== '' && !selector.startsWith('/')) throw new Error(`'${selector}' is not a JSON Pointer`);
  if (/~(?![01])/.test(selector)) throw new Error(`'${selector}': '~' must be followed by 0 or 1`);
  const tokens =
    selector === ''
      ? []
      : selector
          .slice(1)
          .split('/')
          .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  return (data) => {
    let current = typeof data === 'string' ? parseJson(data) : data;
    for (const token of tokens) {
      if (Array.isArray(current) && /^(0|[1-9][0-9]*)$/.test(token)) current = current[Number(token)];
      else if (
        typeof current === 'object' &&
        current !== null &&
        !Array.isArray(current) &&
        Object.hasOwn(current, token)
      )
        current = (current as Record<string, unknown>)[token];
      else return [];
      if (current === undefined) return [];
    }
    return [current];
  };
}

function parseXml(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  let failed = false;
  const onError = (level: string): void => {
    if (level !== 'warning') failed = true;
  };
  try {
    const doc = new (loadXmldom().DOMParser)({ onError }).parseFromString(text, 'text/xml');
    return failed ? undefined : doc;
  } catch {
    return undefined;
  }
}

function compileXpath31(selector: string): SelectValues {
  const fontoxpath = loadFontoxpath();
  const scratch = new (loadXmldom().DOMImplementation)().createDocument(null, 'scratch', null);
  try {
    fontoxpath.parseScript(
      selector,
      { language: fontoxpath.evaluateXPath.XPATH_3_1_LANGUAGE },
      scratch as never,
    );
  } catch (e) {
    throw new Error(`bad XPath: ${(e as Error).message.split('\n')[0]}`);
  }
  return (data) => {
    const doc = parseXml(data);
    if (doc === undefined) return [];
    try {
      return fontoxpath.evaluateXPathToStrings(selector, doc as never);
    } catch {
      return [];
    }
  };
}

function compileXpath10(selector: string): SelectValues {
  const parsed = loadXpath().parse(selector) as unknown as {
    evaluateNodeSet(options: { node: unknown }): { toArray(): { textContent?: string | null }[] };
    evaluateString(options: { node: unknown }): string;
  };
  return (data) => {
    const doc = parseXml(data);
    if (doc === undefined) return [];
    try {
      const nodes = parsed.evaluateNodeSet({ node: doc }).toArray();
      return nodes.map((n) => n.textContent ?? '');
    } catch {
      try {
        return [parsed.evaluateString({ node: doc })];
      } catch {
        return [];
      }
    }
  };
}
