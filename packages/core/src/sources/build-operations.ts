import { escapePointerToken } from '../document/json-pointer.js';
import type { ParameterLocation } from '../model/arazzo.js';
import { isLazyValue } from '../yaml/lazy-region.js';
import { buildResponseShapes } from './build-response-shapes.js';
import { convertSwagger2 } from './convert-swagger2.js';
import { createRefResolver } from './create-ref-resolver.js';
import { createShapeBuilder } from './create-shape-builder.js';
import { defineLazyProperty } from './define-lazy-property.js';
import { createNeedWalker } from './find-broken-refs.js';
import type { OperationInfo, OperationParameter, SecurityScheme, ServerInfo } from './types.js';

/** An operation as cached for a source file, before a sourceDescription name is attached. */
export type SourceOperation = Omit<OperationInfo, 'sourceName'>;

/** What telaio keeps of one OpenAPI document. Plain JSON, so it can be cached on disk. */
export interface OpenApiSummary {
  readonly version: string;
  /** Local `$ref`s written in the source that reach nothing (see findBrokenLocalRefs). */
  readonly brokenRefs?: readonly string[];
  readonly operations: readonly SourceOperation[];
  readonly securitySchemes: { readonly [name: string]: SecurityScheme };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** OpenAPI 3.2 adds the QUERY method to the fixed fields of a Path Item. */
const METHODS_32 = [...METHODS, 'query'] as const;
type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
const asArr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Walk an OpenAPI 3.0/3.1/3.2 document (or a Swagger 2.0 one, rewritten by convertSwagger2) once and
 * describe every operation: merged path-item and operation parameters and request body with local
 * `$ref`s resolved, response objects resolved at their top (their schemas keep `$ref`s: inlining
 * Stytch's response schemas would weigh 2 MB) with a compact shape of each JSON body for pointer
 * checks, effective servers and security; parameters, request body and shapes are built on first
 * read (defineLazyProperty), so only the operations someone looks at cost more than their index
 * entry. OpenAPI 3.2's `query` operations and its
 * `additionalOperations` (pointer `/paths/<path>/additionalOperations/<METHOD>`) are operations too.
 */
export function buildOperations(options: {
  api: unknown;
  uri?: string;
  /** Work out each operation's `unresolvedRefs` (only worth it when the source has broken `$ref`s). */
  needs?: boolean;
}): OpenApiSummary {
  const original = asObj(options.api);
  const swagger = original.swagger !== undefined;
  const root = swagger
    ? convertSwagger2({
        api: original,
        refs: createRefResolver(original),
        ...(options.uri === undefined ? {} : { uri: options.uri }),
      })
    : original;
  const is32 = typeof root.openapi === 'string' && root.openapi.startsWith('3.2');
  const base = options.uri !== undefined && /^https?:/i.test(options.uri) ? options.uri : undefined;
  const servers = (value: unknown) => serverList(value, base);
  const refs = createRefResolver(root);
  const builder = createShapeBuilder({ root });
  const needed = options.needs === true ? createNeedWalker(root) : undefined;
  const docServers = servers(root.servers) ?? servers([{ url: '/' }]) ?? [];
  const components = asObj(root.components);
  const securitySchemes: Record<string, SecurityScheme> = {};
  for (const [name, scheme] of Object.entries(asObj(components.securitySchemes))) {
    securitySchemes[name] = refs.deep(scheme) as SecurityScheme;
  }
  const docSecurity = Array.isArray(root.security) ? root.security : [];
  const operations: SourceOperation[] = [];
  for (const [path, rawItem] of Object.entries(asObj(root.paths))) {
    const item = asObj(refs.shallow(rawItem));
    const itemServers = servers(item.servers);
    const found: [method: string, pointer: string, op: unknown][] = [];
    for (const method of is32 ? METHODS_32 : METHODS)
      if (item[method] !== undefined) found.push([method, `${method}`, item[method]]);
    if (is32)
      for (const [method, op] of Object.entries(asObj(item.additionalOperations)))
        found.push([method.toLowerCase(), `additionalOperations/${escapePointerToken(method)}`, op]);
    for (const [method, at, raw] of found) {
      const op = asObj(refs.shallow(raw));
      // Parameters, the request body (both with every `$ref` inlined), the responses and their
      // shapes are worked out on first read: a validate run reads them for the few operations its
      // steps use (and a lazy YAML parse then builds only those parts of the source).
      const info: Obj = {
        ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
        method,
        path,
        pointer: `/paths/${escapePointerToken(path)}/${at}`,
        servers: servers(op.servers) ?? itemServers ?? docServers,
      };
      defineLazyProperty(info, 'parameters', () =>
        mergeParameters([...asArr(item.parameters), ...asArr(op.parameters)].map((p) => asObj(refs.deep(p)))),
      );
      // (isLazyValue: a request body a lazy parse deferred is there, and stays unbuilt until read)
      if (isLazyValue(op, 'requestBody') || op.requestBody !== undefined)
        defineLazyProperty(info, 'requestBody', () => {
          const body = asObj(refs.deep(op.requestBody));
          return { ...body, content: asObj(body.content) } as SourceOperation['requestBody'];
        });
      const responses = defineLazyProperty(info, 'responses', () => {
        const out: Obj = {};
        for (const [status, response] of Object.entries(asObj(op.responses)))
          out[status] = refs.shallow(response);
        return out;
      });
      Object.assign(info, {
        security: (Array.isArray(op.security) ? op.security : docSecurity) as OperationInfo['security'],
        securitySchemes,
      });
      // Undefined when no response has a JSON body.
      defineLazyProperty(info, 'responseShapes', () =>
        buildResponseShapes({ responses: responses.responses, builder }),
      );
      const missing = needed?.([asArr(item.parameters), op.parameters, op.requestBody, op.responses]) ?? [];
      if (missing.length > 0) Object.assign(info, { unresolvedRefs: missing });
      // The fields of SourceOperation, in its order; the lazy ones are accessors.
      operations.push(info as unknown as SourceOperation);
    }
  }
  return { version: String(original.openapi ?? original.swagger ?? ''), operations, securitySchemes };
}

/** Non-empty server list, or undefined to inherit; relative URLs of a remote source made absolute. */
function serverList(value: unknown, base: string | undefined): ServerInfo[] | undefined {
  const list = asArr(value).filter((s): s is ServerInfo => typeof asObj(s).url === 'string');
  if (list.length === 0) return undefined;
  if (base === undefined) return list;
  return list.map((s) =>
    /^[a-z][a-z0-9+.-]*:|^\{/i.test(s.url) ? s : { ...s, url: new URL(s.url, base).href },
  );
}

/** Later parameters (operation level) replace earlier ones (path level) with the same name and location. */
function mergeParameters(params: readonly Obj[]): OperationParameter[] {
  const byKey = new Map<string, OperationParameter>();
  for (const p of params) {
    if (typeof p.name !== 'string' || typeof p.in !== 'string') continue;
    const param: OperationParameter = {
      name: p.name,
      in: p.in as ParameterLocation,
      ...pick(p, ['required', 'style', 'explode', 'allowReserved', 'schema', 'content', 'collectionFormat']),
    };
    byKey.set(`${p.in}\u0000${p.name}`, param);
  }
  return [...byKey.values()];
}

function pick(source: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
