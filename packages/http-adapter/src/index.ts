/**
 * @telaio/http-adapter: a Transport for @telaio/core over Node's HTTP client, shaped by the OpenAPI operation
 * (servers, parameter styles, bodies, security), with timeouts, keep-alive, pino logging and HAR.
 */

export type { EncodedBody } from './body/encode-body.js';
export { encodeBody } from './body/encode-body.js';
export type { HttpTransport, HttpTransportOptions } from './create-http-transport.js';
export { createHttpTransport } from './create-http-transport.js';
export type { HarEntry, HarLog, HarNameValue, HarRequest, HarResponse, HarTimings } from './har/har-types.js';
export type { Redactor, RedactorOptions } from './redact.js';
export { createRedactor, REDACTED } from './redact.js';
export { parseRetryAfter } from './response/parse-retry-after.js';
export { createTlsTransport, type TlsMaterial, type TlsOptions } from './tls/create-tls-transport.js';
export type { BuiltTarget } from './url/build-url.js';
export { buildUrl } from './url/build-url.js';
export type { SerializedParameter, SerializeParameterOptions } from './url/serialize-parameter.js';
export { serializeParameter } from './url/serialize-parameter.js';
