/**
 * The MessageTransport contract for the WebSocket transport against an in-process ws server that
 * echoes each frame to its sender (a channel is one socket shared by sends and receives, so a sent
 * message comes back to the subscription). Frames carry no headers: those cases skip with a line.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { contractTarget, runMessageTransportContract } from '@telaio/core/testing/contract';
import { startWsServer } from './support/start-ws-server.js';

runMessageTransportContract('ws (echoing ws server)', async () => {
  const server = await startWsServer();
  return {
    transport: createAsyncApiTransport({ reconnectDelayMs: 50 }),
    target: (address) => contractTarget({ address, url: server.url, protocol: 'ws' }),
    headers: false,
    close: () => server.close(),
  };
});
