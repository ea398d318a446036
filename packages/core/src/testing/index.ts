/**
 * @telaio/core/testing: the in-memory Transport and the Transport contract suite (needs vitest).
 */
export { createMemoryTransport, parseRetryAfter, type MemoryHandler, type MemoryResponse, type MemoryTransport } from './create-memory-transport.js';
export { buildSimpleRequest } from './build-simple-request.js';
export { runTransportContract, type TransportFactory } from './run-transport-contract.js';
export { startContractServer, type ContractServer } from './start-contract-server.js';
export { answerContractRequest, type ContractAnswer, type ContractRequest } from './contract-routes.js';
export { contractOperation, contractOperations } from './contract-operations.js';
