/**
 * @telaio/core/testing: the in-memory Transport, usable anywhere (plain node, examples, benchmarks;
 * no vitest). The Transport contract suite, which needs vitest, is `@telaio/core/testing/contract`.
 */

export { buildSimpleRequest } from './build-simple-request.js';
export {
  createMemoryTransport,
  type MemoryHandler,
  type MemoryResponse,
  type MemoryTransport,
  parseRetryAfter,
} from './create-memory-transport.js';
