import type { RefResolver } from './create-ref-resolver.js';

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
const asArr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
/** Swagger 2.0 parameter and header keywords that belong to the value's schema in OpenAPI 3. */
const SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'default',
  'enum',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
] as const;
/** Swagger 2.0 OAuth2 flow names and their OpenAPI 3 equivalents. */
const FLOWS: Readonly<Record<string, string>> = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
};
const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * A Swagger 2.0 document rewritten in the shape of OpenAPI 3 that buildOperations reads, the rest
 * of the root (definitions, parameters, responses) kept so `$ref`s still resolve: `host`,
 * `basePath` and `schemes` become `servers` (no `schemes`: the scheme the source was read over,
 * else https); `body` parameters and `formData` parameters become a `requestBody` for the
 * operation's `consumes` (form data as an object schema, a `file` making it multipart); responses'
 * `schema` becomes `content` for its `produces` (default `application/json`); parameter and header
 * keywords move into a `schema`, `collectionFormat` kept for the transport; `securityDefinitions`
 * become `components.securitySchemes` (basic → http basic, OAuth2 flows renamed).
 */
export function convertSwagger2(options: { api: unknown; uri?: string; refs: RefResolver }): Obj {
  const root = asObj(options.api);
  const { refs } = options;
  const consumes = strings(root.consumes) ?? ['application/json'];
  const produces = strings(root.produces) ?? ['application/json'];
  const paths: Obj = {};
  for (const [path, rawItem] of Object.entries(asObj(root.paths))) {
    const item = asObj(refs.shallow(rawItem));
    const itemParams = asArr(item.parameters).map((p) => asObj(refs.shallow(p)));
    const out: Obj = { parameters: itemParams.filter(isPlain).map(toParameter) };
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      const op = asObj(item[method]);
      const params = asArr(op.parameters).map((p) => asObj(refs.shallow(p)));
      const all = [
        ...itemParams.filter((p) => !params.some((q) => q.name === p.name && q.in === p.in)),
        ...params,
      ];
      const requestBody = toRequestBody(all, strings(op.consumes) ?? consumes);
      const types = strings(op.produces) ?? produces;
      const responses: Obj = {};
      for (const [status, raw] of Object.entries(asObj(op.responses)))
        responses[status] = toResponse(asObj(refs.shallow(raw)), types);
      out[method] = {
        ...op,
        parameters: params.filter(isPlain).map(toParameter),
        ...(requestBody === undefined ? {} : { requestBody }),
        responses,
        ...(op.schemes === undefined ? {} : { servers: toServers(root, strings(op.schemes), options.uri) }),
      };
    }
    paths[path] = out;
  }
  const securitySchemes: Obj = {};
  for (const [name, raw] of Object.entries(asObj(root.securityDefinitions)))
    securitySchemes[name] = toSecurityScheme(asObj(refs.shallow(raw)));
  return {
    ...root,
    servers: toServers(root, strings(root.schemes), options.uri),
    paths,
    components: { securitySchemes },
  };
}

function isPlain(p: Obj): boolean {
  return p.in !== 'body' && p.in !== 'formData';
}

/** A path, query, header parameter: its value keywords as a `schema`, `collectionFormat` kept (csv by default for arrays). */
function toParameter(p: Obj): Obj {
  const { in: where, name, required, description, allowEmptyValue } = p;
  const schema = pickSchema(p);
  const collectionFormat = p.collectionFormat ?? (p.type === 'array' ? 'csv' : undefined);
  return {
    name,
    in: where,
    ...(required === undefined ? {} : { required }),
    ...(description === undefined ? {} : { description }),
    ...(allowEmptyValue === undefined ? {} : { allowEmptyValue }),
    schema,
    ...(collectionFormat === undefined ? {} : { collectionFormat }),
  };
}

function pickSchema(p: Obj): Obj {
  const schema: Obj = {};
  for (const key of SCHEMA_KEYS) if (p[key] !== undefined) schema[key] = p[key];
  if (schema.type !== 'file') return schema;
  return { ...schema, type: 'string', format: 'binary' };
}

/** The `body` parameter, else the `formData` parameters, as an OpenAPI 3 request body. */
function toRequestBody(params: readonly Obj[], consumes: readonly string[]): Obj | undefined {
  const body = params.find((p) => p.in === 'body');
  if (body !== undefined) {
    const types = consumes.filter((t) => !FORM.test(t));
    const content: Obj = {};
    for (const type of types.length > 0 ? types : ['application/json'])
      content[type] = { schema: body.schema ?? {} };
    return { ...(body.required === true ? { required: true } : {}), content };
  }
  const fields = params.filter((p) => p.in === 'formData');
  if (fields.length === 0) return undefined;
  const properties: Obj = {};
  const encoding: Obj = {};
  for (const field of fields) {
    properties[String(field.name)] = pickSchema(field);
    const format = field.collectionFormat ?? (field.type === 'array' ? 'csv' : undefined);
    if (format !== undefined) encoding[String(field.name)] = { collectionFormat: format };
  }
  const required = fields.filter((f) => f.required === true).map((f) => String(f.name));
  const schema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const multipart =
    fields.some((f) => f.type === 'file') || consumes.some((t) => /^multipart\/form-data/i.test(t));
  const type = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  return { ...(required.length > 0 ? { required: true } : {}), content: { [type]: { schema, encoding } } };
}

/** A Swagger 2.0 response: `schema` as `content` per produced type, headers' keywords as schemas. */
function toResponse(response: Obj, produces: readonly string[]): Obj {
  const { schema, headers, examples: _, ...rest } = response;
  const out: Obj = { ...rest };
  if (schema !== undefined) {
    const content: Obj = {};
    for (const type of produces.length > 0 ? produces : ['application/json']) content[type] = { schema };
    out.content = content;
  }
  if (headers !== undefined) {
    const converted: Obj = {};
    for (const [name, header] of Object.entries(asObj(headers)))
      converted[name] = { schema: pickSchema(asObj(header)) };
    out.headers = converted;
  }
  return out;
}

/** `{scheme}://{host}{basePath}` for each scheme; a relative `basePath` when there is no host. */
function toServers(root: Obj, schemes: readonly string[] | undefined, uri: string | undefined): Obj[] {
  const basePath = typeof root.basePath === 'string' ? root.basePath : '';
  if (typeof root.host !== 'string' || root.host === '') return [{ url: basePath === '' ? '/' : basePath }];
  const readOver = uri === undefined ? undefined : /^(https?):/i.exec(uri)?.[1]?.toLowerCase();
  const list = schemes !== undefined && schemes.length > 0 ? schemes : [readOver ?? 'https'];
  return list.map((scheme) => ({ url: `${scheme}://${root.host}${basePath}` }));
}

function toSecurityScheme(scheme: Obj): Obj {
  if (scheme.type === 'basic') return { type: 'http', scheme: 'basic' };
  if (scheme.type !== 'oauth2') return scheme;
  const { flow, authorizationUrl, tokenUrl, scopes, type: _, ...rest } = scheme;
  const name = FLOWS[String(flow)] ?? String(flow);
  const details = {
    ...(authorizationUrl === undefined ? {} : { authorizationUrl }),
    ...(tokenUrl === undefined ? {} : { tokenUrl }),
    scopes: scopes ?? {},
  };
  return { ...rest, type: 'oauth2', flows: { [name]: details } };
}
