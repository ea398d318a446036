/** The description formats telaio reads as sources, by the version field that names them. */
export type ApiFamily =
  | 'swagger-2.0'
  | 'openapi-3.0'
  | 'openapi-3.1'
  | 'openapi-3.2'
  | 'asyncapi-2'
  | 'asyncapi-3';

type Obj = Record<string, unknown>;

/**
 * Which format a parsed source is in, from its `swagger`, `openapi` or `asyncapi` field, or why it
 * is not one telaio reads (a number where a string belongs, an unknown version, no `paths`,
 * `webhooks` or `channels`). The patch version is ignored, as each specification says.
 */
export function checkApiVersion(api: unknown): { family: ApiFamily } | { reason: string } {
  if (api === null || typeof api !== 'object' || Array.isArray(api))
    return { reason: 'not an OpenAPI document, nor an AsyncAPI one (no openapi, swagger or asyncapi field)' };
  const root = api as Obj;
  const info = root.info as Obj | undefined;
  if (info !== null && typeof info === 'object' && typeof info.version === 'number')
    return { reason: 'info.version must be a string (e.g. "1.0.0"), not a number' };
  if (root.asyncapi !== undefined) {
    const major = typeof root.asyncapi === 'string' ? /^(\d+)\.\d+/.exec(root.asyncapi)?.[1] : undefined;
    if (major === '2' || major === '3') return { family: `asyncapi-${major}` };
    return { reason: `unsupported AsyncAPI version ${JSON.stringify(root.asyncapi)}: 2.x or 3.x only` };
  }
  if (root.swagger !== undefined) {
    if (root.swagger === '2.0') return { family: 'swagger-2.0' };
    return { reason: `unsupported Swagger version ${JSON.stringify(root.swagger)}: expected "2.0"` };
  }
  if (root.openapi === undefined)
    return { reason: 'not an OpenAPI document, nor an AsyncAPI one (no openapi, swagger or asyncapi field)' };
  const minor =
    typeof root.openapi === 'string' ? /^3\.([0-2])\.\d+(-.+)?$/.exec(root.openapi)?.[1] : undefined;
  if (minor === undefined) {
    const shown =
      typeof root.openapi === 'number'
        ? `${root.openapi} (a number: write "3.x.y")`
        : JSON.stringify(root.openapi);
    return { reason: `unsupported OpenAPI version ${shown}: 3.0, 3.1 and 3.2 (and Swagger 2.0) are read` };
  }
  const family = `openapi-3.${minor}` as ApiFamily;
  const hasPaths = root.paths !== undefined;
  if (
    !hasPaths &&
    (family === 'openapi-3.0' || (root.webhooks === undefined && root.components === undefined))
  )
    return { reason: `not a valid OpenAPI ${root.openapi} document: it has no paths` };
  return { family };
}
