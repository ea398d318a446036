/**
 * The `xpath` criterion type (Arazzo 1.0.1 §4.6.10 and §4.6.11): versions `xpath-30` (default),
 * `xpath-20` and `xpath-10`, evaluated by fontoxpath (an XPath 3.1 engine, which accepts the
 * expressions of the earlier versions) on the XML that `context` yields, parsed with @xmldom/xmldom.
 * The criterion holds when the effective boolean value of the result is true (a non-empty node
 * sequence, `true()`, a non-zero number, a non-empty string). Both libraries are loaded when the
 * first xpath criterion is compiled, so documents without XPath never pay for them.
 *
 * Versions. fontoxpath implements only XPath 3.1 (and 4.0 drafts); it has no XPath 1.0
 * compatibility mode. XPath 2.0 and 3.0 expressions mean the same in 3.1 (3.1 is a superset: maps,
 * arrays, `=>`, which 2.0/3.0 expressions do not use, and 2.0 without its optional 1.0
 * compatibility mode also rejects `'1' = 1`), so `xpath-20` and `xpath-30` run as they are. XPath
 * 1.0 differs: it converts between strings, numbers and node-sets in comparisons (`'1' = 1` is true
 * there, a type error in 3.1, which fails the criterion). `xpath-10` still runs as 3.1, and the
 * compiled criterion carries a `warnings` entry that lint reports.
 */
import { readContext } from './context-value.js';
import { loadFontoxpath, loadXmldom } from './lazy-library.js';
import { type CriterionEvaluator, CriterionSyntaxError } from './types.js';

/** XPath versions of the Criterion Expression Type Object; the first is the default. */
export const XPATH_VERSIONS = ['xpath-30', 'xpath-20', 'xpath-10'] as const;

/** The compile warning of every `xpath-10` criterion: it runs with XPath 3.1 semantics. */
export const XPATH_10_WARNING =
  'xpath-10 evaluated with XPath 3.1 semantics: comparisons of strings and numbers differ';

let scratch: unknown;

/** Create the `xpath` evaluator. */
export function createXpathEvaluator(): CriterionEvaluator {
  let lastText: string | undefined;
  let lastDocument: unknown;
  const parseXml = (text: string): unknown => {
    if (text === lastText) return lastDocument;
    let failed = false;
    const onError = (level: string): void => {
      if (level !== 'warning') failed = true;
    };
    const doc = new (loadXmldom().DOMParser)({ onError }).parseFromString(text, 'text/xml');
    lastText = text;
    lastDocument = failed ? undefined : doc;
    return lastDocument;
  };
  return {
    type: 'xpath',
    versions: XPATH_VERSIONS,
    requiresContext: true,
    compile({ condition, context, version }) {
      const fontoxpath = loadFontoxpath();
      scratch ??= new (loadXmldom().DOMImplementation)().createDocument(null, 'scratch', null);
      try {
        fontoxpath.parseScript(
          condition,
          { language: fontoxpath.evaluateXPath.XPATH_3_1_LANGUAGE },
          scratch as never,
        );
      } catch (e) {
        throw new CriterionSyntaxError(`bad XPath: ${firstLine(e)}`);
      }
      return {
        ...(version === 'xpath-10' ? { warnings: [XPATH_10_WARNING] } : {}),
        test(ctx, onMissing) {
          const value = readContext(context, ctx, onMissing);
          if (typeof value !== 'string') return false;
          const doc = safeParse(parseXml, value);
          if (doc === undefined) {
            onMissing?.({ expression: context?.text ?? '', reason: 'the context is not well-formed XML' });
            return false;
          }
          try {
            return fontoxpath.evaluateXPathToBoolean(condition, doc as never);
          } catch {
            return false;
          }
        },
      };
    },
  };
}

function safeParse(parse: (text: string) => unknown, text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = /XP\w+\d+: [^\n]*/.exec(message);
  return code === null ? (message.split('\n')[0] ?? message) : code[0];
}
