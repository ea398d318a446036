/**
 * The MessageTransport contract (the suite every message transport runs, from
 * @telaio/core/testing/contract) for the MQTT transport against an embedded aedes broker: runs with
 * only Node. MQTT 3.1.1 carries no per-message headers, so the header cases skip with a printed line.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { contractTarget, runMessageTransportContract } from '@telaio/core/testing/contract';
import { startAedes } from './support/start-aedes.js';

runMessageTransportContract('mqtt (aedes, MQTT 3.1.1)', async () => {
  const broker = await startAedes();
  return {
    transport: createAsyncApiTransport({ reconnectDelayMs: 50 }),
    target: (address) => contractTarget({ address, url: broker.url, protocol: 'mqtt' }),
    headers: false,
    close: () => broker.close(),
  };
});
