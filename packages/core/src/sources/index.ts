/** Sources: loading, resolving sourceDescriptions, the operation index and resolveDocument. */

export { buildOperations, type OpenApiSummary, type SourceOperation } from './build-operations.js';
export {
  createDefaultLoader,
  DEFAULT_MAX_SOURCE_BYTES,
  type DefaultLoaderOptions,
  defaultLoader,
} from './create-default-loader.js';
export { createOperationIndex } from './create-operation-index.js';
export { defaultCacheDir } from './disk-cache.js';
export { exampleFromShape } from './example-from-shape.js';
export { redactUrl } from './redact-url.js';
export { resolveDocument } from './resolve-document.js';
export { normalizeDocumentUri, resolveSourceUri } from './resolve-source-uri.js';
export { clearSourceCache } from './source-cache.js';
