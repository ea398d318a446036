import type {
  CredentialProvider,
  OperationInfo,
  PreparedRequest,
  RequestParameter,
  TransportContext,
} from '@telaio/core';

/** An OperationInfo with sensible defaults for tests. */
export function makeOperation(overrides: Partial<OperationInfo> = {}): OperationInfo {
  return {
    sourceName: 'api',
    operationId: 'op',
    method: 'get',
    path: '/things',
    pointer: '/paths/~1things/get',
    servers: [{ url: 'http://api.test' }],
    parameters: [],
    responses: {},
    security: [],
    securitySchemes: {},
    ...overrides,
  };
}

/** A PreparedRequest for an operation. */
export function makeRequest(options: {
  operation?: Partial<OperationInfo>;
  parameters?: RequestParameter[];
  body?: PreparedRequest['body'];
  serverUrl?: string;
}): PreparedRequest {
  return {
    operation: makeOperation(options.operation),
    parameters: options.parameters ?? [],
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.serverUrl === undefined ? {} : { serverUrl: options.serverUrl }),
  };
}

/** A TransportContext with a fresh signal. */
export function makeContext(credentials?: CredentialProvider, signal?: AbortSignal): TransportContext {
  return {
    signal: signal ?? new AbortController().signal,
    ...(credentials === undefined ? {} : { credentials }),
  };
}

/** The three example values of the OpenAPI style tables. */
export const COLOR = {
  empty: '',
  string: 'blue',
  array: ['blue', 'black', 'brown'],
  object: { R: 100, G: 200, B: 150 },
} as const;
