import { type OperationParameter, type PreparedRequest, TransportError } from '@telaio/core';
import { percentEncode } from './percent-encode.js';
import { selectServer } from './select-server.js';
import { serializeParameter } from './serialize-parameter.js';

/** A request's URL and the header and cookie values its parameters produce. */
export interface BuiltTarget {
  readonly url: string;
  /** The server base URL the path was appended to. */
  readonly base: string;
  /** Lower-case header name → value, from `in: header` parameters. */
  readonly headers: Record<string, string>;
  /** `name=value` cookie pairs from `in: cookie` parameters. */
  readonly cookies: string[];
}

/** What buildUrl needs of an operation, worked out once per operation. */
interface OperationUrlFacts {
  /** Parameter definitions by `in`, then name (header names lower-case). */
  readonly definitions: Map<string, Map<string, OperationParameter>>;
  /** Names of the path template's `{name}` parameters, in template order. */
  readonly templateNames: readonly string[];
}

const factsCache = new WeakMap<object, OperationUrlFacts>();

function urlFactsOf(operation: PreparedRequest['operation']): OperationUrlFacts {
  let facts = factsCache.get(operation);
  if (facts === undefined) {
    const definitions = new Map<string, Map<string, OperationParameter>>();
    for (const p of operation.parameters) {
      let byName = definitions.get(p.in);
      if (byName === undefined) {
        byName = new Map();
        definitions.set(p.in, byName);
      }
      byName.set(p.in === 'header' ? p.name.toLowerCase() : p.name, p);
    }
    const templateNames = Array.from(operation.path.matchAll(/\{([^{}]+)\}/g), (m) => m[1] as string);
    facts = { definitions, templateNames };
    factsCache.set(operation, facts);
  }
  return facts;
}

/** A `content` parameter's value as text: JSON for JSON media types (and by default), else as is. */
function contentText(definition: OperationParameter, value: unknown): string {
  const mediaType = Object.keys(definition.content ?? {})[0] ?? 'application/json';
  if (typeof value === 'string' && !/json/i.test(mediaType)) return value;
  return JSON.stringify(value);
}

/**
 * An OpenAPI 3.2 `in: querystring` parameter: the whole query string, by its `content` media type.
 * Form-urlencoded (the usual one, and the default): an object as `name=value` pairs (arrays
 * repeated), a string as given (a leading `?` dropped); any other media type: the value as text
 * (JSON for a JSON type), percent-encoded.
 */
function querystringText(definition: OperationParameter | undefined, value: unknown): string {
  const mediaType = Object.keys(definition?.content ?? {})[0] ?? 'application/x-www-form-urlencoded';
  if (/x-www-form-urlencoded/i.test(mediaType)) {
    if (typeof value === 'string') return value.startsWith('?') ? value.slice(1) : value;
    if (value === null || typeof value !== 'object') return percentEncode({ value: String(value) });
    const pairs: string[] = [];
    for (const [name, item] of Object.entries(value)) {
      const serialized = serializeParameter({ name, in: 'query', value: item, style: 'form', explode: true });
      pairs.push(...(serialized.pairs ?? []));
    }
    return pairs.join('&');
  }
  return percentEncode({
    value: typeof value === 'string' && !/json/i.test(mediaType) ? value : JSON.stringify(value),
  });
}

/** Never send a literal `{name}`: every parameter of the path template must have had a value. */
function assertPathComplete(
  request: PreparedRequest,
  templateNames: readonly string[],
  substituted: ReadonlySet<string> | undefined,
): void {
  const { operation } = request;
  for (const name of templateNames) {
    if (substituted?.has(name) === true) continue;
    throw new TransportError(
      'ERR_PATH_PARAMETER',
      `${operation.method.toUpperCase()} ${operation.path}: path parameter "${name}" has no value, ` +
        'so the request was not sent',
    );
  }
}

/**
 * Builds the URL (server + path template with path parameters + query string) and collects header
 * and cookie parameters, each serialised by its OpenAPI definition's style/explode (or the
 * location's defaults for parameters the operation does not define). Undefined values are left out;
 * a path template parameter left without a value throws TransportError `ERR_PATH_PARAMETER`.
 */
export function buildUrl(options: { readonly request: PreparedRequest }): BuiltTarget {
  const { request } = options;
  const { definitions, templateNames } = urlFactsOf(request.operation);
  let path = request.operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  let substituted: Set<string> | undefined;
  for (const parameter of request.parameters) {
    if (parameter.value === undefined) continue;
    const key = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
    const definition = definitions.get(parameter.in)?.get(key);
    if (parameter.in === 'querystring') {
      const text = querystringText(definition, parameter.value);
      if (text !== '') query.push(text);
      continue;
    }
    const usesContent = definition?.content !== undefined && definition.schema === undefined;
    const serialized = serializeParameter({
      name: parameter.name,
      in: parameter.in,
      value:
        usesContent && definition !== undefined ? contentText(definition, parameter.value) : parameter.value,
      // a content parameter has no style or explode (the location's defaults apply)
      style: usesContent ? undefined : definition?.style,
      explode: usesContent ? undefined : definition?.explode,
      allowReserved: definition?.allowReserved,
      collectionFormat: definition?.collectionFormat,
    });
    switch (parameter.in) {
      case 'path': {
        const text = serialized.text ?? '';
        // a replacement string is read for `$` patterns; percent-encoded text has no `$`
        path = text.includes('$')
          ? path.replaceAll(`{${parameter.name}}`, () => text)
          : path.replaceAll(`{${parameter.name}}`, text);
        substituted ??= new Set();
        substituted.add(parameter.name);
        break;
      }
      case 'query':
        query.push(...(serialized.pairs ?? []));
        break;
      case 'header':
        headers[key] = serialized.text ?? '';
        break;
      case 'cookie':
        cookies.push(...(serialized.pairs ?? []));
        break;
    }
  }
  if (templateNames.length > 0) assertPathComplete(request, templateNames, substituted);
  const base = selectServer({ request });
  const joined = base.endsWith('/') && path.startsWith('/') ? base + path.slice(1) : base + path;
  const separator = joined.includes('?') ? '&' : '?';
  return { url: query.length > 0 ? joined + separator + query.join('&') : joined, base, headers, cookies };
}
