/** Sources: loading, resolving sourceDescriptions, the operation index and resolveDocument. */
export { resolveDocument } from './resolve-document.js';
export { createDefaultLoader, defaultLoader } from './create-default-loader.js';
export { createOperationIndex } from './create-operation-index.js';
export { buildOperations, type OpenApiSummary, type SourceOperation } from './build-operations.js';
export { clearSourceCache } from './source-cache.js';
export { defaultCacheDir } from './disk-cache.js';
export { resolveSourceUri, normalizeDocumentUri } from './resolve-source-uri.js';
