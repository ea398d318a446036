/**
 * @telaio/core/testing/contract: the Transport contract suite, a vitest suite every Transport runs to
 * prove the same behaviour, with its loopback server, routes and operation fixtures. Importing it
 * imports vitest, so only import it from a vitest test file; `@telaio/core/testing` does not.
 */

export { contractOperation, contractOperations } from './contract-operations.js';
export { answerContractRequest, type ContractAnswer, type ContractRequest } from './contract-routes.js';
export { runTransportContract, type TransportFactory } from './run-transport-contract.js';
export { type ContractServer, startContractServer } from './start-contract-server.js';
