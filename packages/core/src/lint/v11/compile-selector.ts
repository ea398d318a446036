import type { LintContext } from '../lint-context.js';
import { asRecord, asString } from '../read-node.js';

/**
 * Why `text` does not compile as a selector of `type` (a name or an Expression Type Object), in
 * words, or undefined when it compiles. JSONPath and XPath go through the criterion evaluators
 * (the same parsers the engine uses; a JSONPath that only telaio's lenient comparison form accepts
 * is not a selector); a JSON Pointer must follow RFC 6901. An unknown type is the schema's to report.
 */
export function compileSelector(context: LintContext, text: string, type: unknown): string | undefined {
  const name = typeof type === 'string' ? type : asString(asRecord(type)?.type);
  const version = typeof type === 'string' ? undefined : asString(asRecord(type)?.version);
  if (name === 'jsonpointer') return pointerProblem(text);
  if (name !== 'jsonpath' && name !== 'xpath') return undefined;
  const criterionType = version === undefined ? name : { type: name, version };
  try {
    const compiled = context.criteria.compile(
      { context: '$response.body', condition: text, type: criterionType as never },
      { arazzoVersion: '1.0.1' },
    );
    if (name === 'jsonpath' && (compiled.warnings?.length ?? 0) > 0)
      return `selector '${text}' is not ${version ?? 'RFC 9535'} JSONPath: ${compiled.warnings?.[0]}`;
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `selector '${text}' does not compile as ${name}${version === undefined ? '' : ` ${version}`}: ${reason}`;
  }
}

/** RFC 6901: empty, or `/`-separated tokens where `~` is only `~0` or `~1`. */
function pointerProblem(text: string): string | undefined {
  if (text !== '' && !text.startsWith('/'))
    return `selector '${text}' is not an RFC 6901 JSON Pointer: it must be empty or start with '/'${text.startsWith('#/') ? " (write it without '#')" : ''}`;
  if (/~(?![01])/.test(text))
    return `selector '${text}' is not an RFC 6901 JSON Pointer: '~' must be followed by 0 or 1`;
  return undefined;
}
