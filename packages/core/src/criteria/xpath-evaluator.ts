/**
 * The `xpath` criterion type (Arazzo 1.0.1 §4.6.10 and §4.6.11): versions `xpath-30` (default),
 * `xpath-20` and `xpath-10`, evaluated on the XML that `context` yields, parsed with
 * @xmldom/xmldom. The criterion holds when the effective boolean value of the result is true (a
 * non-empty node-set, `true()`, a non-zero number, a non-empty string). The libraries are loaded
 * when the first xpath criterion of their version is compiled, so documents without XPath never
 * pay for them.
 *
 * Versions. `xpath-30` and `xpath-20` run on fontoxpath, an XPath 3.1 engine: 2.0 and 3.0
 * expressions mean the same in 3.1 (3.1 is a superset: maps, arrays, `=>`, which 2.0/3.0
 * expressions do not use, and 2.0 without its optional 1.0 compatibility mode also rejects
 * `'1' = 1`). `xpath-10` runs on the `xpath` package (goto100/xpath), an XPath 1.0 engine, over the
 * same xmldom document: fontoxpath has no 1.0 compatibility mode, and 1.0 converts between
 * strings, numbers and node-sets in comparisons (`'1' = 1` is true there, a type error in 3.1).
 * Both engines parse the expression once at compile time; a syntax error is a
 * CriterionSyntaxError, an error while evaluating (an unknown function, say) fails the criterion.
 */
import { readContext } from './context-value.js';
import { loadFontoxpath, loadXmldom, loadXpath, type XpathExpression } from './lazy-library.js';
import { type CriterionEvaluator, CriterionSyntaxError } from './types.js';

/**
 * XPath versions of the Criterion Expression Type Object; the first is the default. `xpath-31`
 * (Arazzo 1.1.0, its default) is what fontoxpath implements, as for 3.0 and 2.0.
 */
export const XPATH_VERSIONS = ['xpath-30', 'xpath-20', 'xpath-10', 'xpath-31'] as const;

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
      const evaluate = version === 'xpath-10' ? compileXpath10(condition) : compileXpath31(condition);
      return {
        test(ctx, onMissing) {
          const value = readContext(context, ctx, onMissing);
          if (typeof value !== 'string') return false;
          const doc = safeParse(parseXml, value);
          if (doc === undefined) {
            onMissing?.({ expression: context?.text ?? '', reason: 'the context is not well-formed XML' });
            return false;
          }
          try {
            return evaluate(doc);
          } catch {
            return false;
          }
        },
      };
    },
  };
}

/** `xpath-20`/`xpath-30`: checked by fontoxpath's parser now, evaluated by fontoxpath per test. */
function compileXpath31(condition: string): (doc: unknown) => boolean {
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
  return (doc) => fontoxpath.evaluateXPathToBoolean(condition, doc as never);
}

/** `xpath-10`: parsed once by the XPath 1.0 engine; each test only evaluates the parse tree. */
function compileXpath10(condition: string): (doc: unknown) => boolean {
  let compiled: XpathExpression;
  try {
    compiled = loadXpath().parse(condition);
  } catch (e) {
    throw new CriterionSyntaxError(`bad XPath 1.0: ${firstLine(e)}`);
  }
  if (compiled.expression === undefined) throw new CriterionSyntaxError('bad XPath 1.0: XPath parse error');
  return (doc) => compiled.evaluateBoolean({ node: doc });
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
