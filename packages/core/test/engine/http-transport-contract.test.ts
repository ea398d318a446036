import { runTransportContract } from '@telaio/core/testing/contract';
import { createHttpTransport } from '@telaio/http-adapter';

// The got transport proves the same Transport contract as the in-memory one.
runTransportContract('http-adapter (got)', () => createHttpTransport({ keepAlive: false }));
