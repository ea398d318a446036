/**
 * Matching a response against what an operation documents: the response key its status falls
 * under, and the media type key its Content-Type falls under (OpenAPI: "the most specific key is
 * applicable").
 */
/**
 * Which documented response a status code falls under: the exact code (`404`), else its range
 * (`4XX`, any case), else `default` (OpenAPI Responses Object: "the most specific key is applicable").
 */
export function matchResponseStatus(options: {
  readonly responses: { readonly [status: string]: unknown };
  readonly statusCode: number;
}): string | undefined {
  const { responses, statusCode } = options;
  const exact = String(statusCode);
  if (Object.hasOwn(responses, exact)) return exact;
  const range = `${exact.charAt(0)}XX`;
  for (const key of Object.keys(responses)) if (key.toUpperCase() === range) return key;
  return Object.hasOwn(responses, 'default') ? 'default' : undefined;
}

/** The essence of a media type: lower-case `type/subtype`, parameters and spaces dropped. */
export function mediaTypeEssence(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The documented media type key that a received Content-Type falls under: the exact type
 * (parameters ignored), else `type/*`, else `*\/*` (OpenAPI: "the most specific key is applicable").
 * Undefined when none covers it.
 */
export function matchMediaType(options: {
  readonly documented: readonly string[];
  readonly contentType: string;
}): string | undefined {
  const received = mediaTypeEssence(options.contentType);
  const [type] = received.split('/');
  let range: string | undefined;
  let any: string | undefined;
  for (const key of options.documented) {
    const essence = mediaTypeEssence(key);
    if (essence === received) return key;
    if (essence === `${type}/*`) range ??= key;
    else if (essence === '*/*') any ??= key;
  }
  return range ?? any;
}

/** True for media types whose bodies are JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonMediaType(value: string): boolean {
  const essence = mediaTypeEssence(value);
  return essence === 'application/json' || essence.endsWith('+json') || essence === 'text/json';
}
