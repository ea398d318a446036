/**
 * @telaio/core/testing/contract: the contract suites every seam implementation runs (Transport,
 * MessageTransport, Host: runs cut after each journal point and resumed), with their loopback
 * servers, routes and fixtures. Importing it imports vitest, so
 * only import it from a vitest test file; `@telaio/core/testing` does not.
 */

export { contractOperation, contractOperations } from './contract-operations.js';
export { answerContractRequest, type ContractAnswer, type ContractRequest } from './contract-routes.js';
// The Host contract suite: durability (cut and resumed runs), sleeps and external waits, for any host.
export { createFetchTransport } from './create-fetch-transport.js';
export { HOST_CONTRACT_ARAZZO, HOST_CONTRACT_URI, hostContractLoader } from './host-contract-documents.js';
export { type InstrumentOptions, instrumentHost, type JournalPoint, RunCut } from './instrument-host.js';
export {
  contractAddress,
  contractTarget,
  type MessageContractSetup,
  type MessageTransportFactory,
} from './message-contract-setup.js';
export { runMessageTransportContract } from './message-transport-contract.js';
export {
  comparableResult,
  type HostContractSubject,
  type HostFactory,
  runHostContract,
} from './run-host-contract.js';
export { runTransportContract, type TransportFactory } from './run-transport-contract.js';
export { type ContractServer, startContractServer } from './start-contract-server.js';
export {
  HOST_CONTRACT_CODE,
  type HostContractServer,
  startHostContractServer,
} from './start-host-contract-server.js';
