/**
 * Payload Replacement Object targets checked once, at load: an XPath expression on an XML payload,
 * a JSON Pointer (RFC 6901) on a JSON one. Shared by the plan (compile-body.ts), which refuses a
 * bad target, and lint (check-xml-replacements.ts), which reports it as `expression-invalid`.
 */
import { loadFontoxpath, loadXmldom } from '../../../criteria/lazy-library.js';

let scratch: unknown;

/** True when a request body with this content type (else this evaluated payload) is XML. */
export function isXmlBody(contentType: string | undefined, payload: unknown): boolean {
  return contentType !== undefined
    ? /[/+]xml\b/i.test(contentType)
    : typeof payload === 'string' && payload.trimStart().startsWith('<');
}

/**
 * What replacement targets a body takes, as far as the document tells before any run: `xml`
 * (XPath), `json` (JSON Pointer), or undefined (another media type, or a payload only a run yields).
 */
export function replacementKind(
  contentType: string | undefined,
  payload: unknown,
): 'xml' | 'json' | undefined {
  if (contentType !== undefined)
    return isXmlBody(contentType, payload) ? 'xml' : /json/i.test(contentType) ? 'json' : undefined;
  if (typeof payload === 'string') return payload.trimStart().startsWith('<') ? 'xml' : undefined;
  return payload !== null && typeof payload === 'object' ? 'json' : undefined;
}

/** Why `target` is not a valid target for a body of `kind`, or undefined. */
export function findReplacementProblem(kind: 'xml' | 'json', target: string): string | undefined {
  return kind === 'xml' ? findXPathProblem(target) : findPointerProblem(target);
}

/**
 * Why `target` is not a usable XPath expression (a syntax error, or a static error such as an
 * unknown function), or undefined when it is one. Loads fontoxpath on first use.
 */
export function findXPathProblem(target: string): string | undefined {
  const fontoxpath = loadFontoxpath();
  scratch ??= new (loadXmldom().DOMImplementation)().createDocument(null, 'scratch', null);
  try {
    fontoxpath.parseScript(
      target,
      { language: fontoxpath.evaluateXPath.XPATH_3_1_LANGUAGE },
      scratch as never,
    );
    // Static errors (XPST*: unknown functions, undeclared prefixes) surface only when evaluating.
    fontoxpath.evaluateXPathToNodes(target, scratch as never);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /XP\w+\d+: [^\n]*/.exec(message)?.[0];
    if (code?.startsWith('XPST')) return `bad XPath '${target}': ${code}`;
    if (code === undefined) return `bad XPath '${target}': ${message.split('\n')[0] ?? message}`;
  }
  return undefined;
}

/** Why `target` is not a JSON Pointer (RFC 6901: empty, or `/`-separated tokens with `~` only as `~0`/`~1`). */
export function findPointerProblem(target: string): string | undefined {
  if (target !== '' && !target.startsWith('/'))
    return `'${target}' is not a JSON Pointer: it must be empty or start with '/'`;
  if (/~(?![01])/.test(target)) return `'${target}' is not a JSON Pointer: '~' must be followed by 0 or 1`;
  return undefined;
}
