/**
 * Payload Replacement Objects on an XML payload: `target` is an XPath expression (fontoxpath over an
 * @xmldom document); every selected element gets the value as its text, every selected attribute as
 * its value. Non-string values are JSON-stringified. Both libraries (~100 ms of CPU to load) are
 * loaded on first use (criteria/lazy-library.ts), so a run without XPath never loads them. Targets
 * were checked at load (find-replacement-problem.ts); fontoxpath caches compiled expressions. A 1.1
 * `targetSelectorType` of xpath version `xpath-10` goes through the XPath 1.0 engine instead.
 */
import { loadFontoxpath, loadXmldom, loadXpath } from '../../../criteria/lazy-library.js';
import type { ReplacementSelector } from './replacement-selector.js';

type XmlNode = { nodeType: number; textContent: string | null; value?: string };

/** The nodes `target` selects in `doc`, by the XPath engine of `version` (XPath 3.1 family by default). */
function selectNodes(target: string, doc: unknown, version: string | undefined): XmlNode[] {
  if (version !== 'xpath-10') return loadFontoxpath().evaluateXPathToNodes(target, doc as never) as XmlNode[];
  const parsed = loadXpath().parse(target) as unknown as {
    evaluateNodeSet(options: { node: unknown }): { toArray(): XmlNode[] };
  };
  return parsed.evaluateNodeSet({ node: doc }).toArray();
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

/** Apply replacements to an XML text; `onMiss` hears of targets that select nothing or fail. */
export function applyXmlReplacements(options: {
  xml: string;
  replacements: readonly {
    readonly target: string;
    readonly value: unknown;
    readonly selector?: ReplacementSelector;
  }[];
  onMiss: (target: string, reason: string) => void;
}): string {
  const { DOMParser, XMLSerializer } = loadXmldom();
  const doc = new DOMParser().parseFromString(options.xml, 'text/xml');
  for (const { target, value, selector } of options.replacements) {
    let nodes: XmlNode[];
    try {
      nodes = selectNodes(target, doc, selector?.version);
    } catch (error) {
      options.onMiss(target, `XPath failed: ${(error as Error).message}`);
      continue;
    }
    if (nodes.length === 0) options.onMiss(target, 'the XPath selects nothing in the payload');
    for (const node of nodes) {
      if (node.nodeType === 2) node.value = text(value);
      else node.textContent = text(value);
    }
  }
  return new XMLSerializer().serializeToString(doc);
}
