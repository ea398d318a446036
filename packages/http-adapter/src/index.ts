/**
 * @telaio/http-adapter: a got-based Transport for @telaio/core, shaped by the OpenAPI operation
 * (servers, parameter styles, bodies, security), with timeouts, keep-alive, pino logging and HAR.
 */
export { createHttpTransport } from './create-http-transport.js';
export type { HttpTransport, HttpTransportOptions } from './create-http-transport.js';
export { createRedactor, REDACTED } from './redact.js';
export type { Redactor, RedactorOptions } from './redact.js';
export type { HarEntry, HarLog, HarNameValue, HarRequest, HarResponse, HarTimings } from './har/har-types.js';
export { serializeParameter } from './url/serialize-parameter.js';
export type { SerializeParameterOptions, SerializedParameter } from './url/serialize-parameter.js';
export { parseRetryAfter } from './response/parse-retry-after.js';
