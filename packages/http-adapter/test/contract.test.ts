import { runTransportContract } from '@telaio/core/testing/contract';
import { createHttpTransport } from '@telaio/http-adapter';

// The engine's Transport contract suite (loopback node:http server started by the suite) run
// against the HTTP transport.
runTransportContract('@telaio/http-adapter', () =>
  createHttpTransport({ timeout: { connect: 2000, total: 5000 } }),
);
