import type { OperationInfo } from '@telaio/core';

/** Facts about an operation that every request to it needs, computed once per operation. */
export interface OperationFacts {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** Accept header built from the operation's response media types, if it declares any. */
  readonly accept: string | undefined;
  /** Names of the source's apiKey headers / query parameters / cookies, for redaction. */
  readonly apiKeyNames: readonly string[];
}

const cache = new WeakMap<OperationInfo, OperationFacts>();

/**
 * Upper-case method, Accept header and apiKey names of an operation, cached in a WeakMap keyed by
 * the (immutable) OperationInfo so a document run many times does not re-walk its responses.
 */
export function getOperationFacts(options: { readonly operation: OperationInfo }): OperationFacts {
  const { operation } = options;
  let facts = cache.get(operation);
  if (facts !== undefined) return facts;
  const types = new Set<string>();
  for (const response of Object.values(operation.responses ?? {})) {
    const content = (response as { content?: Record<string, unknown> } | null)?.content;
    if (content !== null && typeof content === 'object')
      for (const type of Object.keys(content)) types.add(type);
  }
  const accept =
    types.size === 0 ? undefined : [...types, ...(types.has('*/*') ? [] : ['*/*;q=0.8'])].join(', ');
  const apiKeyNames = Object.values(operation.securitySchemes ?? {})
    .filter((scheme) => scheme.type === 'apiKey' && typeof scheme.name === 'string')
    .map((scheme) => scheme.name as string);
  facts = { method: operation.method.toUpperCase(), accept, apiKeyNames };
  cache.set(operation, facts);
  return facts;
}
