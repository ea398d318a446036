/** OperationInfo fixtures for the transport contract suite, pointing at the contract server's routes. */
import type { OperationInfo, OperationParameter } from '../../sources/types.js';

/** Build an operation of the contract API (`sourceName` `contract`, no security). */
export function contractOperation(options: {
  method: string;
  path: string;
  parameters?: readonly OperationParameter[];
  requestBody?: OperationInfo['requestBody'];
}): OperationInfo {
  const base = {
    sourceName: 'contract',
    operationId: `${options.method}${options.path.replace(/[^A-Za-z0-9]/g, '_')}`,
    method: options.method,
    path: options.path,
    pointer: `/paths/${options.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${options.method}`,
    servers: [{ url: 'http://127.0.0.1:1' }],
    parameters: options.parameters ?? [],
    responses: {},
    security: [],
    securitySchemes: {},
  };
  return options.requestBody === undefined ? base : { ...base, requestBody: options.requestBody };
}

/** The operations the suite calls. */
export const contractOperations = {
  echoGet: contractOperation({
    method: 'get',
    path: '/echo/{id}',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'q', in: 'query', schema: { type: 'string' } },
      { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
    ],
  }),
  echoPost: contractOperation({
    method: 'post',
    path: '/echo',
    requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
  }),
  status: contractOperation({
    method: 'get',
    path: '/status/{code}',
    parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'integer' } }],
  }),
  text: contractOperation({ method: 'get', path: '/text' }),
  xml: contractOperation({ method: 'get', path: '/xml' }),
  empty: contractOperation({ method: 'get', path: '/empty' }),
  slow: contractOperation({ method: 'get', path: '/slow' }),
} as const;
