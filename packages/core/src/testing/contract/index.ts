/**
 * @telaio/core/testing/contract: the contract suites every seam implementation runs (Transport,
 * MessageTransport), with their loopback server, routes and fixtures. Importing it imports vitest, so
 * only import it from a vitest test file; `@telaio/core/testing` does not.
 */

export { contractOperation, contractOperations } from './contract-operations.js';
export { answerContractRequest, type ContractAnswer, type ContractRequest } from './contract-routes.js';
export {
  contractAddress,
  contractTarget,
  type MessageContractSetup,
  type MessageTransportFactory,
} from './message-contract-setup.js';
export { runMessageTransportContract } from './message-transport-contract.js';
export { runTransportContract, type TransportFactory } from './run-transport-contract.js';
export { type ContractServer, startContractServer } from './start-contract-server.js';
