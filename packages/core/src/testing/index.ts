/**
 * @telaio/core/testing: the in-memory Transport and the Transport contract suite (needs vitest).
 */

export { buildSimpleRequest } from './build-simple-request.js';
export { contractOperation, contractOperations } from './contract-operations.js';
export { answerContractRequest, type ContractAnswer, type ContractRequest } from './contract-routes.js';
export {
  createMemoryTransport,
  type MemoryHandler,
  type MemoryResponse,
  type MemoryTransport,
  parseRetryAfter,
} from './create-memory-transport.js';
export { runTransportContract, type TransportFactory } from './run-transport-contract.js';
export { type ContractServer, startContractServer } from './start-contract-server.js';
