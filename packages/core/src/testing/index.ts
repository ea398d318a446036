/**
 * @telaio/core/testing: the in-memory Transport and the in-memory durable host, usable anywhere (plain node, examples, benchmarks;
 * no vitest). The Transport contract suite, which needs vitest, is `@telaio/core/testing/contract`.
 */

// The in-memory durable host: journals every effect as JSON text in a store that outlives the host.
export {
  createMemoryHost,
  createMemoryHostStore,
  type MemoryHost,
  type MemoryHostStore,
} from './create-memory-host.js';
// The in-memory MessageTransport: a broker in the process, for asyncapi steps in tests and examples.
export {
  addressMatches,
  createMemoryMessageTransport,
  type MemoryMessageTransport,
  type MemoryPublish,
  type MemorySent,
} from './create-memory-message-transport.js';
// The in-memory Transport: answers each request from a handler and records what was sent.
export {
  createMemoryTransport,
  type MemoryHandler,
  type MemoryResponse,
  type MemoryTransport,
} from './create-memory-transport.js';
